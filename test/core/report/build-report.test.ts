import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIsoDate, yearFraction } from '../../../functions/core/dates.js';
import { ContagionEngine } from '../../../functions/core/engine/engine.js';
import { optionDelta } from '../../../functions/core/pricing/black-scholes.js';
import { buildRiskReport } from '../../../functions/core/report/build-report.js';
import { ReportInputError } from '../../../functions/core/report/report-errors.js';
import type { RiskReport } from '../../../functions/core/report/report-model.js';
import { stringifyRiskReport } from '../../../functions/core/report/serialize-report.js';
import {
  digestsOf,
  GENERATED_AT,
  MEDIUM,
  mediumTexts,
  type ReportRun,
  runReport,
  sha256,
  textsWithRejections,
} from './report-fixtures.js';

/** MODEL.md §9: money amounts agree within 1e-6 relative + $1. */
const money = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b)) + 1;

interface ExpectedRun {
  scenario: string;
  regime: string;
  badDebt: number;
  totalLoss: number;
  cover1: number;
  cover2: number;
  adl: number;
  insuranceFundUsed: number;
}
interface ExpectedResult {
  margin: Record<string, { units: number; im: number; mm: number; marginCalled: number }>;
  runs: ExpectedRun[];
  reverseStress: { down: number | null; up: number | null };
}

// The specification's own expected result for the medium example (independent of this engine).
const expected = JSON.parse(readFileSync(new URL('expected-result.json', MEDIUM), 'utf8')) as ExpectedResult;
const FUND = 4_710_000; // the medium book's insuranceFund

let run: ReportRun;
let report: RiskReport;

beforeAll(() => {
  run = runReport(mediumTexts());
  report = run.report;
});

describe('buildRiskReport on the medium example: identity', () => {
  it('carries the run identity and hashes the four input digests together', () => {
    const id = report.identity;
    const digests = digestsOf(run.texts);
    expect(id).toMatchObject({
      asOf: '2026-11-30',
      generatedAt: GENERATED_AT,
      runId: '2026-11-30-r1',
      codeVersion: '0.1.0',
      modelVersion: '1.2',
      paramsVersion: 'reference-1',
      classification: 'Confidential — risk management',
    });
    expect(id.inputs.book.sha256).toBe(sha256(run.texts.book));
    // The combined digest, computed independently with node:crypto.
    expect(id.inputsDigest).toBe(
      sha256(
        `book ${digests.book}\nmarket ${digests.market}\nparams ${digests.params}\nscenarios ${digests.scenarios}\n`,
      ),
    );
  });
});

describe('buildRiskReport on the medium example: executive summary', () => {
  it('picks the worst scenario per regime as the specification’s expected result does', () => {
    for (const regime of ['as-is', 'standard', 'portfolio', 'cross-venue']) {
      const runs = expected.runs.filter((r) => r.regime === regime);
      const worst = runs.reduce((w, r) => (r.badDebt > w.badDebt ? r : w));
      const line = report.summary.worstByRegime.find((w) => w.regime === regime)!;
      expect(line.scenario).toBe(worst.scenario);
      expect(money(line.badDebt, worst.badDebt)).toBe(true);
      expect(money(line.adl, worst.adl)).toBe(true);
      expect(line.badDebtToFund).toBeCloseTo(line.badDebt / FUND, 12);
    }
    // As-is: crash-historical, bad debt $22,646,141 (README), 4.808× the $4.71m fund.
    const asIs = report.summary.worstByRegime[0]!;
    expect(asIs).toMatchObject({
      regime: 'as-is',
      scenario: 'crash-historical',
      rounds: 2,
      liquidatedUnits: 129,
    });
    expect(asIs.badDebtToFund).toBeCloseTo(22_646_140.78 / 4_710_000, 6);
  });

  it('reports the largest Cover-1/Cover-2 per regime and the fund coverage ratio = fund / Cover-2', () => {
    for (const cover of report.summary.cover) {
      const runs = expected.runs.filter((r) => r.regime === cover.regime);
      const maxCover2 = Math.max(...runs.map((r) => r.cover2));
      expect(money(cover.cover2, maxCover2)).toBe(true);
      expect(money(cover.cover1, Math.max(...runs.map((r) => r.cover1)))).toBe(true);
      expect(cover.coverageRatio!).toBeCloseTo(FUND / cover.cover2, 12);
    }
    // As-is: Cover-2 = $13,117,564 in crash-historical → 4,710,000 / 13,117,564 = 0.3591.
    expect(report.summary.cover[0]!.cover2Scenario).toBe('crash-historical');
    expect(report.summary.cover[0]!.coverageRatio).toBeCloseTo(0.3591, 4);
  });

  it('carries the reverse-stress thresholds within the §9 tolerance of the expected result', () => {
    expect(Math.abs(report.summary.reverseStress.down! - expected.reverseStress.down!)).toBeLessThan(0.002);
    expect(Math.abs(report.summary.reverseStress.up! - expected.reverseStress.up!)).toBeLessThan(0.002);
  });

  it('counts margin-called clients: never more than units; equal under cross-venue (one unit per client)', () => {
    for (const line of report.summary.marginCalledToday) {
      expect(line.units).toBe(expected.margin[line.regime]!.marginCalled);
      expect(line.clients).toBeLessThanOrEqual(line.units);
    }
    const cross = report.summary.marginCalledToday.find((l) => l.regime === 'cross-venue')!;
    expect(cross.clients).toBe(cross.units);
    expect(report.summary.headlineRegime).toBe('as-is');
  });
});

