/**
 * The interchange (file) forms of the book and the market, as in MODEL.md §8 and the examples
 * beside it: plain JSON-ready objects with the same field names and key order. These are the
 * shapes the synthetic generator emits; the calculator's validated model types live elsewhere
 * in the core and may later replace these.
 */

export type MarginModeName = 'standard' | 'portfolio';
export type OptionRightName = 'call' | 'put';

export interface PerpPositionDocument {
  readonly type: 'perp';
  readonly asset: string;
  /** Signed quantity of the underlying: long > 0, short < 0. */
  readonly qty: number;
  /** Entry price, USD per unit, > 0. */
  readonly entry: number;
}

export interface FuturePositionDocument {
  readonly type: 'future';
  readonly asset: string;
  readonly qty: number;
  readonly entry: number;
  /** ISO date `YYYY-MM-DD`. */
  readonly expiry: string;
}

/** European, USD-settled option on `asset`. */
export interface OptionPositionDocument {
  readonly type: 'option';
  readonly asset: string;
  readonly right: OptionRightName;
  /** Strike, USD, > 0. */
  readonly strike: number;
  /** ISO date `YYYY-MM-DD`. */
  readonly expiry: string;
  readonly qty: number;
}

export type PositionDocument = PerpPositionDocument | FuturePositionDocument | OptionPositionDocument;

export interface SubaccountDocument {
  readonly venue: string;
  readonly marginMode: MarginModeName;
  /** Asset → signed quantity (negative = borrowed). */
  readonly collateral: Readonly<Record<string, number>>;
  readonly positions: readonly PositionDocument[];
}

export interface ClientDocument {
  readonly id: string;
  /** At most one subaccount per venue. */
  readonly subaccounts: readonly SubaccountDocument[];
}

export interface BookDocument {
  readonly asOf: string;
  /** USD, ≥ 0. */
  readonly insuranceFund: number;
  readonly clients: readonly ClientDocument[];
}

export interface CryptoAssetDocument {
  readonly kind: 'crypto';
  readonly price: number;
  readonly vol: number;
  /** Average daily traded volume, USD, > 0. */
  readonly adv: number;
  /** USD notional that moves the price by 1%, > 0. */
  readonly depth1pct: number;
}

export interface StablecoinAssetDocument {
  readonly kind: 'stablecoin';
  readonly price: number;
  readonly vol: number;
}

export type MarketAssetDocument = CryptoAssetDocument | StablecoinAssetDocument;

export interface MarketDocument {
  readonly asOf: string;
  /** Continuously compounded annual rate. */
  readonly rate: number;
  readonly assets: Readonly<Record<string, MarketAssetDocument>>;
}
