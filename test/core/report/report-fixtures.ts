/**
 * Reports built from the specification's medium example (300 clients, 10 scenarios, reference
 * parameters) by the real calculation, for the report, schema, PDF and email tests.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type CalculationDocuments,
  calculate,
  validateInputs,
} from '../../../functions/core/calculation/calculate.js';
import type { CalculationResult } from '../../../functions/core/calculation/result.js';
import { type BookExposure, computeBookExposure } from '../../../functions/core/report/book-exposure.js';
import { buildRiskReport, type RiskReportInput } from '../../../functions/core/report/build-report.js';
import type { RiskReport } from '../../../functions/core/report/report-model.js';

export const MEDIUM = new URL('../../fixtures/spec/examples/medium/', import.meta.url);
export const PARAMS = new URL('../../fixtures/spec/params.reference.json', import.meta.url);
export const GENERATED_AT = '2026-11-30T06:15:00Z';

export interface DocumentTexts {
  readonly book: string;
  readonly market: string;
  readonly params: string;
  readonly scenarios: string;
}

export function mediumTexts(): DocumentTexts {
  return {
    book: readFileSync(new URL('book.json', MEDIUM), 'utf8'),
    market: readFileSync(new URL('market.json', MEDIUM), 'utf8'),
    params: readFileSync(PARAMS, 'utf8'),
    scenarios: readFileSync(new URL('scenarios.json', MEDIUM), 'utf8'),
  };
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function digestsOf(texts: DocumentTexts) {
  return {
    book: sha256(texts.book),
    market: sha256(texts.market),
    params: sha256(texts.params),
    scenarios: sha256(texts.scenarios),
  };
}

export interface ReportRun {
  readonly texts: DocumentTexts;
  readonly documents: CalculationDocuments;
  readonly result: CalculationResult;
  readonly inputs: ReturnType<typeof validateInputs>;
  readonly exposure: BookExposure;
  readonly input: RiskReportInput;
  readonly report: RiskReport;
}

/** The whole chain on four document texts: parse, calculate, exposure, report. */
export function runReport(
  texts: DocumentTexts,
  extra: {
    readonly runId?: string;
    readonly previous?: RiskReport;
    readonly skipReverseStress?: boolean;
  } = {},
): ReportRun {
  const documents = {
    book: JSON.parse(texts.book) as unknown,
    market: JSON.parse(texts.market) as unknown,
    params: JSON.parse(texts.params) as unknown,
    scenarios: JSON.parse(texts.scenarios) as unknown,
  };
  const result = calculate(documents, { skipReverseStress: extra.skipReverseStress ?? false });
  const inputs = validateInputs(documents);
  const exposure = computeBookExposure(inputs);
  const input: RiskReportInput = {
    result,
    exposure,
    params: inputs.params,
    scenarios: inputs.scenarios,
    identity: {
      runId: extra.runId ?? '2026-11-30-r1',
      generatedAt: GENERATED_AT,
      codeVersion: '0.1.0',
      inputDigests: digestsOf(texts),
    },
    previous: extra.previous ?? null,
  };
  return { texts, documents, result, inputs, exposure, input, report: buildRiskReport(input) };
}

/**
 * The previous business day (2026-11-27, a Friday): the same book, every market price 5% lower
 * and options.im at 0.20 instead of 0.15 — so every part of the day-over-day section moves.
 */
export function previousDayTexts(texts: DocumentTexts): DocumentTexts {
  const book = JSON.parse(texts.book) as { asOf: string };
  book.asOf = '2026-11-27';
  const market = JSON.parse(texts.market) as { asOf: string; assets: Record<string, { price: number }> };
  market.asOf = '2026-11-27';
  for (const quote of Object.values(market.assets)) quote.price *= 0.95;
  const params = JSON.parse(texts.params) as { options: { im: number } };
  params.options.im = 0.2;
  return {
    book: JSON.stringify(book),
    market: JSON.stringify(market),
    params: JSON.stringify(params),
    scenarios: texts.scenarios,
  };
}

/**
 * The medium book with bad records added: positions on an asset not in the market, a subaccount
 * repeating a venue, and a scenario with a −100% shock — each rejected alone — plus a shock for an
 * asset not in the market, which is ignored with a warning.
 */
export function textsWithRejections(texts: DocumentTexts, unknownAssetPositions = 3): DocumentTexts {
  const book = JSON.parse(texts.book) as {
    clients: { id: string; subaccounts: { venue: string; positions: unknown[] }[] }[];
  };
  const first = book.clients[0]!;
  for (let i = 0; i < unknownAssetPositions; i++) {
    first.subaccounts[0]!.positions.push({ type: 'perp', asset: 'NOPE', qty: 1 + i, entry: 10 });
  }
  const second = book.clients[1]!;
  second.subaccounts.push({ ...second.subaccounts[0]!, positions: [] });
  const scenarios = JSON.parse(texts.scenarios) as { scenarios: { shocks: Record<string, unknown> }[] };
  scenarios.scenarios.push({ id: 'broken', name: 'Broken', shocks: { '*': { shock: -1 } } } as never);
  scenarios.scenarios[0]!.shocks.XYZ = { shock: -0.5 };
  return { ...texts, book: JSON.stringify(book), scenarios: JSON.stringify(scenarios) };
}