describe('buildRiskReport on the medium example: margin', () => {
  it('computes capital saved against standard as standard IM − regime IM', () => {
    const standardIm = expected.margin.standard!.im;
    for (const line of report.margin) {
      const im = expected.margin[line.regime]!.im;
      expect(money(line.im, im)).toBe(true);
      expect(money(line.imSavedVsStandard!, standardIm - im)).toBe(true);
      expect(line.imSavedVsStandardFraction!).toBeCloseTo((standardIm - im) / standardIm, 6);
    }
    // Portfolio needs more than standard here: 13,482,838 − 34,511,481 = −21,028,643 (≈ −156%).
    const portfolio = report.margin.find((m) => m.regime === 'portfolio')!;
    expect(portfolio.imSavedVsStandard!).toBeCloseTo(-21_028_643.5, -1);
  });
});

describe('buildRiskReport on the medium example: scenarios', () => {
  it('resolves the effective shock per asset as MODEL.md §6 does (named, else *, stablecoins only when named)', () => {
    const crash = report.scenarios.find((s) => s.id === 'crash-historical')!;
    const btc = crash.effective.find((e) => e.asset === 'BTC')!;
    const doge = crash.effective.find((e) => e.asset === 'DOGE')!;
    const usdt = crash.effective.find((e) => e.asset === 'USDT')!;
    expect(btc).toMatchObject({ source: 'named', shock: -0.319, vol: 1.263, liquidity: 0.358 });
    expect(btc.shockedPrice).toBeCloseTo(102_150 * (1 - 0.319), 8); // 69,564.15
    expect(doge).toMatchObject({ source: 'all-crypto', shock: -0.569, vol: 0.855, liquidity: 0.264 });
    expect(usdt).toMatchObject({ source: 'none', shock: 0, shockedPrice: 1 });
    const depeg = report.scenarios.find((s) => s.id === 'usdt-depeg')!;
    // A named stablecoin moves in price only: vol and liquidity are not applied.
    expect(depeg.effective.find((e) => e.asset === 'USDT')).toMatchObject({
      source: 'named',
      shock: -0.064,
      vol: 0,
      liquidity: 1,
    });
    expect(depeg.effective.find((e) => e.asset === 'USDT')!.shockedPrice).toBeCloseTo(0.936, 12);
    expect(crash.shocks.at(-1)!.asset).toBe('*');
  });

  it('keeps every run with the expected figures, and per-asset flows that add up round by round', () => {
    const runs = report.scenarios.flatMap((s) => s.runs.map((r) => ({ scenario: s.id, ...r })));
    expect(runs).toHaveLength(expected.runs.length);
    for (const r of runs) {
      const e = expected.runs.find((x) => x.scenario === r.scenario && x.regime === r.regime)!;
      expect(money(r.badDebt, e.badDebt)).toBe(true);
      expect(money(r.totalLoss, e.totalLoss)).toBe(true);
      expect(r.trace).toHaveLength(r.rounds);
      for (const asset of r.assets.filter((a) => a.flowUsd !== null)) {
        const perRound = r.trace.reduce(
          (s, round) => s + round.assets.find((a) => a.asset === asset.asset)!.flowUsd!,
          0,
        );
        expect(perRound).toBeCloseTo(asset.flowUsd!, 4);
        const gross = r.trace.map((round) => round.assets.reduce((s, a) => s + Math.abs(a.flowUsd ?? 0), 0));
        r.trace.forEach((round, i) => {
          expect(round.grossFlowUsd).toBeCloseTo(gross[i]!, 6);
        });
      }
      const last = r.trace.at(-1);
      if (last) expect(last.cumulativeBadDebt).toBeCloseTo(r.badDebt, 6);
      for (const a of r.assets) {
        const today = report.market.find((m) => m.asset === a.asset)!.price;
        expect(a.moveFromToday).toBeCloseTo(a.finalPrice / today - 1, 12);
      }
    }
  });
});

