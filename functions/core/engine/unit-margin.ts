/**
 * Equity, adjusted equity and margin of one margin unit at one market state
 * (MODEL.md §2 valuation, §3 standard margin, §4 portfolio margin).
 *
 * Signs: quantities are signed (long > 0); equity is what the unit would own in USD if it
 * closed everything at the state's marks; margin requirements are ≥ 0.
 */
import type { RiskParams } from '../model/params.js';
import { CRYPTO } from './asset-universe.js';
import { OPTION } from './instruments.js';
import type { MarginUnits } from './margin-units.js';
import { STANDARD_MODE } from './margin-units.js';
import type { MarketState } from './market-state.js';

/** Output slot reused across calls (no allocation per unit in hot loops). */
export interface UnitMargin {
  equity: number;
  adjustedEquity: number;
  im: number;
  mm: number;
}

export function emptyUnitMargin(): UnitMargin {
  return { equity: 0, adjustedEquity: 0, im: 0, mm: 0 };
}

export class UnitMarginCalculator {
  private readonly optIm: number;
  private readonly optImFloor: number;
  private readonly optMm: number;
  private readonly mmFactor: number;
  private readonly includeCollateral: boolean;
  private scratch = new Float64Array(64);

  constructor(
    private readonly units: MarginUnits,
    params: RiskParams,
  ) {
    this.optIm = params.options.im;
    this.optImFloor = params.options.imFloor;
    this.optMm = params.options.mm;
    this.mmFactor = params.pm.mmFactor;
    this.includeCollateral = params.pm.includeCollateral;
  }

  /** Equity E of unit u at the state: collateral at market, positions at their marks, locked-in USD. */
  equity(u: number, state: MarketState): number {
    const { units } = this;
    const prices = state.prices;
    let equity = units.locked[u]!;
    for (let c = units.colStart[u]!, end = units.colStart[u + 1]!; c < end; c++) {
      equity += units.colQty[c]! * prices[units.colAsset[c]!]!;
    }
    equity += this.positionValue(u, state);
    return equity;
  }

  private positionValue(u: number, state: MarketState): number {
    const { units } = this;
    const type = state.instruments.type;
    const mark = state.mark;
    let value = 0;
    for (let p = units.posStart[u]!, end = units.posStart[u + 1]!; p < end; p++) {
      const i = units.posInstr[p]!;
      value +=
        type[i] === OPTION ? units.posQty[p]! * mark[i]! : units.posQty[p]! * (mark[i]! - units.posEntry[p]!);
    }
    return value;
  }

  /**
   * E, E_adj, IM and MM of unit u under `mode` (STANDARD_MODE or PORTFOLIO_MODE) at the state.
   * E_adj haircuts positive collateral (MODEL.md §2); under portfolio margin with
   * includeCollateral, crypto collateral is not haircut (its risk is in the matrix).
   */
  evaluate(u: number, mode: number, state: MarketState, out: UnitMargin): UnitMargin {
    const { units } = this;
    const { prices, universe } = state;
    const kind = universe.kind;
    const haircut = universe.haircut;
    const portfolio = mode !== STANDARD_MODE;
    const skipCryptoHaircut = portfolio && this.includeCollateral;
    let equity = units.locked[u]!;
    let adjusted = equity;
    for (let c = units.colStart[u]!, end = units.colStart[u + 1]!; c < end; c++) {
      const a = units.colAsset[c]!;
      const value = units.colQty[c]! * prices[a]!;
      equity += value;
      adjusted += value > 0 && !(skipCryptoHaircut && kind[a] === CRYPTO) ? value * (1 - haircut[a]!) : value;
    }
    const positions = this.positionValue(u, state);
    out.equity = equity + positions;
    out.adjustedEquity = adjusted + positions;
    if (portfolio) {
      const im = this.portfolioInitialMargin(u, state);
      out.im = im;
      out.mm = this.mmFactor * im;
    } else {
      this.standardMargin(u, state, out);
    }
    return out;
  }

