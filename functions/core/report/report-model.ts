/**
 * The risk report of one run: what the JSON document holds and what the PDF and the email
 * show. Built by `buildRiskReport` from the calculation result and the inputs' identity; the
 * published JSON Schema (templates/report.schema.json) describes exactly these types.
 *
 * Units: amounts in USD, prices in USD per unit, returns and shocks as fractions (−0.2 = −20%),
 * net deltas in units of the underlying (signed: long > 0). Numbers are never rounded here;
 * they are rounded only when a template formats them. Lists keep a fixed, documented order so
 * the same inputs always serialise to the same bytes.
 */
import type { LossFigures } from '../engine/engine.js';
import type { PortfolioMarginSettings, Regime } from '../model/params.js';

/** Bumped when a field's meaning changes or a required field is added. */
export const REPORT_SCHEMA_VERSION = '1.0';

/** SHA-256 (lowercase hex) of one input document's bytes as received. */
export interface InputDigest {
  readonly sha256: string;
}

export interface ReportIdentity {
  /** Business date the figures are valued at (the book's and market's asOf). */
  readonly asOf: string;
  /** Instant the report was produced, ISO 8601 UTC (`2026-11-30T06:15:00Z`); never the valuation date. */
  readonly generatedAt: string;
  readonly runId: string;
  /** Version of the code that ran the calculation (e.g. a release tag or commit). */
  readonly codeVersion: string;
  /** Version of the model specification the engine implements. */
  readonly modelVersion: string;
  /** The `version` of the risk-parameter set used. */
  readonly paramsVersion: string;
  /** Handling label printed on every copy (cover, footer of the email). */
  readonly classification: string;
  readonly inputs: {
    readonly book: InputDigest;
    readonly market: InputDigest;
    readonly params: InputDigest;
    readonly scenarios: InputDigest;
  };
  /** SHA-256 of the four digests, `book <hex>\nmarket <hex>\nparams <hex>\nscenarios <hex>\n`. */
  readonly inputsDigest: string;
}

/** The worst run of one regime: the largest bad debt (ties: larger total loss, then scenario order). */
export interface WorstRun extends LossFigures {
  readonly regime: Regime;
  readonly scenario: string;
  readonly scenarioName: string;
  readonly rounds: number;
  readonly liquidatedUnits: number;
  /** badDebt / insuranceFund; null when the fund is 0. */
  readonly badDebtToFund: number | null;
}

/** The largest Cover-1 and Cover-2 over the scenarios of one regime, and what the fund covers of them. */
export interface CoverFigures {
  readonly regime: Regime;
  readonly cover1: number;
  readonly cover1Scenario: string | null;
  readonly cover2: number;
  readonly cover2Scenario: string | null;
  /** insuranceFund / cover2 (≥ 1: the fund survives the default of the two largest debtors); null when cover2 is 0. */
  readonly coverageRatio: number | null;
}

export interface MarginCalledCount {
  readonly regime: Regime;
  /** Clients with at least one margin unit where E_adj < IM at today's market. */
  readonly clients: number;
  /** Margin units where E_adj < IM at today's market. */
  readonly units: number;
}

export interface ExecutiveSummary {
  /** The regime the headline figures use: `as-is` (the rules in force) when it was run, else the first regime. */
  readonly headlineRegime: Regime;
  readonly insuranceFund: number;
  /** One per regime, in the parameters' regime order. */
  readonly worstByRegime: readonly WorstRun[];
  readonly cover: readonly CoverFigures[];
  /** MODEL.md §7: least severe uniform crypto move at which as-is bad debt exceeds the fund; null if none on the grid. */
  readonly reverseStress: { readonly down: number | null; readonly up: number | null };
  readonly marginCalledToday: readonly MarginCalledCount[];
}

export interface RegimeMargin {
  readonly regime: Regime;
  readonly units: number;
  /** Σ IM over the regime's margin units at today's market (USD). */
  readonly im: number;
  readonly mm: number;
  readonly marginCalledUnits: number;
  readonly marginCalledClients: number;
  readonly liquidatableUnits: number;
  readonly liquidatableClients: number;
  /** standard IM − this regime's IM (USD; > 0 = capital released); null when `standard` was not run. */
  readonly imSavedVsStandard: number | null;
  /** imSavedVsStandard / standard IM; null when standard was not run or its IM is 0. */
  readonly imSavedVsStandardFraction: number | null;
  readonly mmSavedVsStandard: number | null;
}

export interface MarketLine {
  readonly asset: string;
  readonly kind: 'crypto' | 'stablecoin';
  readonly price: number;
  readonly vol: number;
  readonly adv: number;
  readonly depth1pct: number;
}

