/**
 * Certified bounds that let the cascade skip units far from liquidation (MODEL.md §6 is
 * unchanged: a skipped unit is one whose evaluation provably would not choose it).
 *
 * During a cascade only crypto prices move (vols are held at σ*, stablecoins at P⁰). For a
 * unit u the liquidation test is on the slack s = E_adj − MM. Between two states P and P′,
 *
 *     |s(P′) − s(P)| ≤ Σ_a K_{u,a} · |P′_a − P_a|
 *
 * with K built from per-position Lipschitz constants that use only |Black–Scholes delta| ≤ 1
 * (true for every call and put, expired or not, at any vol, with no dividends):
 * - E and E_adj: |q|·growth per linear position, |q| per option, |n| per crypto balance
 *   (haircuts only shrink a positive balance's contribution);
 * - standard MM (§3): the tier schedule's largest mmr per unit of linear notional and of
 *   borrowed balance; (mm + 1)·|q| per short option (mm·S plus the premium);
 * - portfolio MM = f·IM (§4): per underlying, the scan risk max(RM, x·EXT) moves by at most
 *   (Σ_options |q|·(2 + M) + |linear|·M)·|ΔS| where M is the largest |grid or extreme move|
 *   and x ≤ 1 is folded in as max(1, x); contingency adds c·Σ short |q|. The concentration
 *   add-on is not Lipschitz-bounded here (option deltas can swing); instead a unit whose gross
 *   delta G_a = Σ|q_opt| + |Σ q_lin + n| could reach the threshold (G_a·S ≥ T at either state)
 *   is always evaluated.
 *
 * A unit is skipped in round k when its slack at its last evaluated state, minus the bound
 * over the price change since, stays above a rounding guard (it survives the round); it is
 * chosen without evaluation when that slack plus the bound stays below minus the guard (it
 * would be liquidated). Any earlier state with the same vols and stablecoin prices serves as
 * "last evaluated", including a state of another cascade (reverse stress reuses the round 1
 * of the nearest shock already searched).
 */
import type { RiskParams } from '../model/params.js';
import { type AssetUniverse, CRYPTO } from './asset-universe.js';
import { type InstrumentTable, OPTION } from './instruments.js';
import { type MarginUnits, STANDARD_MODE } from './margin-units.js';

export interface SlackBounds {
  /** Entries of unit u: `start[u] .. start[u+1]`, one per crypto asset the unit touches. */
  readonly start: Int32Array;
  readonly asset: Int32Array;
  /** K_{u,a}: USD of slack per USD of price move of asset a. */
  readonly coefficient: Float64Array;
  /** Portfolio units: G_a·T⁻¹ — the unit must be evaluated once G_a·S reaches T (0 = never). */
  readonly concentrationScale: Float64Array;
}

/**
 * Bounds of every unit under a mode rule (`modeOf(u)` = STANDARD_MODE or PORTFOLIO_MODE).
 */
