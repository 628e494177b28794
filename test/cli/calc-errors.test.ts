/**
 * `marginfall calc` when it cannot run: an unreadable or invalid input file, inputs that cannot be
 * used together, an output that cannot be written. Each case must end with exit code 1 and ONE
 * line on stderr that names the file (and the field or position), never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliRun,
  createWorkspace,
  specFixturePath,
  stackFrames,
  type Workspace,
} from '../support/run-cli.js';

const SMALL = {
  book: specFixturePath('examples/small/book.json'),
  market: specFixturePath('examples/small/market.json'),
  params: specFixturePath('params.reference.json'),
  scenarios: specFixturePath('examples/small/scenarios.json'),
};

type Inputs = Partial<Record<keyof typeof SMALL, string>>;

let w: Workspace;

beforeAll(async () => {
  w = await createWorkspace();
});

afterAll(async () => {
  await w.remove();
});

/** calc on the small example with some inputs replaced; `--quiet` so stderr holds only the error. */
function calc(inputs: Inputs, extra: readonly string[] = ['--out', '-', '--quiet']): Promise<CliRun> {
  const files = { ...SMALL, ...inputs };
  return w.run([
    'calc',
    ...['--book', files.book, '--market', files.market],
    ...['--params', files.params, '--scenarios', files.scenarios],
    ...extra,
  ]);
}

/** Exit code 1, nothing on stdout, and stderr exactly `marginfall calc: <message>`. */
function expectOneError(run: CliRun): string {
  expect(stackFrames(run.stderr)).toEqual([]);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n');
  expect(lines).toHaveLength(2); // the message and the final newline
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^marginfall calc: /);
  return (lines[0] ?? '').slice('marginfall calc: '.length);
}

/** `text` as a literal inside a RegExp (file paths contain dots). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

describe('marginfall calc: input files that cannot be read', () => {
  it('names a file that does not exist', async () => {
    const missing = w.path('no-such-book.json');
    const message = expectOneError(await calc({ book: missing }));
    expect(message).toBe(`cannot read book file ${missing}: no such file or directory`);
  });

  it('names a folder given as a file', async () => {
    const message = expectOneError(await calc({ scenarios: w.dir }));
    expect(message).toBe(`cannot read scenarios file ${w.dir}: is a directory`);
  });

  it('names the file, line and column of malformed JSON (a trailing comma)', async () => {
    // Line 4 is the closing brace: the parser wanted another property name there (column 1).
    const text = '{\n  "asOf": "2026-11-30",\n  "insuranceFund": 250000,\n}\n';
    const book = w.path('trailing-comma.json');
    await writeFile(book, text);
    const message = expectOneError(await calc({ book }));
    expect(message).toMatch(
      new RegExp(`^book file ${escapeRegExp(book)}: not valid JSON: .*\\(line 4 column 1\\)$`),
    );
  });

  it('names the file, line and column where a truncated file ends', async () => {
    // The text stops after `"assets": {` on line 3: 13 characters, so the end is column 14.
    const text = '{\n  "asOf": "2026-11-30",\n  "assets": {';
    const market = w.path('truncated.json');
    await writeFile(market, text);
    const message = expectOneError(await calc({ market }));
    expect(message).toMatch(
      new RegExp(`^market file ${escapeRegExp(market)}: not valid JSON: .*\\(line 3 column 14\\)$`),
    );
  });

  it('names the line and column in a file with NaN tokens (the tolerant reader)', async () => {
    // Line 2, column 13 is the `]` where a property name belongs.
    const text = '{"asOf": "2026-11-30", "rate": NaN,\n "assets": {]}}';
    const market = w.path('nan-and-broken.json');
    await writeFile(market, text);
    const message = expectOneError(await calc({ market }));
    expect(message).toMatch(
      new RegExp(`^market file ${escapeRegExp(market)}: not valid JSON: .*line 2 column 13`),
    );
  });
});

describe('marginfall calc: inputs that cannot be used', () => {
  it('names the params file and the field of a negative haircut', async () => {
    const params = readJson(SMALL.params) as { assets: { ETH: { haircut: number } } };
    params.assets.ETH.haircut = -0.1;
    const file = await w.writeJson('negative-haircut.json', params);
    const message = expectOneError(await calc({ params: file }));
    expect(message).toBe(`params file ${file} field "assets.ETH": haircut must be ≥ 0 and < 1, got -0.1`);
  });

  it('names both files and both dates when book and market are for different days', async () => {
    const market = { ...readJson(SMALL.market), asOf: '2026-11-29' };
    const file = await w.writeJson('market-a-day-early.json', market);
    const message = expectOneError(await calc({ market: file }));
    expect(message).toContain(`book file ${SMALL.book} has asOf 2026-11-30`);
    expect(message).toContain(`market file ${file} has asOf 2026-11-29`);
  });

  it('names the document-level field of a market with an unreadable date', async () => {
    const file = await w.writeJson('market-bad-date.json', { ...readJson(SMALL.market), asOf: '30/11/2026' });
    const message = expectOneError(await calc({ market: file }));
    expect(message).toMatch(new RegExp(`^market file ${escapeRegExp(file)} field "asOf": `));
  });

  it('stops with one error line after the progress lines when not quiet', async () => {
    const params = readJson(SMALL.params) as { impact: { model: string } };
    params.impact.model = 'cubic';
    const file = await w.writeJson('unknown-impact-model.json', params);
    const run = await calc({ params: file }, ['--out', '-']);
    expect(stackFrames(run.stderr)).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('marginfall'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(`^marginfall calc: params file ${escapeRegExp(file)} field "impact`),
    );
    expect(run.stderr).toContain('validating inputs');
  });
});

describe('marginfall calc: an output that cannot be written', () => {
  it('names an --out path that is a folder', async () => {
    const message = expectOneError(await calc({}, ['--out', w.dir, '--quiet']));
    expect(message).toBe(`cannot write result file ${w.dir}: is a directory`);
  });

  it('names an --out path below a regular file', async () => {
    const out = `${SMALL.book}/result.json`;
    const message = expectOneError(await calc({}, ['--out', out, '--quiet']));
    expect(message).toBe(`cannot write result file ${out}: a parent in the path is not a directory`);
  });

  it('fails, and does not hang, for an --out path below /proc', async () => {
    // Node's recursive mkdir loops forever there (ENOENT for a child of an existing folder).
    const out = '/proc/marginfall-no-such-folder/result.json';
    const message = expectOneError(await calc({}, ['--out', out, '--quiet']));
    expect(message).toMatch(new RegExp(`^cannot write result file ${escapeRegExp(out)}: `));
  });

  it('reports a closed stdout pipe in one line instead of crashing', async () => {
    const run = await w.run(
      ['calc', '--book', SMALL.book, '--market', SMALL.market, '--params', SMALL.params].concat([
        '--scenarios',
        SMALL.scenarios,
        '--out',
        '-',
        '--quiet',
      ]),
      { closeStdout: true },
    );
    expect(stackFrames(run.stderr)).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'marginfall calc: cannot write result to stdout: the reading end of the pipe was closed\n',
    );
  });
});
