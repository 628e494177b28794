/**
 * Scenario documents as this library holds them: the interchange form of MODEL.md §6/§8
 * (`{ scenarios: [{ id, name, kind, window?, shocks }] }`) plus a `metadata` block that
 * records where every number comes from. Runtime validation of scenario files lives
 * elsewhere; these types describe data this module owns.
 */

/**
 * One shock entry (MODEL.md §6). A missing field takes the default: shock 0, vol 0,
 * liquidity 1. The key `"*"` applies to every crypto asset not named; stablecoins move
 * only when named and their vol/liquidity fields are ignored.
 */
export interface ScenarioShockEntry {
  /** Return R applied to spot: P = S·(1 + R). R > −1. */
  readonly shock?: number;
  /** Relative vol shock v: σ* = σ·(1 + v). v ≥ −1. */
  readonly vol?: number;
  /** Multiplier λ > 0 of ADV and order-book depth (λ < 1 = thinner market). */
  readonly liquidity?: number;
}

export type ScenarioKind = 'historical' | 'hypothetical';

/** Keyed by asset symbol (`BTC`, `USDT`, ...) or `"*"`. */
export type ScenarioShocks = Readonly<Record<string, ScenarioShockEntry>>;

/** Why a historical asset's shock is a proxy rather than its own observed move. */
export interface ProxyNote {
  /** Beta of the asset's daily log returns on BTC's, applied as (1 + R_BTC)^beta − 1. */
  readonly beta: number;
  readonly reason: string;
}

/** Provenance of one asset's entry in a historical scenario. */
export interface AssetProvenance {
  readonly shockSource: string;
  readonly volSource: string;
  readonly liquiditySource: string;
  readonly proxied?: ProxyNote;
}

/**
 * `close-to-close`: close of the key day against the close of the day before it.
 * `worst-intraday-low`: lowest intraday low over the event window against the close of
 * the day before the window.
 */
export type HistoricalMethod = 'close-to-close' | 'worst-intraday-low';

export interface HistoricalScenarioMetadata {
  readonly description: string;
  /** The event both scenarios of a window share, e.g. "Black Thursday (2020-03-12/13)". */
  readonly event: string;
  readonly method: HistoricalMethod;
  /** UTC day whose close is the base of every return. */
  readonly baseDate: string;
  /** First and last UTC day whose prices the return measures. */
  readonly firstDay: string;
  readonly lastDay: string;
  /** How the `"*"` entry was chosen. */
  readonly starRule: string;
  /** Every source behind the numbers: data files (repository and commit) and quoted facts. */
  readonly sources: readonly string[];
  /** One entry per key of `shocks` (including `"*"` and named stablecoins). */
  readonly perAsset: Readonly<Record<string, AssetProvenance>>;
  readonly notes: readonly string[];
}

export interface HypotheticalScenarioMetadata {
  /** One line: what the scenario tests. */
  readonly description: string;
  /** Where a stated number is anchored, when it is. */
  readonly sources?: readonly string[];
}

export interface HistoricalScenario {
  readonly id: string;
  readonly name: string;
  readonly kind: 'historical';
  /** [base date, last day]: the return runs from the close of window[0] to window[1]. */
  readonly window: readonly [string, string];
  readonly shocks: ScenarioShocks;
  readonly metadata: HistoricalScenarioMetadata;
}

export interface HypotheticalScenario {
  readonly id: string;
  readonly name: string;
  readonly kind: 'hypothetical';
  readonly shocks: ScenarioShocks;
  readonly metadata: HypotheticalScenarioMetadata;
}

/** A scenario as MODEL.md §6 defines it; extra fields such as `metadata` are allowed. */
export interface ScenarioDefinition {
  readonly id: string;
  readonly name: string;
  readonly kind: ScenarioKind;
  readonly window?: readonly [string, string];
  readonly shocks: ScenarioShocks;
  readonly metadata?: HistoricalScenarioMetadata | HypotheticalScenarioMetadata;
}

export interface ScenarioDocument<S extends ScenarioDefinition = ScenarioDefinition> {
  readonly scenarios: readonly S[];
}

export type HistoricalScenarioDocument = ScenarioDocument<HistoricalScenario>;
export type HypotheticalScenarioDocument = ScenarioDocument<HypotheticalScenario>;