describe('buildRiskReport on the medium example: top clients', () => {
  it('ranks every client by its worst run over all scenario × regime runs (checked against every client)', () => {
    // Independent: every client's loss in every run from the engine, not the per-run top-10 lists.
    const engine = new ContagionEngine(run.inputs.book, run.inputs.market, run.inputs.params);
    const clients = run.inputs.book.clients;
    const worstLoss = new Float64Array(clients.length).fill(Number.NEGATIVE_INFINITY);
    const worstUncovered = new Float64Array(clients.length);
    for (const scenario of run.inputs.scenarios) {
      for (const regime of run.inputs.params.regimes) {
        const outcome = engine.runScenario(scenario, regime);
        outcome.clients.loss.forEach((loss, c) => {
          worstLoss[c] = Math.max(worstLoss[c]!, loss);
        });
        outcome.clients.uncovered.forEach((u, c) => {
          worstUncovered[c] = Math.max(worstUncovered[c]!, u);
        });
      }
    }
    const ranking = (values: Float64Array) =>
      clients
        .map((client, c) => ({ id: client.id, value: values[c]! }))
        .filter((x) => x.value > 0)
        .sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1))
        .slice(0, 10);
    const byLoss = ranking(worstLoss);
    const byUncovered = ranking(worstUncovered);
    expect(report.topClients.byLoss.map((c) => c.clientId)).toEqual(byLoss.map((c) => c.id));
    expect(report.topClients.byUncovered.map((c) => c.clientId)).toEqual(byUncovered.map((c) => c.id));
    report.topClients.byLoss.forEach((c, i) => {
      expect(c.loss).toBeCloseTo(byLoss[i]!.value, 6);
    });
    report.topClients.byUncovered.forEach((c, i) => {
      expect(c.uncovered).toBeCloseTo(byUncovered[i]!.value, 6);
    });
    // The largest: C000073 loses $10.80m in crash-historical under portfolio margin.
    expect(report.topClients.byLoss[0]).toMatchObject({
      clientId: 'C000073',
      scenario: 'crash-historical',
      regime: 'portfolio',
    });
  });
});

describe('buildRiskReport on the medium example: concentration', () => {
  it('adds q (linear), q·Δ (options) and crypto collateral per asset, from the raw book', () => {
    // Independent of the engine's margin units: straight from the book document.
    const book = JSON.parse(run.texts.book) as {
      asOf: string;
      clients: {
        id: string;
        subaccounts: { collateral?: Record<string, number>; positions?: Record<string, unknown>[] }[];
      }[];
    };
    const market = JSON.parse(run.texts.market) as {
      rate: number;
      assets: Record<string, { kind: string; price: number; vol: number }>;
    };
    const asOf = parseIsoDate(book.asOf)!;
    const total = new Map<string, number>();
    const perClient = new Map<string, Map<string, number>>();
    for (const client of book.clients) {
      const mine = new Map<string, number>();
      const add = (asset: string, d: number) => {
        if (market.assets[asset]?.kind !== 'crypto') return;
        mine.set(asset, (mine.get(asset) ?? 0) + d);
      };
      for (const sub of client.subaccounts) {
        for (const [asset, qty] of Object.entries(sub.collateral ?? {})) add(asset, qty);
        for (const p of sub.positions ?? []) {
          const asset = p.asset as string;
          const qty = p.qty as number;
          if (p.type !== 'option') add(asset, qty);
          else {
            const quote = market.assets[asset]!;
            const tau = yearFraction(asOf, parseIsoDate(p.expiry)!);
            add(
              asset,
              qty *
                optionDelta(p.right === 'call', quote.price, p.strike as number, tau, quote.vol, market.rate),
            );
          }
        }
      }
      perClient.set(client.id, mine);
      for (const [asset, d] of mine) total.set(asset, (total.get(asset) ?? 0) + d);
    }
    expect(report.concentration.map((c) => c.asset)).toEqual(['BTC', 'ETH', 'DOGE', 'LINK']);
    for (const line of report.concentration) {
      expect(line.netDelta).toBeCloseTo(total.get(line.asset)!, 6);
      expect(line.netDeltaUsd).toBeCloseTo(line.netDelta * line.price, 4);
      expect(line.longUsd + line.shortUsd).toBeCloseTo(line.netDeltaUsd, 4);
      const magnitudes = [...perClient.entries()]
        .map(([id, m]) => ({ id, d: m.get(line.asset) ?? 0 }))
        .filter((x) => x.d !== 0)
        .sort((a, b) => Math.abs(b.d) - Math.abs(a.d));
      expect(line.clients).toBe(magnitudes.length);
      expect(line.topClients.map((t) => t.clientId)).toEqual(magnitudes.slice(0, 5).map((x) => x.id));
      const gross = line.longUsd - line.shortUsd;
      for (const t of line.topClients)
        expect(t.shareOfGross).toBeCloseTo(Math.abs(t.netDeltaUsd) / gross, 12);
    }
    // BTC: the largest client is C000073, 128.5719 BTC long = 128.5719 × 102,150 = $13,133,620.
    expect(report.concentration[0]!.topClients[0]).toMatchObject({ clientId: 'C000073', netDelta: 128.5719 });
    expect(report.concentration[0]!.topClients[0]!.netDeltaUsd).toBeCloseTo(13_133_619.585, 3);
  });
});

