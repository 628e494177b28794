/**
 * What the API's operations receive: requests already parsed and checked against their
 * schemas at the edge (functions/handlers/api/schema.ts), so the fields have their types and
 * bounds; what needs the core (library ids, the parameter document) is checked here.
 */
import type { Regime } from '../model/params.js';

/** The bounds of POST /runs (the edge's schema enforces them). */
export const RUN_REQUEST_LIMITS = {
  /** Library plus inline scenarios. */
  maxScenarios: 200,
  maxClientIds: 10_000,
  /** Request body, bytes (after base64 decoding). */
  maxBodyBytes: 1024 * 1024,
  /** Scenario shock R (MODEL.md §6: R > −1); the upper bound keeps a typo such as 50 for 0.5 out. */
  shock: { above: -1, atMost: 10 },
  /** Relative vol shock v ≥ −1. */
  vol: { atLeast: -1, atMost: 10 },
  /** Liquidity multiplier λ > 0. */
  liquidity: { above: 0, atMost: 100 },
} as const;

/** The body of POST /runs. */
export interface RunRequestBody {
  readonly asOf: string;
  readonly scenarioIds?: readonly string[];
  /** Inline scenarios, MODEL.md §8 form. */
  readonly scenarios?: readonly unknown[];
  readonly regimes?: readonly Regime[];
  readonly clientIds?: readonly string[];
  /** A whole risk-parameter document replacing the active one for this run. */
  readonly params?: unknown;
}

export type ApiRequest =
  | {
      readonly operation: 'createRun';
      readonly body: RunRequestBody;
      /** Public base URL of the API (scheme, host and stage), for the status link. */
      readonly baseUrl: string;
    }
  | { readonly operation: 'describeRun'; readonly runId: string }
  | { readonly operation: 'listReports'; readonly asOf: string }
  | { readonly operation: 'listScenarios' };
