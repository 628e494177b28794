/**
 * Progressive ("tax bracket") margin on a linear notional (MODEL.md §3):
 * MM = Σ_i mmr_i·(min(N, upTo_i) − upTo_{i−1})⁺ with upTo_0 = 0; the same for IM with imr.
 */
import type { MarginTier } from '../model/params.js';

/** The literal definition, bracket by bracket. */
export function progressiveMargin(
  tiers: readonly MarginTier[],
  notional: number,
  rate: 'imr' | 'mmr',
): number {
  let margin = 0;
  let lower = 0;
  for (const tier of tiers) {
    const slice = Math.min(notional, tier.upTo) - lower;
    if (slice <= 0) break;
    margin += tier[rate] * slice;
    lower = tier.upTo;
  }
  return margin;
}

/**
 * The same schedule precomputed for repeated use: for bracket i, the margin accumulated below
 * its lower bound, so a notional costs one bracket lookup and one multiply-add.
 */
export class TierSchedule {
  private readonly lower: Float64Array;
  private readonly imr: Float64Array;
  private readonly mmr: Float64Array;
  private readonly imBelow: Float64Array;
  private readonly mmBelow: Float64Array;
  /** The largest maintenance rate: MM is Lipschitz in the notional with this constant. */
  readonly maxMaintenanceRate: number;

  constructor(tiers: readonly MarginTier[]) {
    const n = tiers.length;
    this.lower = new Float64Array(n);
    this.imr = new Float64Array(n);
    this.mmr = new Float64Array(n);
    this.imBelow = new Float64Array(n);
    this.mmBelow = new Float64Array(n);
    let lower = 0;
    let im = 0;
    let mm = 0;
    tiers.forEach((tier, i) => {
      this.lower[i] = lower;
      this.imr[i] = tier.imr;
      this.mmr[i] = tier.mmr;
      this.imBelow[i] = im;
      this.mmBelow[i] = mm;
      const width = tier.upTo - lower;
      im += tier.imr * width;
      mm += tier.mmr * width;
      lower = tier.upTo;
    });
    this.maxMaintenanceRate = Math.max(0, ...this.mmr);
  }

  private bracket(notional: number): number {
    let i = this.lower.length - 1;
    while (i > 0 && notional <= this.lower[i]!) i--;
    return i;
  }

  initial(notional: number): number {
    if (notional <= 0) return 0;
    const i = this.bracket(notional);
    return this.imBelow[i]! + this.imr[i]! * (notional - this.lower[i]!);
  }

  maintenance(notional: number): number {
    if (notional <= 0) return 0;
    const i = this.bracket(notional);
    return this.mmBelow[i]! + this.mmr[i]! * (notional - this.lower[i]!);
  }
}
