import type { IsoDate } from '../dates.js';

/** `crypto` assets are shocked by "*" and margined; `stablecoin` assets move only when named. */
export type AssetKind = 'crypto' | 'stablecoin';

/** One asset of the market snapshot (MODEL.md §1.1). Prices in USD, vol annualised. */
export interface AssetQuote {
  readonly symbol: string;
  readonly kind: AssetKind;
  /** Mark price S > 0, USD per unit. */
  readonly price: number;
  /** Annualised implied volatility σ > 0 (flat surface). */
  readonly vol: number;
  /** Average daily traded volume, USD (> 0 for crypto; 0 for stablecoins when absent). */
  readonly adv: number;
  /** USD notional that moves the price by 1% (> 0 for crypto; 0 for stablecoins when absent). */
  readonly depth1pct: number;
}

/** The market snapshot. `assets` keeps document order; the asset `USD` is never listed (it is the numeraire). */
export interface Market {
  readonly asOf: IsoDate;
  /** Continuously compounded annual rate r. */
  readonly rate: number;
  readonly assets: readonly AssetQuote[];
}

/** The numeraire: price 1, haircut 0, never shocked. */
export const USD = 'USD';