export function buildSlackBounds(
  units: MarginUnits,
  instruments: InstrumentTable,
  universe: AssetUniverse,
  params: RiskParams,
  modeOf: (unit: number) => number,
): SlackBounds {
  const start = new Int32Array(units.count + 1);
  // At most one entry per position or balance.
  const capacity = units.posStart[units.count]! + units.colStart[units.count]!;
  const asset = new Int32Array(capacity);
  const coefficient = new Float64Array(capacity);
  const concentrationScale = new Float64Array(capacity);
  let entries = 0;
  const includeCollateral = params.pm.includeCollateral;
  const mmFactor = params.pm.mmFactor;
  const optionMm = params.options.mm;

  for (let u = 0; u < units.count; u++) {
    const portfolio = modeOf(u) !== STANDARD_MODE;
    const posEnd = units.posStart[u + 1]!;
    const colEnd = units.colStart[u + 1]!;
    let p = units.posStart[u]!;
    let c = units.colStart[u]!;
    for (;;) {
      while (c < colEnd && universe.kind[units.colAsset[c]!] !== CRYPTO) c++;
      const posAsset = p < posEnd ? units.posAsset[p]! : Number.MAX_SAFE_INTEGER;
      const colAsset = c < colEnd ? units.colAsset[c]! : Number.MAX_SAFE_INTEGER;
      const a = Math.min(posAsset, colAsset);
      if (a === Number.MAX_SAFE_INTEGER) break;

      let equityK = 0;
      let grossLinear = 0; // Σ |q|·growth of linear positions plus borrowed |n| (standard tiers)
      let shortOptionMm = 0;
      let optionQty = 0; // Σ |q| of options
      let shortOptionQty = 0;
      let linear = 0; // Σ q·growth (+ n with includeCollateral): the portfolio linear leg
      let linearDelta = 0; // Σ q (+ n): the linear part of the net delta
      for (; p < posEnd && units.posAsset[p] === a; p++) {
        const i = units.posInstr[p]!;
        const q = units.posQty[p]!;
        if (instruments.type[i] === OPTION) {
          equityK += Math.abs(q);
          optionQty += Math.abs(q);
          if (q < 0) {
            shortOptionQty -= q;
            if (instruments.tau[i]! > 0) shortOptionMm -= q * (optionMm + 1);
          }
        } else {
          const g = instruments.growth[i]!;
          equityK += Math.abs(q) * g;
          grossLinear += Math.abs(q) * g;
          linear += q * g;
          linearDelta += q;
        }
      }
      for (; c < colEnd && units.colAsset[c] === a; c++) {
        const n = units.colQty[c]!;
        equityK += Math.abs(n);
        if (n < 0) grossLinear -= n;
        if (includeCollateral) {
          linear += n;
          linearDelta += n;
        }
      }

      let marginK: number;
      let scale = 0;
      if (portfolio) {
        const grid = universe.grid[a]!;
        const settings = grid.settings;
        const reach = Math.max(
          Math.abs(grid.lowestMove),
          Math.abs(grid.highestMove),
          Math.abs(grid.lowestExtreme),
          Math.abs(grid.highestExtreme),
        );
        const scan = optionQty * (2 + reach) + Math.abs(linear) * reach;
        marginK =
          mmFactor * (Math.max(1, settings.extremeFraction) * scan + settings.contingency * shortOptionQty);
        if (settings.concentrationRate > 0) {
          const gross = optionQty + Math.abs(linearDelta);
          if (gross > 0) {
            scale = settings.concentrationThreshold > 0 ? gross / settings.concentrationThreshold : Infinity;
          }
        }
      } else {
        marginK = universe.tiers[a]!.maxMaintenanceRate * grossLinear + shortOptionMm;
      }
      asset[entries] = a;
      coefficient[entries] = equityK + marginK;
      concentrationScale[entries] = scale;
      entries++;
    }
    start[u + 1] = entries;
  }
  return {
    start,
    asset: asset.slice(0, entries),
    coefficient: coefficient.slice(0, entries),
    concentrationScale: concentrationScale.slice(0, entries),
  };
}

/**
 * The bounds of a mixed mode rule from those of the two pure ones on the same units: entries
 * depend only on the unit's own mode, so unit u takes its entries from `portfolio` when
 * `isPortfolio(u)`, else from `standard` (the same numbers buildSlackBounds computes).
 */
export function mixSlackBounds(
  standard: SlackBounds,
  portfolio: SlackBounds,
  isPortfolio: (unit: number) => boolean,
): SlackBounds {
  const coefficient = Float64Array.from(standard.coefficient);
  const concentrationScale = Float64Array.from(standard.concentrationScale);
  const units = standard.start.length - 1;
  for (let u = 0; u < units; u++) {
    if (!isPortfolio(u)) continue;
    for (let e = standard.start[u]!, end = standard.start[u + 1]!; e < end; e++) {
      coefficient[e] = portfolio.coefficient[e]!;
      concentrationScale[e] = portfolio.concentrationScale[e]!;
    }
  }
  return { start: standard.start, asset: standard.asset, coefficient, concentrationScale };
}
