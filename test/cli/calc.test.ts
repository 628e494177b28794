/**
 * `marginfall calc` end to end: the command run as a separate process on the specification's
 * examples (test/fixtures/spec/), its result checked against the specification's expected results
 * with the §9 tolerances (test/reference/compare-results.ts), its summary, its streams and its
 * determinism. Each spawn costs about a second, so one run serves several assertions.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalculationResult } from '../../functions/core/calculation/result.js';
import { compareResults } from '../reference/compare-results.js';
import {
  type CliRun,
  createWorkspace,
  REPO_ROOT,
  runCommand,
  specFixturePath,
  stackFrames,
  type Workspace,
} from '../support/run-cli.js';

type Example = 'small' | 'medium';

/** Hooks below start two or three runs of about a second each; a loaded machine may take far longer. */
const HOOK_TIMEOUT_MS = 180_000;

const REFERENCE_PARAMS = specFixturePath('params.reference.json');
const BREAKER_PARAMS = specFixturePath('params.breaker.json');

function inputArgs(example: Example, params = REFERENCE_PARAMS): string[] {
  const file = (name: string) => specFixturePath(`examples/${example}/${name}.json`);
  return [
    '--book',
    file('book'),
    '--market',
    file('market'),
    '--params',
    params,
    '--scenarios',
    file('scenarios'),
  ];
}

function readJsonFixture(relativePath: string): unknown {
  return JSON.parse(readFileSync(specFixturePath(relativePath), 'utf8'));
}

function expectedResult(example: Example, variant = ''): CalculationResult {
  return readJsonFixture(`examples/${example}/expected-result${variant}.json`) as CalculationResult;
}

/** The largest bad debt of a regime (ties: larger total loss), as the text summary picks it. */
function worstRun(result: CalculationResult, regime: string) {
  const runs = result.runs.filter((run) => run.regime === regime);
  return runs.reduce((worst, run) =>
    run.badDebt > worst.badDebt || (run.badDebt === worst.badDebt && run.totalLoss > worst.totalLoss)
      ? run
      : worst,
  );
}

/** Record counts of a book document, counted independently of the validator. */
function countBookRecords(book: {
  clients: { subaccounts: { collateral?: object; positions?: unknown[] }[] }[];
}) {
  const subaccounts = book.clients.flatMap((client) => client.subaccounts);
  return {
    clients: book.clients.length,
    subaccounts: subaccounts.length,
    positions: subaccounts.reduce((n, s) => n + (s.positions?.length ?? 0), 0),
    collateral: subaccounts.reduce((n, s) => n + Object.keys(s.collateral ?? {}).length, 0),
  };
}

/** Non-TTY progress: one line per phase, "[<seconds>s] <phase>", in the order the calculation runs. */
const PROGRESS_LINE = /^\[\d+\.\ds\] (.+)$/;

function progressPhases(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => PROGRESS_LINE.exec(line)?.[1])
    .filter((phase): phase is string => phase !== undefined);
}

function expectSuccess(run: CliRun): void {
  expect(run.code, run.stderr).toBe(0);
  expect(stackFrames(run.stderr)).toEqual([]);
}

const workspaces: Workspace[] = [];
async function workspace(): Promise<Workspace> {
  const created = await createWorkspace();
  workspaces.push(created);
  return created;
}

afterAll(async () => {
  await Promise.all(workspaces.map((w) => w.remove()));
});