/** A scenario entry as given (`asset` may be `*`). */
export interface ShockEntry {
  readonly asset: string;
  readonly shock: number;
  readonly vol: number;
  readonly liquidity: number;
}

/** The shock each market asset actually receives (MODEL.md §6: named entry, else `*` for crypto, else none). */
export interface EffectiveShock {
  readonly asset: string;
  readonly source: 'named' | 'all-crypto' | 'none';
  readonly shock: number;
  readonly vol: number;
  readonly liquidity: number;
  /** P⁰ = S·(1 + shock), USD. */
  readonly shockedPrice: number;
}

export interface RunAssetOutcome {
  readonly asset: string;
  /** Cumulative signed liquidation flow Q (USD at P⁰; negative = selling); null for stablecoins. */
  readonly flowUsd: number | null;
  /** Signed units of the underlying closed over the cascade (Σ flow / P⁰); null for stablecoins. */
  readonly unitsClosed: number | null;
  readonly finalPrice: number;
  /** finalPrice / today's price − 1. */
  readonly moveFromToday: number;
  readonly halted: boolean;
}

export interface RoundAsset {
  readonly asset: string;
  /** P^k after this round's flow. */
  readonly price: number;
  /** Flow added in this round (USD at P⁰, signed); null for stablecoins. */
  readonly flowUsd: number | null;
  readonly unitsClosed: number | null;
}

export interface RoundLine {
  readonly round: number;
  readonly liquidatedUnits: number;
  /** Σ |flow| over assets in this round (USD at P⁰). */
  readonly grossFlowUsd: number;
  readonly cumulativeBadDebt: number;
  readonly assets: readonly RoundAsset[];
}

export interface ScenarioRunReport extends LossFigures {
  readonly regime: Regime;
  readonly rounds: number;
  readonly marginCalled: number;
  readonly liquidatedUnits: number;
  readonly halted: readonly string[];
  /** Every market asset except USD, in market order. */
  readonly assets: readonly RunAssetOutcome[];
  readonly trace: readonly RoundLine[];
}

export interface ScenarioReport {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly window: readonly string[] | null;
  /** As given, `*` last. */
  readonly shocks: readonly ShockEntry[];
  /** Per market asset, in market order. */
  readonly effective: readonly EffectiveShock[];
  /** One per regime, in the parameters' regime order. */
  readonly runs: readonly ScenarioRunReport[];
}

/** A client's worst run across every scenario × regime, for one ranking. */
export interface ClientWorstRun {
  readonly clientId: string;
  readonly scenario: string;
  readonly regime: Regime;
  /** E_before − E_after summed over the client's units in that run (USD; gains negative). */
  readonly loss: number;
  /** The client's bad debt in that run (USD ≥ 0). */
  readonly uncovered: number;
  readonly liquidatedUnits: number;
}

export interface TopClients {
  /** Ranked by each client's largest loss over all runs (> 0 only), largest first; ties by client id. */
  readonly byLoss: readonly ClientWorstRun[];
  /** Ranked by each client's largest uncovered loss over all runs (> 0 only). */
  readonly byUncovered: readonly ClientWorstRun[];
}

export interface ClientDelta {
  readonly clientId: string;
  /** Net delta of the client in the asset, all venues pooled (units; long > 0). */
  readonly netDelta: number;
  readonly netDeltaUsd: number;
  /** |netDeltaUsd| / Σ over clients |netDeltaUsd| of the asset. */
  readonly shareOfGross: number;
}

export interface AssetConcentration {
  readonly asset: string;
  readonly price: number;
  /** Σ over clients of the net delta (units). */
  readonly netDelta: number;
  readonly netDeltaUsd: number;
  /** Σ of positive client net deltas × price (USD ≥ 0). */
  readonly longUsd: number;
  /** Σ of negative client net deltas × price (USD ≤ 0). */
  readonly shortUsd: number;
  /** Clients with a non-zero net delta in the asset. */
  readonly clients: number;
  /** max(longUsd, −shortUsd) / ADV: days of average volume to unwind the larger side. */
  readonly largerSideAdvDays: number | null;
  /** Largest |net delta| first, ties by client id. */
  readonly topClients: readonly ClientDelta[];
}

export interface RecordCountLine {
  readonly record: 'marketAssets' | 'clients' | 'subaccounts' | 'positions' | 'collateral' | 'scenarios';
  readonly received: number;
  readonly accepted: number;
  readonly rejected: number;
}