describe('buildRiskReport: data quality', () => {
  it('reports received/accepted/rejected per record kind and groups rejections by reason', () => {
    const withBad = runReport(textsWithRejections(mediumTexts()), { skipReverseStress: true }).report;
    const dq = withBad.dataQuality;
    for (const c of dq.counts) expect(c.accepted + c.rejected).toBe(c.received);
    const count = (record: string) => dq.counts.find((c) => c.record === record)!;
    expect(count('positions')).toEqual({ record: 'positions', received: 965, accepted: 962, rejected: 3 });
    expect(count('subaccounts').rejected).toBe(1);
    expect(count('scenarios')).toEqual({ record: 'scenarios', received: 11, accepted: 10, rejected: 1 });
    expect(dq.rejectedTotal).toBe(5);
    expect(dq.rejected).toHaveLength(5);
    expect(dq.rejectedListed).toBe(5);
    // Three identical reasons make the largest group.
    expect(dq.reasons[0]!.count).toBe(3);
    expect(dq.reasons[0]!.document).toBe('book');
    expect(dq.reasons.reduce((s, r) => s + r.count, 0)).toBe(5);
    expect(dq.rejected[0]).toMatchObject({ document: 'book', clientId: 'C000000' });
    expect(dq.warningsTotal).toBe(1);
    expect(dq.warnings[0]).toMatchObject({ document: 'scenarios', path: 'scenarios[0].shocks.XYZ' });
  });

  it('lists at most `rejectedListed` records but counts them all', () => {
    const many = runReport(textsWithRejections(mediumTexts(), 30), { skipReverseStress: true });
    const limited = buildRiskReport({ ...many.input, limits: { rejectedListed: 7, reasons: 1 } });
    expect(limited.dataQuality.rejectedTotal).toBe(32);
    expect(limited.dataQuality.rejected).toHaveLength(7);
    expect(limited.dataQuality.rejectedListed).toBe(7);
    expect(limited.dataQuality.reasons).toEqual([
      { document: 'book', reason: expect.any(String), count: 30 },
    ]);
  });
});

describe('buildRiskReport: determinism and input checks', () => {
  it('gives byte-identical JSON for the same inputs and generatedAt, and leaves its inputs untouched', () => {
    const before = JSON.stringify(run.result);
    const first = stringifyRiskReport(buildRiskReport(run.input));
    const second = stringifyRiskReport(buildRiskReport(run.input));
    expect(second).toBe(first);
    expect(first).toBe(stringifyRiskReport(report));
    expect(JSON.stringify(run.result)).toBe(before);
    expect(first.endsWith('}\n')).toBe(true);
  });

  it('changes only generatedAt when generatedAt changes', () => {
    const later = buildRiskReport({
      ...run.input,
      identity: { ...run.input.identity, generatedAt: '2026-11-30T07:00:00.250Z' },
    });
    expect({ ...later, identity: { ...later.identity, generatedAt: GENERATED_AT } }).toEqual(report);
  });

  it.each([
    ['generatedAt', { generatedAt: '2026-11-30 06:15' }],
    ['generatedAt', { generatedAt: '2026-02-30T06:15:00Z' }],
    ['inputDigests.book', { inputDigests: { ...digestsOf(mediumTexts()), book: 'ABC' } }],
    ['runId', { runId: '  ' }],
    ['runId', { runId: 'a\nb' }],
  ])('refuses a bad %s', (field, change) => {
    const input = { ...run.input, identity: { ...run.input.identity, ...change } };
    expect(() => buildRiskReport(input)).toThrow(ReportInputError);
    try {
      buildRiskReport(input);
    } catch (error) {
      expect((error as ReportInputError).field).toBe(field);
    }
  });

  it('refuses an exposure of another date, a previous report that is not earlier, and a missing scenario', () => {
    expect(() =>
      buildRiskReport({ ...run.input, exposure: { ...run.exposure, asOf: '2026-11-29' } }),
    ).toThrow(/exposure/);
    expect(() => buildRiskReport({ ...run.input, previous: report })).toThrow(/previous/);
    expect(() => buildRiskReport({ ...run.input, scenarios: run.input.scenarios.slice(1) })).toThrow(
      /uniform-down-21/,
    );
  });
});
