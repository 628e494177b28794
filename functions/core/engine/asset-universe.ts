/**
 * The assets of one calculation, indexed for array access, with their effective risk
 * parameters. USD is always present (last index) as the numeraire: price 1, haircut 0,
 * never shocked (MODEL.md §0).
 */
import type { Market } from '../model/market.js';
import { USD } from '../model/market.js';
import type { PortfolioMarginSettings, RiskParams } from '../model/params.js';
import { assetRiskParams } from '../validation/validate-params.js';
import { TierSchedule } from './tiers.js';

export const CRYPTO = 0;
export const STABLECOIN = 1;
export const NUMERAIRE = 2;

/**
 * The portfolio-margin scenario grid of one underlying (MODEL.md §4), laid out as
 * `3·steps` grid points (vol state s ∈ {down, base, up} major, move j minor: g = s·steps + j)
 * followed by the extreme moves at the vol-up state.
 */
export class RiskMatrixGrid {
  /** Price move of each grid point (a return). */
  readonly moves: Float64Array;
  /** Vol multiplier of each grid point: σ' = σ·volFactor. */
  readonly volFactors: Float64Array;
  /** Number of regular grid points (3·steps); the extreme moves follow. */
  readonly regularPoints: number;
  readonly size: number;
  /** Smallest and largest move of the regular grid and of the extreme moves (for linear-only units). */
  readonly lowestMove: number;
  readonly highestMove: number;
  readonly lowestExtreme: number;
  readonly highestExtreme: number;

  constructor(readonly settings: PortfolioMarginSettings) {
    const n = settings.steps;
    const regular = 3 * n;
    const extremes = settings.extremeMoves.length;
    this.regularPoints = regular;
    this.size = regular + extremes;
    this.moves = new Float64Array(this.size);
    this.volFactors = new Float64Array(this.size);
    const factors = [1 - settings.volDown, 1, 1 + settings.volUp];
    const M = settings.range;
    for (let s = 0; s < 3; s++) {
      for (let j = 0; j < n; j++) {
        this.moves[s * n + j] = -M + (j * 2 * M) / (n - 1);
        this.volFactors[s * n + j] = factors[s]!;
      }
    }
    settings.extremeMoves.forEach((move, e) => {
      this.moves[regular + e] = move;
      this.volFactors[regular + e] = 1 + settings.volUp;
    });
    const regularMoves = this.moves.subarray(0, regular);
    this.lowestMove = Math.min(...regularMoves);
    this.highestMove = Math.max(...regularMoves);
    this.lowestExtreme = extremes > 0 ? Math.min(...settings.extremeMoves) : 0;
    this.highestExtreme = extremes > 0 ? Math.max(...settings.extremeMoves) : 0;
  }
}

export interface AssetUniverse {
  readonly count: number;
  readonly symbols: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** CRYPTO | STABLECOIN | NUMERAIRE per asset. */
  readonly kind: Uint8Array;
  readonly price: Float64Array;
  readonly vol: Float64Array;
  readonly adv: Float64Array;
  readonly depth1pct: Float64Array;
  readonly haircut: Float64Array;
  /** Linear margin brackets (crypto assets). */
  readonly tiers: readonly (TierSchedule | undefined)[];
  /** Risk-matrix grid (crypto assets). */
  readonly grid: readonly (RiskMatrixGrid | undefined)[];
  readonly usdIndex: number;
  readonly rate: number;
  /** Indices of crypto assets, in market order. */
  readonly cryptoIndices: readonly number[];
}

export function buildAssetUniverse(market: Market, params: RiskParams): AssetUniverse {
  const count = market.assets.length + 1;
  const symbols: string[] = [];
  const indexOf = new Map<string, number>();
  const kind = new Uint8Array(count);
  const price = new Float64Array(count);
  const vol = new Float64Array(count);
  const adv = new Float64Array(count);
  const depth1pct = new Float64Array(count);
  const haircut = new Float64Array(count);
  const tiers: (TierSchedule | undefined)[] = [];
  const grid: (RiskMatrixGrid | undefined)[] = [];
  const cryptoIndices: number[] = [];
  market.assets.forEach((quote, i) => {
    symbols.push(quote.symbol);
    indexOf.set(quote.symbol, i);
    kind[i] = quote.kind === 'crypto' ? CRYPTO : STABLECOIN;
    price[i] = quote.price;
    vol[i] = quote.vol;
    adv[i] = quote.adv;
    depth1pct[i] = quote.depth1pct;
    const effective = assetRiskParams(params, quote.symbol, quote.kind);
    haircut[i] = effective?.haircut ?? 0;
    if (quote.kind === 'crypto') {
      cryptoIndices.push(i);
      tiers.push(effective ? new TierSchedule(effective.tiers) : undefined);
      grid.push(effective?.pm ? new RiskMatrixGrid(effective.pm) : undefined);
    } else {
      tiers.push(undefined);
      grid.push(undefined);
    }
  });
  const usdIndex = count - 1;
  symbols.push(USD);
  indexOf.set(USD, usdIndex);
  kind[usdIndex] = NUMERAIRE;
  price[usdIndex] = 1;
  vol[usdIndex] = 0;
  tiers.push(undefined);
  grid.push(undefined);
  return {
    count,
    symbols,
    indexOf,
    kind,
    price,
    vol,
    adv,
    depth1pct,
    haircut,
    tiers,
    grid,
    usdIndex,
    rate: market.rate,
    cryptoIndices,
  };
}
