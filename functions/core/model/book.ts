import type { IsoDate } from '../dates.js';
import type { OptionRight } from '../pricing/black-scholes.js';

export type MarginMode = 'standard' | 'portfolio';

/** Quantities are signed: long > 0, short < 0 (units of the underlying). Prices in USD. */
export interface PerpPosition {
  readonly type: 'perp';
  readonly asset: string;
  readonly qty: number;
  readonly entry: number;
}

export interface FuturePosition {
  readonly type: 'future';
  readonly asset: string;
  readonly qty: number;
  readonly entry: number;
  readonly expiry: IsoDate;
}

/** European, USD-settled option on `asset`. */
export interface OptionPosition {
  readonly type: 'option';
  readonly asset: string;
  readonly qty: number;
  readonly right: OptionRight;
  readonly strike: number;
  readonly expiry: IsoDate;
}

export type Position = PerpPosition | FuturePosition | OptionPosition;

/** Collateral balance: asset → signed quantity (negative = borrowed). */
export interface CollateralBalance {
  readonly asset: string;
  readonly qty: number;
}

export interface Subaccount {
  readonly venue: string;
  readonly marginMode: MarginMode;
  readonly collateral: readonly CollateralBalance[];
  readonly positions: readonly Position[];
}

export interface Client {
  readonly id: string;
  readonly subaccounts: readonly Subaccount[];
}

export interface Book {
  readonly asOf: IsoDate;
  /** USD available to absorb bad debt before auto-deleveraging. */
  readonly insuranceFund: number;
  readonly clients: readonly Client[];
}