export interface ReasonCount {
  readonly document: 'book' | 'market' | 'scenarios';
  readonly reason: string;
  readonly count: number;
}

export interface RejectedLine {
  readonly document: 'book' | 'market' | 'scenarios';
  readonly path: string;
  readonly reason: string;
  readonly clientId: string | null;
  readonly venue: string | null;
}

export interface WarningLine {
  readonly document: 'book' | 'market' | 'scenarios';
  readonly path: string;
  readonly message: string;
}

export interface DataQualityReport {
  readonly counts: readonly RecordCountLine[];
  readonly rejectedTotal: number;
  /** Rejections grouped by document and reason, most frequent first. */
  readonly reasons: readonly ReasonCount[];
  /** The first rejected records in input order; `rejectedListed` < `rejectedTotal` when cut. */
  readonly rejected: readonly RejectedLine[];
  readonly rejectedListed: number;
  readonly warningsTotal: number;
  readonly warnings: readonly WarningLine[];
}

/** A figure today and on the previous report; change = current − previous (null when either is null). */
export interface Change {
  readonly previous: number | null;
  readonly current: number | null;
  readonly change: number | null;
}

export interface ParameterChange {
  readonly path: string;
  readonly previous: string | number | boolean | null;
  readonly current: string | number | boolean | null;
}

export interface DayOverDay {
  readonly previousAsOf: string;
  readonly previousRunId: string;
  /** Which input documents differ (by SHA-256). */
  readonly inputsChanged: {
    readonly book: boolean;
    readonly market: boolean;
    readonly params: boolean;
    readonly scenarios: boolean;
  };
  readonly positions: {
    readonly clients: Change;
    readonly subaccounts: Change;
    readonly positions: Change;
    /** Net delta in USD per crypto asset, current market order then assets only in the previous report. */
    readonly netDeltaUsd: readonly (Change & { readonly asset: string })[];
  };
  readonly market: readonly {
    readonly asset: string;
    readonly price: Change;
    /** current / previous − 1; null when the asset is missing on either day. */
    readonly priceReturn: number | null;
    readonly vol: Change;
  }[];
  readonly parameters: {
    readonly previousVersion: string;
    readonly currentVersion: string;
    /** Every methodology parameter whose value differs (path order). */
    readonly changed: readonly ParameterChange[];
  };
  readonly risk: {
    readonly insuranceFund: Change;
    readonly margin: readonly {
      readonly regime: Regime;
      readonly im: Change;
      readonly mm: Change;
      readonly marginCalledClients: Change;
    }[];
    readonly worstBadDebt: readonly { readonly regime: Regime; readonly badDebt: Change }[];
    readonly reverseStressDown: Change;
    readonly reverseStressUp: Change;
  };
}

export interface TierLine {
  /** Upper notional bound (USD); null for the last, open bracket. */
  readonly upTo: number | null;
  readonly imr: number;
  readonly mmr: number;
}

/** The §4 settings of one asset as the run used them (methodology.ts copies them key by key, in this order). */
export type PortfolioMarginLine = PortfolioMarginSettings;

/** One params `assets` entry as given; a null field is taken from `*` (crypto) or absent (stablecoin haircut 0). */
export interface AssetParamsLine {
  readonly asset: string;
  readonly haircut: number | null;
  readonly tiers: readonly TierLine[] | null;
  readonly pm: PortfolioMarginLine | null;
}

export interface Methodology {
  readonly modelVersion: string;
  readonly paramsVersion: string;
  readonly regimes: readonly Regime[];
  readonly options: { readonly im: number; readonly imFloor: number; readonly mm: number };
  readonly portfolioMargin: { readonly mmFactor: number; readonly includeCollateral: boolean };
  readonly impact: { readonly model: 'sqrt' | 'linear'; readonly y: number; readonly priceFloor: number };
  readonly cascade: { readonly maxRounds: number; readonly circuitBreakerBand: number | null };
  readonly reverseStress: {
    readonly downGrid: readonly number[];
    readonly upGrid: readonly number[];
    readonly bisectionSteps: number;
  };
  /** `*` first, then named entries in alphabetical order. */
  readonly assets: readonly AssetParamsLine[];
}

export interface RiskReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly identity: ReportIdentity;
  readonly summary: ExecutiveSummary;
  readonly margin: readonly RegimeMargin[];
  readonly market: readonly MarketLine[];
  readonly scenarios: readonly ScenarioReport[];
  readonly topClients: TopClients;
  readonly concentration: readonly AssetConcentration[];
  readonly dataQuality: DataQualityReport;
  readonly dayOverDay: DayOverDay | null;
  readonly methodology: Methodology;
}
