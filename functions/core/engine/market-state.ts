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
  private gridPriced: Uint8Array | undefined;
  /** Entries per instrument in `optionGridRow()` (the largest grid size). */
  readonly gridStride: number;

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
    let stride = 0;
    for (const grid of universe.grid) stride = Math.max(stride, grid?.size ?? 0);
    this.gridStride = stride;
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
   * ΔV per unit of option i over its underlying's grid, in `optionGridChanges()` at
   * `i·gridStride + g`: `V(S·(1 + m_g), σ·f_g) − V(S, σ)` (MODEL.md §4 step 3). Linear
   * instruments have no entries (their ΔV is quantity·growth·S·m, computed inline).
   * Rows are priced on first use, so a state at which few units are evaluated (late cascade
   * rounds) prices only the options those units hold. Returns the shared array.
   */
  optionGridRow(i: number): Float64Array {
    let values = this.gridValues;
    if (!values) {
      values = new Float64Array(this.instruments.count * this.gridStride);
      this.gridValues = values;
      this.gridPriced = new Uint8Array(this.instruments.count);
    }
    const priced = this.gridPriced!;
    if (priced[i] === 0) {
      priced[i] = 1;
      const { universe, instruments, prices, vols } = this;
      const asset = instruments.asset[i]!;
      const grid = universe.grid[asset];
      if (grid && instruments.type[i] === OPTION) {
        const isCall = instruments.isCall[i] === 1;
        const spot = prices[asset]!;
        const sigma = vols[asset]!;
        const tau = instruments.tau[i]!;
        const strike = instruments.strike[i]!;
        const base = this.mark[i]!;
        const rate = universe.rate;
        const offset = i * this.gridStride;
        for (let g = 0; g < grid.size; g++) {
          values[offset + g] =
            optionPrice(isCall, spot * (1 + grid.moves[g]!), strike, tau, sigma * grid.volFactors[g]!, rate) -
            base;
        }
      }
    }
    return values;
  }
}
