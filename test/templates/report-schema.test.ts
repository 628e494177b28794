import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { RiskReport } from '../../functions/core/report/report-model.js';
import { stringifyRiskReport } from '../../functions/core/report/serialize-report.js';
import {
  type RiskReportDocument,
  reportJsonSchema,
  riskReportSchema,
} from '../../templates/report-schema.js';
import {
  mediumTexts,
  previousDayTexts,
  runReport,
  textsWithRejections,
} from '../core/report/report-fixtures.js';
import { checkJsonSchema } from './json-schema-check.js';

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

let report: RiskReport;
let withEverything: RiskReport;
const jsonSchema = reportJsonSchema();

beforeAll(() => {
  const texts = mediumTexts();
  report = runReport(texts).report;
  const previous = runReport(previousDayTexts(texts), { skipReverseStress: true }).report;
  withEverything = runReport(textsWithRejections(texts), { previous, skipReverseStress: true }).report;
});

describe('the report schema', () => {
  it('is published as templates/report.schema.json, generated from the zod schema (refresh with -u)', async () => {
    await expect(`${JSON.stringify(jsonSchema, null, 2)}\n`).toMatchFileSnapshot(
      '../../templates/report.schema.json',
    );
  });

  it('describes exactly the report model types', () => {
    expectTypeOf<DeepReadonly<RiskReportDocument>>().toEqualTypeOf<DeepReadonly<RiskReport>>();
  });

  it.each([
    ['the medium example', () => report],
    ['a report with rejections, warnings and a day-over-day section', () => withEverything],
  ])('validates %s with zod and against the JSON Schema file', (_, get) => {
    const json = JSON.parse(stringifyRiskReport(get())) as unknown;
    expect(riskReportSchema.safeParse(json).error).toBeUndefined();
    expect(checkJsonSchema(jsonSchema, json)).toEqual([]);
  });

  it('keeps the key order: a parsed report serialises to the same bytes', () => {
    const text = stringifyRiskReport(withEverything);
    expect(stringifyRiskReport(riskReportSchema.parse(JSON.parse(text)) as RiskReport)).toBe(text);
  });

  it.each([
    [
      'a missing field',
      (r: Record<string, unknown>) => delete (r.summary as Record<string, unknown>).insuranceFund,
      'insuranceFund',
    ],
    [
      'an unknown field',
      (r: Record<string, unknown>) => Object.assign(r.identity as object, { extra: 1 }),
      'extra',
    ],
    [
      'a wrong type',
      (r: Record<string, unknown>) => Object.assign(r.identity as object, { asOf: 20261130 }),
      'asOf',
    ],
    [
      'a bad digest',
      (r: Record<string, unknown>) => Object.assign(r.identity as object, { inputsDigest: 'xyz' }),
      'inputsDigest',
    ],
    [
      'a negative bad debt',
      (r: Record<string, unknown>) =>
        Object.assign((r.summary as { worstByRegime: object[] }).worstByRegime[0]!, { badDebt: -1 }),
      'badDebt',
    ],
    [
      'an unknown regime',
      (r: Record<string, unknown>) => Object.assign((r.margin as object[])[0]!, { regime: 'gross' }),
      'regime',
    ],
    [
      'another schema version',
      (r: Record<string, unknown>) => Object.assign(r, { schemaVersion: '2.0' }),
      'schemaVersion',
    ],
  ])('rejects %s, in zod and in the JSON Schema', (_, damage, field) => {
    const json = JSON.parse(stringifyRiskReport(report)) as Record<string, unknown>;
    damage(json);
    const parsed = riskReportSchema.safeParse(json);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(field);
    const errors = checkJsonSchema(jsonSchema, json);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(field);
  });
});
