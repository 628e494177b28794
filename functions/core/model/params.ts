/** Risk parameters (MODEL.md §1.3), resolved: every asset's effective settings are explicit. */

export const REGIMES = ['as-is', 'standard', 'portfolio', 'cross-venue'] as const;
export type Regime = (typeof REGIMES)[number];

/** A progressive margin bracket: rates apply to the notional between the previous `upTo` and this one. */
export interface MarginTier {
  /** Upper notional bound in USD; Infinity for the last (open) bracket. */
  readonly upTo: number;
  readonly imr: number;
  readonly mmr: number;
}

/** Portfolio-margin risk-matrix settings for one underlying (MODEL.md §4). */
export interface PortfolioMarginSettings {
  /** M: the largest price move of the grid, as a fraction (0.16 = ±16%). */
  readonly range: number;
  /** n: number of grid points, odd, ≥ 3. */
  readonly steps: number;
  readonly volUp: number;
  readonly volDown: number;
  readonly extremeMoves: readonly number[];
  readonly extremeFraction: number;
  readonly contingency: number;
  readonly concentrationThreshold: number;
  readonly concentrationRate: number;
}

/** Effective parameters of one asset after "*" defaults are applied. */
export interface AssetRiskParams {
  readonly haircut: number;
  /** Present for crypto assets. */
  readonly tiers: readonly MarginTier[];
  readonly pm: PortfolioMarginSettings | undefined;
}

/** A named asset's entry as given: each absent field falls back to "*" for crypto assets. */
export interface NamedAssetParams {
  readonly haircut?: number;
  readonly tiers?: readonly MarginTier[];
  readonly pm?: PortfolioMarginSettings;
}

export type ImpactModel = 'sqrt' | 'linear';

export interface RiskParams {
  readonly version: string;
  readonly options: { readonly im: number; readonly imFloor: number; readonly mm: number };
  readonly pm: { readonly mmFactor: number; readonly includeCollateral: boolean };
  readonly impact: { readonly model: ImpactModel; readonly y: number; readonly priceFloor: number };
  readonly cascade: { readonly maxRounds: number; readonly circuitBreaker: { readonly band: number } | null };
  readonly regimes: readonly Regime[];
  /** Entries as given per named asset (fields may be absent); resolve with `assetRiskParams`. */
  readonly assets: ReadonlyMap<string, NamedAssetParams>;
  /** The "*" entry: defaults for every crypto asset. */
  readonly defaultCrypto: AssetRiskParams | undefined;
}
