/**
 * `marginfall start --no-serve` as a user runs it, in a fresh folder: the whole daily pipeline
 * on the local servers, the report saved under .marginfall/, the paths and URLs printed, exit 0,
 * and no server process left running afterwards.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, createWorkspace, stackFrames, type Workspace } from '../support/run-cli.js';

let workspace: Workspace;
let first: CliRun;

/** Command lines of running processes that mention `text` (the servers get the data folder's path). */
function processesMentioning(text: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text));
}

beforeAll(async () => {
  workspace = await createWorkspace();
  first = await workspace.run(['start', '--no-serve', '--clients', '200', '--asof', '2026-11-30'], {
    timeoutMs: 110_000,
  });
}, 120_000);

afterAll(async () => {
  await workspace?.remove();
});

describe('marginfall start --no-serve', () => {
  it('runs the daily pipeline, saves the report and prints where everything is', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const out = first.stdout;
    expect(out).toMatch(
      /^Local stack up in [\d.]+ s \(data in \.marginfall\/local\): DynamoDB http:\/\/127\.0\.0\.1:\d+, S3 http:\/\/127\.0\.0\.1:\d+, SES http:\/\/127\.0\.0\.1:\d+$/m,
    );
    expect(out).toContain('Seeded 200 synthetic clients for 2026-11-30, seed "marginfall"');
    expect(out).toContain('Risk parameters reference-1 loaded from functions/local/params.default.json');
    const steps = [...out.matchAll(/^ {2}(\w+) +[\d.]+ s/gm)].map((match) => match[1]);
    expect(steps).toEqual(['stage', 'compute', 'publish', 'email', 'finish']);

    const runId = /Daily run (2026-11-30-daily-[0-9a-f]{12}) for 2026-11-30/.exec(out)?.[1];
    expect(runId).toBeDefined();
    const pdf = `.marginfall/reports/2026-11-30/${runId}/report.pdf`;
    const json = `.marginfall/reports/2026-11-30/${runId}/report.json`;
    expect(out).toContain(`Report PDF   ${pdf}\n`);
    expect(out).toContain(`Report JSON  ${json}\n`);
    expect(out).toMatch(/^Email {8}http:\/\/127\.0\.0\.1:\d+\/ {2}\(local mail viewer; PDF attached\)$/m);
    expect(out).toMatch(/^Worst scenario \(as-is\): .+ — bad debt \$[\d,]+ vs insurance fund \$[\d,]+: /m);
    expect(out).toMatch(/^Worst regime: (as-is|standard|portfolio|cross-venue) — bad debt \$[\d,]+ in /m);
    expect(readFileSync(workspace.path(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const report = JSON.parse(readFileSync(workspace.path(json), 'utf8')) as { identity: { runId: string } };
    expect(report.identity.runId).toBe(runId);
    expect(out).not.toContain('Local API');
    expect(existsSync(workspace.path('.marginfall/serving.json'))).toBe(false);
    expect(processesMentioning(workspace.dir)).toEqual([]);
  });

  it('a second start finds the day reported and starts nothing; a bad option is one line and exit 2', async () => {
    const again = await workspace.run(['start', '--no-serve', '--asof', '2026-11-30'], {
      timeoutMs: 110_000,
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Snapshot 2026-11-30 already loaded: 200 clients');
    expect(again.stdout).toMatch(/Daily run 2026-11-30-daily-[0-9a-f]{12} for 2026-11-30 exists already/);
    expect(again.stdout).toContain('Report PDF');

    const bad = await workspace.run(['start', '--clients', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe(
      'marginfall start: --clients must be a whole number from 1 to 1,000,000, got "many"',
    );
    expect(stackFrames(bad.stderr)).toEqual([]);
    expect(processesMentioning(workspace.dir)).toEqual([]);
  }, 120_000);

  it('backfill makes the missing days, skips reported ones (resumable), and --force re-runs a day on demand', async () => {
    const backfill = await workspace.run(
      ['backfill', '--from', '2026-11-29', '--to', '2026-11-30', '--clients', '50'],
      {
        timeoutMs: 110_000,
      },
    );
    expect(backfill.stderr).toBe('');
    expect(backfill.code).toBe(0);
    const lines = backfill.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('2026-11-29  seeded 50 synthetic clients');
    expect(lines[1]).toMatch(
      /^2026-11-29 {2}done {4}run 2026-11-29-daily-[0-9a-f]{12}, worst bad debt \$[\d,]+ \(\S+\) in [\d.]+ s$/,
    );
    expect(lines[2]).toMatch(/^2026-11-30 {2}skipped reported by run 2026-11-30-daily-[0-9a-f]{12}$/);
    expect(lines[3]).toBe('2 days: 1 reported, 1 skipped, 0 failed');

    const forced = await workspace.run(
      ['backfill', '--from', '2026-11-30', '--to', '2026-11-30', '--force'],
      {
        timeoutMs: 110_000,
      },
    );
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^2026-11-30 {2}done {4}run 2026-11-30-adhoc-[a-z0-9]+, /m);
    expect(forced.stdout).toContain('1 day: 1 reported, 0 skipped, 0 failed');

    const reversed = await workspace.run(['backfill', '--from', '2026-11-30', '--to', '2026-11-29']);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr.split('\n')[0]).toBe(
      'marginfall backfill: --to (2026-11-29) is before --from (2026-11-30)',
    );
    expect(processesMentioning(workspace.dir)).toEqual([]);
  }, 150_000);
});
