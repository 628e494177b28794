/**
 * The published schema of the risk report JSON (version REPORT_SCHEMA_VERSION), as zod types
 * mirroring functions/core/report/report-model.ts field for field and in the same key order
 * (so a parsed report serialises to the same bytes). `templates/report.schema.json` is
 * generated from it (`reportJsonSchema()`); test/templates/report-schema.test.ts fails when the
 * file is stale — refresh it with `npx vitest run test/templates/report-schema.test.ts -u`.
 *
 * It lives in templates/ rather than the core because the core imports no npm package; edges
 * that read a report back (the archive, the day-over-day comparison) parse it with this.
 */
import { z } from 'zod';
import { REPORT_SCHEMA_VERSION } from '../functions/core/report/report-model.js';

const usd = z.number().describe('USD');
const count = z.number().int().min(0);
const fraction = z.number().describe('fraction (0.25 = 25%)');
const regime = z.enum(['as-is', 'standard', 'portfolio', 'cross-venue']);
const documentName = z.enum(['book', 'market', 'scenarios']);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const label = z.string().min(1);

const inputDigest = z.strictObject({ sha256 });

/** The loss waterfall of a run (MODEL.md §6), shared by the headline table and the scenario runs. */
const lossFigures = {
  badDebt: usd.min(0),
  insuranceFundUsed: usd.min(0),
  adl: usd.min(0),
  cover1: usd.min(0),
  cover2: usd.min(0),
  totalLoss: usd,
};

const identity = z.strictObject({
  asOf: isoDate,
  generatedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/),
  runId: label,
  codeVersion: label,
  modelVersion: label,
  paramsVersion: label,
  classification: label,
  inputs: z.strictObject({
    book: inputDigest,
    market: inputDigest,
    params: inputDigest,
    scenarios: inputDigest,
  }),
  inputsDigest: sha256,
});

const worstRun = z.strictObject({
  regime,
  scenario: label,
  scenarioName: z.string(),
  rounds: count,
  liquidatedUnits: count,
  ...lossFigures,
  badDebtToFund: z.number().min(0).nullable(),
});

const coverFigures = z.strictObject({
  regime,
  cover1: usd.min(0),
  cover1Scenario: label.nullable(),
  cover2: usd.min(0),
  cover2Scenario: label.nullable(),
  coverageRatio: z.number().min(0).nullable(),
});

const summary = z.strictObject({
  headlineRegime: regime,
  insuranceFund: usd.min(0),
  worstByRegime: z.array(worstRun),
  cover: z.array(coverFigures),
  reverseStress: z.strictObject({ down: fraction.nullable(), up: fraction.nullable() }),
  marginCalledToday: z.array(z.strictObject({ regime, clients: count, units: count })),
});

const regimeMargin = z.strictObject({
  regime,
  units: count,
  im: usd.min(0),
  mm: usd.min(0),
  marginCalledUnits: count,
  marginCalledClients: count,
  liquidatableUnits: count,
  liquidatableClients: count,
  imSavedVsStandard: usd.nullable(),
  imSavedVsStandardFraction: fraction.nullable(),
  mmSavedVsStandard: usd.nullable(),
});

const marketLine = z.strictObject({
  asset: label,
  kind: z.enum(['crypto', 'stablecoin']),
  price: z.number().positive(),
  vol: z.number().positive(),
  adv: usd.min(0),
  depth1pct: usd.min(0),
});

const shockEntry = z.strictObject({
  asset: label,
  shock: z.number().gt(-1),
  vol: z.number().min(-1),
  liquidity: z.number().positive(),
});

const effectiveShock = z.strictObject({
  asset: label,
  source: z.enum(['named', 'all-crypto', 'none']),
  shock: z.number().gt(-1),
  vol: z.number().min(-1),
  liquidity: z.number().positive(),
  shockedPrice: z.number().min(0),
});

const runAsset = z.strictObject({
  asset: label,
  flowUsd: usd.nullable(),
  unitsClosed: z.number().nullable(),
  finalPrice: z.number().min(0),
  moveFromToday: fraction,
  halted: z.boolean(),
});

const roundLine = z.strictObject({
  round: z.number().int().min(1),
  liquidatedUnits: count,
  grossFlowUsd: usd.min(0),
  cumulativeBadDebt: usd.min(0),
  assets: z.array(
    z.strictObject({
      asset: label,
      price: z.number().min(0),
      flowUsd: usd.nullable(),
      unitsClosed: z.number().nullable(),
    }),
  ),
});

const scenarioRun = z.strictObject({
  regime,
  rounds: count,
  marginCalled: count,
  liquidatedUnits: count,
  ...lossFigures,
  halted: z.array(label),
  assets: z.array(runAsset),
  trace: z.array(roundLine),
});

const scenario = z.strictObject({
  id: label,
  name: z.string(),
  kind: z.string(),
  window: z.array(z.string()).nullable(),
  shocks: z.array(shockEntry),
  effective: z.array(effectiveShock),
  runs: z.array(scenarioRun),
});

