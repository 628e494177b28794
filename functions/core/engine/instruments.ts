/**
 * The distinct instruments of a book. Positions refer to an instrument by index so each
 * instrument is priced once per market state, however many positions hold it.
 *
 * Instrument key (MODEL.md §1.2 netting): type, asset, expiry, right, strike — dates compared
 * as dates (validated ISO dates compare as strings), strikes as numbers.
 */
import { type IsoDate, yearFraction } from '../dates.js';
import type { Position } from '../model/book.js';

export const PERP = 0;
export const FUTURE = 1;
export const OPTION = 2;

export interface InstrumentTable {
  readonly count: number;
  /** PERP | FUTURE | OPTION. */
  readonly type: Uint8Array;
  readonly asset: Int32Array;
  /** τ in years (ACT/365) from asOf; ≤ 0 = expired. 0 for perps. */
  readonly tau: Float64Array;
  /** Forward factor of a future, F = S·growth: e^{rτ}, or 1 when expired (F = S). 1 for perps. */
  readonly growth: Float64Array;
  readonly isCall: Uint8Array;
  readonly strike: Float64Array;
  readonly expiry: readonly (IsoDate | null)[];
  readonly keys: readonly string[];
}

export function instrumentKey(position: Position): string {
  switch (position.type) {
    case 'perp':
      return `perp|${position.asset}`;
    case 'future':
      return `future|${position.asset}|${position.expiry}`;
    case 'option':
      return `option|${position.asset}|${position.expiry}|${position.right}|${position.strike}`;
  }
}

/** Assigns instrument indices while units are built; `freeze` yields the table. */
export class InstrumentRegistry {
  private readonly byKey = new Map<string, number>();
  private readonly type: number[] = [];
  private readonly asset: number[] = [];
  private readonly tau: number[] = [];
  private readonly growth: number[] = [];
  private readonly isCall: number[] = [];
  private readonly strike: number[] = [];
  private readonly expiry: (IsoDate | null)[] = [];
  private readonly keys: string[] = [];

  constructor(
    private readonly asOf: IsoDate,
    private readonly rate: number,
  ) {}

  indexOf(position: Position, assetIndex: number): number {
    const key = instrumentKey(position);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const index = this.keys.length;
    this.byKey.set(key, index);
    this.keys.push(key);
    this.asset.push(assetIndex);
    if (position.type === 'perp') {
      this.type.push(PERP);
      this.tau.push(0);
      this.growth.push(1);
      this.isCall.push(0);
      this.strike.push(0);
      this.expiry.push(null);
    } else {
      const tau = yearFraction(this.asOf, position.expiry);
      this.tau.push(tau);
      this.expiry.push(position.expiry);
      if (position.type === 'future') {
        this.type.push(FUTURE);
        this.growth.push(tau > 0 ? Math.exp(this.rate * tau) : 1);
        this.isCall.push(0);
        this.strike.push(0);
      } else {
        this.type.push(OPTION);
        this.growth.push(1);
        this.isCall.push(position.right === 'call' ? 1 : 0);
        this.strike.push(position.strike);
      }
    }
    return index;
  }

  freeze(): InstrumentTable {
    return {
      count: this.keys.length,
      type: Uint8Array.from(this.type),
      asset: Int32Array.from(this.asset),
      tau: Float64Array.from(this.tau),
      growth: Float64Array.from(this.growth),
      isCall: Uint8Array.from(this.isCall),
      strike: Float64Array.from(this.strike),
      expiry: this.expiry,
      keys: this.keys,
    };
  }
}
