/**
 * The `marginfall` command line itself: help, unknown commands and wrong options. The exit codes
 * are the contract scripts rely on: 0 success or help asked for, 1 the run failed, 2 the command
 * line is wrong (usage on stderr). Help goes to stdout; nothing ever prints a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, createWorkspace, stackFrames, type Workspace } from '../support/run-cli.js';

let w: Workspace;

beforeAll(async () => {
  w = await createWorkspace();
});

afterAll(async () => {
  await w.remove();
});

const CALC_FLAGS = [
  '--book F',
  '--market F',
  '--params F',
  '--scenarios F',
  '--out F|-',
  '--summary',
  '--quiet',
];

/** Exit code 2, nothing on stdout, no stack trace; returns the stderr lines (without the last newline). */
function expectUsageError(run: CliRun): string[] {
  expect(stackFrames(run.stderr)).toEqual([]);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  return run.stderr.replace(/\n$/, '').split('\n');
}

/** A calc usage error: the message, then where to find the options. */
function expectCalcUsageError(run: CliRun, message: string): void {
  expect(expectUsageError(run)).toEqual([
    `marginfall calc: ${message}`,
    "Run 'marginfall calc --help' for usage.",
  ]);
}

describe('marginfall', () => {
  it('--help prints the usage with the calc command on stdout and exits 0', async () => {
    const run = await w.run(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: marginfall <command> \[options\]\n/);
    expect(run.stdout).toContain(
      'calc   --book F --market F --params F --scenarios F [--out F|-] [--summary] [--quiet]',
    );
  });

  it('without a command is a usage error: the usage goes to stderr, exit code 2', async () => {
    const lines = expectUsageError(await w.run([]));
    expect(lines[0]).toBe('marginfall: missing command');
    expect(lines).toContain('Usage: marginfall <command> [options]');
  });

  it('with an unknown command names it and exits 2', async () => {
    const lines = expectUsageError(await w.run(['calculate']));
    expect(lines[0]).toBe('marginfall: unknown command "calculate"');
    expect(lines).toContain('Usage: marginfall <command> [options]');
  });
});

describe('marginfall calc, command line', () => {
  it('--help and -h list every option on stdout and exit 0 without reading any file', async () => {
    const [long, short] = await Promise.all([w.run(['calc', '--help']), w.run(['calc', '-h'])]);
    for (const run of [long, short]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      for (const flag of CALC_FLAGS) expect(run.stdout).toContain(flag);
    }
    expect(short.stdout).toBe(long.stdout);
  });

  it('names every missing input flag', async () => {
    expectCalcUsageError(
      await w.run(['calc', '--book', 'book.json']),
      'missing --market, --params, --scenarios',
    );
  });

  it('rejects an unknown option as a usage error', async () => {
    const run = await w.run(['calc', '--book', 'b.json', '--bok', 'b.json']);
    expectCalcUsageError(run, "Unknown option '--bok'");
  });

  it('rejects a positional argument and an option without its value', async () => {
    const [positional, noValue] = await Promise.all([
      w.run(['calc', 'book.json']),
      w.run(['calc', '--market', 'm.json', '--book']),
    ]);
    expect(expectUsageError(positional)[0]).toMatch(/^marginfall calc: Unexpected argument 'book\.json'/);
    expect(expectUsageError(noValue)[0]).toMatch(
      /^marginfall calc: Option '--book <value>' argument missing/,
    );
  });

  it('rejects an empty --out', async () => {
    const args = ['--book', 'b', '--market', 'm', '--params', 'p', '--scenarios', 's', '--out', ''];
    expectCalcUsageError(await w.run(['calc', ...args]), '--out needs a file path, or "-" for stdout');
  });
});