describe('marginfall calc on the medium example (300 clients, 10 scenarios, reference params)', () => {
  let toFile: Workspace;
  let fileRun: CliRun;
  let stdoutRun: CliRun;
  let quietRun: CliRun;
  let quietWorkspace: Workspace;

  beforeAll(async () => {
    toFile = await workspace();
    quietWorkspace = await workspace();
    // The output folder does not exist yet: calc creates it (npm start writes .marginfall/result.json).
    [fileRun, stdoutRun] = await Promise.all([
      toFile.run(['calc', ...inputArgs('medium'), '--out', 'reports/today/result.json', '--summary']),
      toFile.run(['calc', ...inputArgs('medium'), '--out', '-', '--summary']),
    ]);
    quietRun = await quietWorkspace.run(['calc', ...inputArgs('medium'), '--quiet']);
  }, HOOK_TIMEOUT_MS);

  it('writes a result that matches expected-result.json within the specification tolerances', async () => {
    expectSuccess(fileRun);
    const result = JSON.parse(await readFile(toFile.path('reports/today/result.json'), 'utf8'));
    expect(compareResults(expectedResult('medium'), result)).toEqual([]);
    expect(result.runs).toHaveLength(40); // 10 scenarios × 4 regimes
  });

  it('reports data quality that reconciles with the book: every record accepted', async () => {
    const result = JSON.parse(
      await readFile(toFile.path('reports/today/result.json'), 'utf8'),
    ) as CalculationResult;
    const counts = countBookRecords(readJsonFixture('examples/medium/book.json') as never);
    expect(counts).toEqual({ clients: 300, subaccounts: 468, positions: 962, collateral: counts.collateral });
    for (const kind of ['clients', 'subaccounts', 'positions', 'collateral'] as const) {
      expect(result.dataQuality[kind]).toEqual({
        received: counts[kind],
        accepted: counts[kind],
        rejected: 0,
      });
    }
    expect(result.rejected).toEqual([]);
  });

  it('prints a readable summary with the worst scenario, bad debt and reverse stress on stdout', () => {
    const expected = expectedResult('medium');
    const worst = worstRun(expected, 'as-is');
    // The figures below, from expected-result.json: the as-is worst run is crash-historical,
    // 2 rounds, 129 units liquidated, bad debt 22,646,140.78 → "$22,646,141", insurance fund
    // 4,710,000 used in full, ADL = 22,646,140.78 − 4,710,000 = 17,936,140.78 → "$17,936,141";
    // reverse stress −0.146859 → "−14.69%", +0.250383 → "+25.04%".
    expect([worst.scenario, worst.rounds, worst.liquidatedUnits, Math.round(worst.badDebt)]).toEqual([
      'crash-historical',
      2,
      129,
      22_646_141,
    ]);
    expect(Math.round(worst.adl)).toBe(22_646_141 - 4_710_000);
    const summary = fileRun.stdout;
    expect(summary).toContain('Marginfall stress test — as of 2026-11-30 (params reference-1, model v1.2)');
    expect(summary).toContain('Book: 300 clients, 468 subaccounts, 962 positions; insurance fund $4,710,000');
    expect(summary).toMatch(
      /^ {2}as-is +crash-historical +2 +129 +\$22,646,141 +\$4,710,000 +\$17,936,141 +\$[\d,]+$/m,
    );
    expect(summary).toContain('uniform crypto move of −14.69% down / +25.04% up');
    expect(summary).toContain('Data quality: every record accepted');
    expect(summary.trimEnd().endsWith('Result written to reports/today/result.json')).toBe(true);
  });

  it('shows progress on stderr, one line per phase, and nothing else there', () => {
    // Counts that follow from the inputs are pinned (4 regimes; 10 scenarios × 4 regimes = 40).
    const phases = progressPhases(fileRun.stderr);
    expect(phases).toHaveLength(5);
    const [validate, prepare, margin, scenarios, reverseStress] = phases;
    expect([validate, prepare, margin, scenarios]).toEqual([
      'validating inputs',
      'building margin units',
      'margin at the current market (4)',
      'scenario cascades (40)',
    ]);
    expect(reverseStress).toMatch(/^reverse stress search( \(\d+\))?$/);
    expect(fileRun.stderr.split('\n').filter((line) => line !== '' && !PROGRESS_LINE.test(line))).toEqual([]);
  });

  it('with --out - writes exactly the result JSON on stdout; progress and summary go to stderr', () => {
    expectSuccess(stdoutRun);
    const parsed = JSON.parse(stdoutRun.stdout) as CalculationResult;
    // Nothing but the document: re-serialising the parsed value gives the same text.
    expect(stdoutRun.stdout).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(compareResults(expectedResult('medium'), parsed)).toEqual([]);
    expect(progressPhases(stdoutRun.stderr)).toContain('scenario cascades (40)');
    expect(stdoutRun.stderr).toContain('Worst scenario per regime (largest bad debt)');
    expect(stdoutRun.stdout).not.toContain('Worst scenario');
  });

  it('with --quiet prints nothing at all and writes result.json in the working directory', async () => {
    expectSuccess(quietRun);
    expect(quietRun.stderr).toBe('');
    expect(quietRun.stdout).toBe('');
    const result = JSON.parse(await readFile(quietWorkspace.path('result.json'), 'utf8'));
    expect(compareResults(expectedResult('medium'), result)).toEqual([]);
  });

  it('gives byte-identical output for the same inputs (file, stdout, another directory)', async () => {
    const first = await readFile(toFile.path('reports/today/result.json'));
    const third = await readFile(quietWorkspace.path('result.json'));
    expect(first.length).toBeGreaterThan(0);
    expect(first.equals(stdoutRun.stdoutBytes)).toBe(true);
    expect(first.equals(third)).toBe(true);
  });
});

