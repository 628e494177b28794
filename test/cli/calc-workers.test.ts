/**
 * `marginfall calc --workers N`: the calculation spread over N worker threads writes the very
 * bytes of the one-thread run (and of the default count), with the same progress phases; a
 * count that is not a whole number is a usage error (exit code 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliRun,
  createWorkspace,
  specFixturePath,
  stackFrames,
  type Workspace,
} from '../support/run-cli.js';

const HOOK_TIMEOUT_MS = 180_000;
const example = (name: string) => specFixturePath(`examples/medium/${name}.json`);
const INPUTS = [
  '--book',
  example('book'),
  '--market',
  example('market'),
  '--params',
  specFixturePath('params.reference.json'),
  '--scenarios',
  example('scenarios'),
  '--out',
  '-',
];
const PROGRESS_LINE = /^\[\d+\.\ds\] (.+)$/;
const phases = (run: CliRun) =>
  run.stderr
    .split('\n')
    .map((line) => PROGRESS_LINE.exec(line)?.[1])
    .filter((phase) => phase !== undefined);

let workspace: Workspace;
let oneThread: CliRun;
let twoWorkers: CliRun;
let byDefault: CliRun;

beforeAll(async () => {
  workspace = await createWorkspace();
  [oneThread, twoWorkers, byDefault] = await Promise.all([
    workspace.run(['calc', ...INPUTS, '--workers', '0']),
    workspace.run(['calc', ...INPUTS, '--workers', '2']),
    workspace.run(['calc', ...INPUTS, '--quiet']),
  ]);
}, HOOK_TIMEOUT_MS);

afterAll(async () => {
  await workspace.remove();
});

describe('marginfall calc --workers', () => {
  it('writes byte-identical results with 0 and 2 worker threads and with the default count', () => {
    for (const run of [oneThread, twoWorkers, byDefault]) {
      expect(run.code, run.stderr).toBe(0);
      expect(stackFrames(run.stderr)).toEqual([]);
    }
    expect(oneThread.stdoutBytes.length).toBeGreaterThan(1000);
    expect(twoWorkers.stdoutBytes.equals(oneThread.stdoutBytes)).toBe(true);
    expect(byDefault.stdoutBytes.equals(oneThread.stdoutBytes)).toBe(true);
  });

  it('shows the same progress phases, one line each, with worker threads as without', () => {
    const expected = [
      'validating inputs',
      'building margin units',
      'margin at the current market (4)',
      'scenario cascades (40)',
      'reverse stress search (2)',
    ];
    expect(phases(oneThread)).toEqual(expected);
    expect(phases(twoWorkers)).toEqual(expected);
  });

  it.each([['-1'], ['1.5'], ['many'], ['65']])('rejects --workers %s as a usage error', async (value) => {
    const run = await workspace.run(['calc', ...INPUTS, `--workers=${value}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--workers must be a whole number from 0 to 64, got "${value}"`);
    expect(stackFrames(run.stderr)).toEqual([]);
  });
});
