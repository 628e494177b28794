/**
 * Everything that depends only on the market state (prices P and vols σ per asset), computed
 * once per state for every distinct instrument: marks, option deltas and — on demand — the
 * change of each option's value over its underlying's risk-matrix grid. Unit evaluation then
 * only multiplies by quantities and adds.
 */
import { optionDelta, optionPrice } from '../pricing/black-scholes.js';
import type { AssetUniverse } from './asset-universe.js';
import { type InstrumentTable, OPTION } from './instruments.js';

export class MarketState {
  /** Mark per unit: S for perps, F = S·growth for futures, V(S, σ) for options. */
  readonly mark: Float64Array;
  /** ∂mark/∂S per unit: 1 for perps, growth for futures, Black–Scholes delta for options. */
  readonly delta: Float64Array;
  /** Plain delta used for the concentration add-on and liquidation flows: 1 for linear, Δ for options. */
  readonly exposure: Float64Array;
  private gridValues: Float64Array | undefined;
  private gridStride = 0;

  constructor(
    readonly universe: AssetUniverse,
    readonly instruments: InstrumentTable,
    /** Price per asset (USD per unit); USD is 1. */
    readonly prices: Float64Array,
    /** Annualised vol per asset. */
    readonly vols: Float64Array,
  ) {
    const n = instruments.count;
    this.mark = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.exposure = new Float64Array(n);
    const rate = universe.rate;
    for (let i = 0; i < n; i++) {
      const spot = prices[instruments.asset[i]!]!;
      if (instruments.type[i] === OPTION) {
        const isCall = instruments.isCall[i] === 1;
        const sigma = vols[instruments.asset[i]!]!;
        const tau = instruments.tau[i]!;
        const strike = instruments.strike[i]!;
        this.mark[i] = optionPrice(isCall, spot, strike, tau, sigma, rate);
        const d = optionDelta(isCall, spot, strike, tau, sigma, rate);
        this.delta[i] = d;
        this.exposure[i] = d;
      } else {
        const growth = instruments.growth[i]!;
        this.mark[i] = spot * growth;
        this.delta[i] = growth;
        this.exposure[i] = 1;
      }
    }
  }

  /**
   * ΔV per unit of each option over its underlying's grid, flattened with a fixed stride:
   * `values[i·stride + g] = V(S·(1 + m_g), σ·f_g) − V(S, σ)` (MODEL.md §4 step 3).
   * Linear instruments have no entries (their ΔV is quantity·growth·S·m, computed inline).
   */
  optionGridChanges(): { readonly values: Float64Array; readonly stride: number } {
    if (!this.gridValues) {
      const { universe, instruments, prices, vols } = this;
      let stride = 0;
      for (const grid of universe.grid) stride = Math.max(stride, grid?.size ?? 0);
      const values = new Float64Array(instruments.count * stride);
      const rate = universe.rate;
      for (let i = 0; i < instruments.count; i++) {
        if (instruments.type[i] !== OPTION) continue;
        const asset = instruments.asset[i]!;
        const grid = universe.grid[asset];
        if (!grid) continue;
        const isCall = instruments.isCall[i] === 1;
        const spot = prices[asset]!;
        const sigma = vols[asset]!;
        const tau = instruments.tau[i]!;
        const strike = instruments.strike[i]!;
        const base = this.mark[i]!;
        const offset = i * stride;
        for (let g = 0; g < grid.size; g++) {
          values[offset + g] =
            optionPrice(isCall, spot * (1 + grid.moves[g]!), strike, tau, sigma * grid.volFactors[g]!, rate) -
            base;
        }
      }
      this.gridValues = values;
      this.gridStride = stride;
    }
    return { values: this.gridValues, stride: this.gridStride };
  }
}