describe('marginfall calc on the small example and with the circuit-breaker params', () => {
  let smallRun: CliRun;
  let small: Workspace;
  let breakerRun: CliRun;

  beforeAll(async () => {
    small = await workspace();
    const breaker = await workspace();
    [smallRun, breakerRun] = await Promise.all([
      small.run(['calc', ...inputArgs('small'), '--out', 'result.json', '--summary', '--quiet']),
      breaker.run(['calc', ...inputArgs('medium', BREAKER_PARAMS), '--out', '-', '--quiet']),
    ]);
  }, HOOK_TIMEOUT_MS);

  it('matches the small example expected result and summarises it', async () => {
    expectSuccess(smallRun);
    expect(smallRun.stderr).toBe('');
    const result = JSON.parse(await readFile(small.path('result.json'), 'utf8'));
    expect(compareResults(expectedResult('small'), result)).toEqual([]);
    // expected-result.json (small): worst as-is run covid-2020-03-12, 1 round, 4 units liquidated,
    // bad debt 589,457.98 → "$589,458"; the fund of 250,000 is used in full and
    // ADL = 589,457.98 − 250,000 = 339,457.98 → "$339,458"; reverse stress −0.221954 / +0.973723.
    const worst = worstRun(expectedResult('small'), 'as-is');
    expect([worst.scenario, Math.round(worst.badDebt), worst.insuranceFundUsed]).toEqual([
      'covid-2020-03-12',
      589_458,
      250_000,
    ]);
    expect(smallRun.stdout).toContain(
      'Book: 4 clients, 6 subaccounts, 13 positions; insurance fund $250,000',
    );
    expect(smallRun.stdout).toMatch(
      /^ {2}as-is +covid-2020-03-12 +1 +4 +\$589,458 +\$250,000 +\$339,458 +\$589,458$/m,
    );
    expect(smallRun.stdout).toContain('uniform crypto move of −22.20% down / +97.37% up');
  });

  it('matches expected-result.breaker.json with params.breaker.json (12% circuit breaker)', () => {
    expectSuccess(breakerRun);
    expect(breakerRun.stderr).toBe('');
    const result = JSON.parse(breakerRun.stdout) as CalculationResult;
    expect(result.paramsVersion).toBe('reference-1-breaker');
    expect(compareResults(expectedResult('medium', '.breaker'), result)).toEqual([]);
    // The breaker halts LINK in the historical crash under every regime (expected-result.breaker.json).
    expect(result.runs.filter((run) => run.scenario === 'crash-historical').map((run) => run.halted)).toEqual(
      [['LINK'], ['LINK'], ['LINK'], ['LINK']],
    );
  });

  it('runs as `npx marginfall calc …` inside the checkout, with the same bytes', async () => {
    const out = small.path('via-npx.json');
    const run = await runCommand(
      'npx',
      ['--offline', 'marginfall', 'calc', ...inputArgs('small'), '--out', out, '--quiet'],
      { cwd: REPO_ROOT },
    );
    expectSuccess(run);
    expect(run.stdout).toBe('');
    const viaNpx = await readFile(out);
    expect(viaNpx.equals(await readFile(small.path('result.json')))).toBe(true);
  });
});