const clientWorstRun = z.strictObject({
  clientId: label,
  scenario: label,
  regime,
  loss: usd,
  uncovered: usd.min(0),
  liquidatedUnits: count,
});

const assetConcentration = z.strictObject({
  asset: label,
  price: z.number().positive(),
  netDelta: z.number(),
  netDeltaUsd: usd,
  longUsd: usd.min(0),
  shortUsd: usd.max(0),
  clients: count,
  largerSideAdvDays: z.number().min(0).nullable(),
  topClients: z.array(
    z.strictObject({
      clientId: label,
      netDelta: z.number(),
      netDeltaUsd: usd,
      shareOfGross: z.number().min(0).max(1),
    }),
  ),
});

const dataQuality = z.strictObject({
  counts: z.array(
    z.strictObject({
      record: z.enum(['marketAssets', 'clients', 'subaccounts', 'positions', 'collateral', 'scenarios']),
      received: count,
      accepted: count,
      rejected: count,
    }),
  ),
  rejectedTotal: count,
  reasons: z.array(z.strictObject({ document: documentName, reason: z.string(), count: count.min(1) })),
  rejected: z.array(
    z.strictObject({
      document: documentName,
      path: z.string(),
      reason: z.string(),
      clientId: z.string().nullable(),
      venue: z.string().nullable(),
    }),
  ),
  rejectedListed: count,
  warningsTotal: count,
  warnings: z.array(z.strictObject({ document: documentName, path: z.string(), message: z.string() })),
});

const change = z.strictObject({
  previous: z.number().nullable(),
  current: z.number().nullable(),
  change: z.number().nullable(),
});
const parameterValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const dayOverDay = z.strictObject({
  previousAsOf: isoDate,
  previousRunId: label,
  inputsChanged: z.strictObject({
    book: z.boolean(),
    market: z.boolean(),
    params: z.boolean(),
    scenarios: z.boolean(),
  }),
  positions: z.strictObject({
    clients: change,
    subaccounts: change,
    positions: change,
    netDeltaUsd: z.array(z.strictObject({ asset: label, ...change.shape })),
  }),
  market: z.array(
    z.strictObject({ asset: label, price: change, priceReturn: fraction.nullable(), vol: change }),
  ),
  parameters: z.strictObject({
    previousVersion: label,
    currentVersion: label,
    changed: z.array(z.strictObject({ path: z.string(), previous: parameterValue, current: parameterValue })),
  }),
  risk: z.strictObject({
    insuranceFund: change,
    margin: z.array(z.strictObject({ regime, im: change, mm: change, marginCalledClients: change })),
    worstBadDebt: z.array(z.strictObject({ regime, badDebt: change })),
    reverseStressDown: change,
    reverseStressUp: change,
  }),
});

const tier = z.strictObject({
  upTo: usd.positive().nullable(),
  imr: z.number().min(0),
  mmr: z.number().min(0),
});
const pm = z.strictObject({
  range: z.number().positive(),
  steps: z.number().int().min(3),
  volUp: z.number().min(0),
  volDown: z.number().min(0).max(1),
  extremeMoves: z.array(z.number().gt(-1)),
  extremeFraction: z.number().min(0),
  contingency: z.number().min(0),
  concentrationThreshold: usd.min(0),
  concentrationRate: z.number().min(0),
});

const methodology = z.strictObject({
  modelVersion: label,
  paramsVersion: label,
  regimes: z.array(regime),
  options: z.strictObject({ im: z.number().min(0), imFloor: z.number().min(0), mm: z.number().min(0) }),
  portfolioMargin: z.strictObject({ mmFactor: z.number().positive(), includeCollateral: z.boolean() }),
  impact: z.strictObject({
    model: z.enum(['sqrt', 'linear']),
    y: z.number().min(0),
    priceFloor: z.number().min(0).max(1),
  }),
  cascade: z.strictObject({
    maxRounds: z.number().int().min(1),
    circuitBreakerBand: z.number().positive().nullable(),
  }),
  reverseStress: z.strictObject({
    downGrid: z.array(fraction),
    upGrid: z.array(fraction),
    bisectionSteps: count,
  }),
  assets: z.array(
    z.strictObject({
      asset: label,
      haircut: z.number().min(0).lt(1).nullable(),
      tiers: z.array(tier).nullable(),
      pm: pm.nullable(),
    }),
  ),
});

export const riskReportSchema = z
  .strictObject({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    identity,
    summary,
    margin: z.array(regimeMargin),
    market: z.array(marketLine),
    scenarios: z.array(scenario),
    topClients: z.strictObject({ byLoss: z.array(clientWorstRun), byUncovered: z.array(clientWorstRun) }),
    concentration: z.array(assetConcentration),
    dataQuality,
    dayOverDay: dayOverDay.nullable(),
    methodology,
  })
  .meta({
    title: 'Marginfall risk report',
    description: `Risk report of one stress-test run, schema version ${REPORT_SCHEMA_VERSION}. Amounts in USD, returns as fractions.`,
  });

export type RiskReportDocument = z.infer<typeof riskReportSchema>;

/** The JSON Schema (draft 2020-12) published as templates/report.schema.json. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(riskReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