  /** MODEL.md §3: progressive tiers per netted linear position and per borrowed crypto balance; short options. */
  private standardMargin(u: number, state: MarketState, out: UnitMargin): void {
    const { units } = this;
    const { prices, universe, instruments, mark } = state;
    let im = 0;
    let mm = 0;
    for (let p = units.posStart[u]!, end = units.posStart[u + 1]!; p < end; p++) {
      const i = units.posInstr[p]!;
      const q = units.posQty[p]!;
      if (instruments.type[i] === OPTION) {
        if (q >= 0 || instruments.tau[i]! <= 0) continue; // long or expired: no standard margin
        const spot = prices[instruments.asset[i]!]!;
        const strike = instruments.strike[i]!;
        const outOfTheMoney =
          instruments.isCall[i] === 1 ? Math.max(strike - spot, 0) : Math.max(spot - strike, 0);
        const premium = mark[i]!;
        im -= q * (Math.max(this.optIm - outOfTheMoney / spot, this.optImFloor) * spot + premium);
        mm -= q * (this.optMm * spot + premium);
      } else {
        const tiers = universe.tiers[instruments.asset[i]!]!;
        const notional = Math.abs(q) * mark[i]!;
        im += tiers.initial(notional);
        mm += tiers.maintenance(notional);
      }
    }
    for (let c = units.colStart[u]!, end = units.colStart[u + 1]!; c < end; c++) {
      const a = units.colAsset[c]!;
      const qty = units.colQty[c]!;
      if (qty >= 0 || universe.kind[a] !== CRYPTO) continue;
      const tiers = universe.tiers[a]!;
      const notional = -qty * prices[a]!;
      im += tiers.initial(notional);
      mm += tiers.maintenance(notional);
    }
    out.im = im;
    out.mm = mm;
  }

  /**
   * MODEL.md §4: per underlying u, IM_u = max(RM_u, f·EXT_u) + C_u + K_u; no offsets across
   * underlyings. Underlyings are the assets of the positions and, with includeCollateral,
   * every crypto collateral asset.
   */
  private portfolioInitialMargin(u: number, state: MarketState): number {
    const { units } = this;
    const { prices, universe, instruments, exposure } = state;
    const kind = universe.kind;
    const includeCollateral = this.includeCollateral;
    const posEnd = units.posStart[u + 1]!;
    const colEnd = units.colStart[u + 1]!;
    let p = units.posStart[u]!;
    let c = units.colStart[u]!;
    let im = 0;
    for (;;) {
      if (includeCollateral) while (c < colEnd && kind[units.colAsset[c]!] !== CRYPTO) c++;
      else c = colEnd;
      const posAsset = p < posEnd ? units.posAsset[p]! : Number.MAX_SAFE_INTEGER;
      const colAsset = c < colEnd ? units.colAsset[c]! : Number.MAX_SAFE_INTEGER;
      const asset = Math.min(posAsset, colAsset);
      if (asset === Number.MAX_SAFE_INTEGER) break;

      let linear = 0; // Σ q·growth (+ collateral n): ΔV of linear legs = linear·S·m
      let netDelta = 0;
      let shortOptions = 0;
      const groupStart = p;
      let hasOptions = false;
      for (; p < posEnd && units.posAsset[p] === asset; p++) {
        const i = units.posInstr[p]!;
        const q = units.posQty[p]!;
        netDelta += q * exposure[i]!;
        if (instruments.type[i] === OPTION) {
          hasOptions = true;
          if (q < 0) shortOptions -= q;
        } else {
          linear += q * instruments.growth[i]!;
        }
      }
      const groupEnd = p;
      for (; c < colEnd && units.colAsset[c] === asset; c++) {
        linear += units.colQty[c]!;
        netDelta += units.colQty[c]!;
      }

      const grid = universe.grid[asset]!;
      const settings = grid.settings;
      const spot = prices[asset]!;
      let worstRegular = 0; // min ΔV over the regular grid, capped at 0
      let worstExtreme = 0;
      if (hasOptions) {
        const stride = state.gridStride;
        const size = grid.size;
        if (this.scratch.length < size) this.scratch = new Float64Array(size);
        const changes = this.scratch;
        const linearDollar = linear * spot;
        for (let g = 0; g < size; g++) changes[g] = linearDollar * grid.moves[g]!;
        for (let q = groupStart; q < groupEnd; q++) {
          const i = units.posInstr[q]!;
          if (instruments.type[i] !== OPTION) continue;
          const qty = units.posQty[q]!;
          const values = state.optionGridRow(i);
          const offset = i * stride;
          for (let g = 0; g < size; g++) changes[g] = changes[g]! + qty * values[offset + g]!;
        }
        for (let g = 0; g < grid.regularPoints; g++) worstRegular = Math.min(worstRegular, changes[g]!);
        for (let g = grid.regularPoints; g < size; g++) worstExtreme = Math.min(worstExtreme, changes[g]!);
      } else if (linear !== 0) {
        // ΔV = linear·S·m is monotone in m: the worst case is at an end of each move set.
        const linearDollar = linear * spot;
        worstRegular = Math.min(0, linearDollar * (linear > 0 ? grid.lowestMove : grid.highestMove));
        worstExtreme = Math.min(0, linearDollar * (linear > 0 ? grid.lowestExtreme : grid.highestExtreme));
      }
      const scanRisk = Math.max(-worstRegular, settings.extremeFraction * -worstExtreme);
      const contingency = settings.contingency * spot * shortOptions;
      const concentration =
        settings.concentrationRate * Math.max(Math.abs(netDelta) * spot - settings.concentrationThreshold, 0);
      im += scanRisk + contingency + concentration;
    }
    return im;
  }
}