describe('marginfall calc with bad records in the book, market and scenarios', () => {
  let run: CliRun;
  let result: CalculationResult;

  beforeAll(async () => {
    const w = await workspace();
    const book = readJsonFixture('examples/small/book.json') as {
      clients: { id: string; subaccounts: { positions: unknown[] }[] }[];
    };
    // C-BRAVO's only subaccount gets a DOGE perp: DOGE is not in the market.
    book.clients[1]?.subaccounts[0]?.positions.push({ type: 'perp', asset: 'DOGE', qty: 100, entry: 0.3 });
    // A fifth client holding 1,000 USDT and a perp whose qty is NaN (a Python exporter's token).
    book.clients.push({
      id: 'C-ECHO',
      subaccounts: [
        {
          venue: 'venue-b',
          marginMode: 'standard',
          collateral: { USDT: 1000 },
          positions: [{ type: 'perp', asset: 'BTC', qty: 'NAN_TOKEN', entry: 91_000 }],
        } as never,
      ],
    });
    const market = readJsonFixture('examples/small/market.json') as { assets: Record<string, unknown> };
    market.assets.XRP = { kind: 'crypto', price: 'NAN_TOKEN', vol: 0.9, adv: 1e9, depth1pct: 1e6 };
    const scenarios = readJsonFixture('examples/small/scenarios.json') as { scenarios: unknown[] };
    scenarios.scenarios.push({
      id: 'beyond-zero',
      name: 'Prices below zero',
      shocks: { '*': { shock: -1.5 } },
    });
    const withNaN = (value: unknown) => JSON.stringify(value, null, 2).replaceAll('"NAN_TOKEN"', 'NaN');
    const files = await Promise.all([
      w.writeText('book.json', withNaN(book)),
      w.writeText('market.json', withNaN(market)),
      w.writeJson('scenarios.json', scenarios),
    ]);
    const [bookFile, marketFile, scenariosFile] = files;
    run = await w.run([
      'calc',
      ...(['--book', bookFile, '--market', marketFile, '--scenarios', scenariosFile] as string[]),
      ...['--params', REFERENCE_PARAMS, '--out', '-', '--quiet'],
    ]);
    result = JSON.parse(run.stdout) as CalculationResult;
  }, HOOK_TIMEOUT_MS);

  it('does not stop the run: each bad record is in rejected with its document, path and reason', () => {
    expectSuccess(run);
    expect(run.stderr).toBe('');
    const rejected = result.rejected.map(({ document, path, reason }) => ({ document, path, reason }));
    expect(rejected).toHaveLength(4);
    expect(rejected).toEqual(
      expect.arrayContaining([
        { document: 'market', path: 'assets.XRP', reason: expect.stringMatching(/price/) },
        {
          document: 'book',
          path: 'clients[1].subaccounts[0].positions[2]',
          reason: expect.stringMatching(/unknown asset DOGE/),
        },
        {
          document: 'book',
          path: 'clients[4].subaccounts[0].positions[0]',
          reason: expect.stringMatching(/qty must be a finite number, got NaN/),
        },
        { document: 'scenarios', path: 'scenarios[4]', reason: expect.stringMatching(/shock/) },
      ]),
    );
  });

  it('counts records so that accepted + rejected = received, and rejected records add up', () => {
    const q = result.dataQuality;
    expect(q.marketAssets).toEqual({ received: 6, accepted: 5, rejected: 1 });
    expect(q.clients).toEqual({ received: 5, accepted: 5, rejected: 0 });
    expect(q.subaccounts).toEqual({ received: 7, accepted: 7, rejected: 0 });
    expect(q.positions).toEqual({ received: 15, accepted: 13, rejected: 2 }); // 13 + DOGE + NaN qty
    expect(q.collateral).toEqual({ received: 9, accepted: 9, rejected: 0 }); // 8 + C-ECHO's USDT
    expect(q.scenarios).toEqual({ received: 5, accepted: 4, rejected: 1 });
    const rejectedCounts = Object.values(q).reduce((n, count) => n + count.rejected, 0);
    expect(rejectedCounts).toBe(result.rejected.length);
  });

  it('uses the rest of the book: the small example result, plus C-ECHO’s one unit and USDT', () => {
    // C-ECHO is one more unit per regime (no position left: IM = MM = 0, never called). Its 1,000
    // USDT lose 1,000 × 10% = $100 in usdt-depeg and nothing elsewhere; no other figure moves.
    const expected = expectedResult('small');
    expect(compareResults(expected, result, { ignore: ['rejected', 'units', 'totalLoss'] })).toEqual([]);
    for (const [regime, block] of Object.entries(expected.margin)) {
      expect(result.margin[regime as keyof typeof result.margin]?.units).toBe((block?.units ?? 0) + 1);
    }
    for (const [i, run] of result.runs.entries()) {
      const before = expected.runs[i]!;
      expect([run.scenario, run.regime]).toEqual([before.scenario, before.regime]);
      const extraLoss = run.scenario === 'usdt-depeg' ? 100 : 0;
      expect(run.totalLoss - before.totalLoss).toBeCloseTo(extraLoss, 6);
    }
    expect(result.runs).toHaveLength(16); // the bad scenario is not run: 4 scenarios × 4 regimes
  });
});
