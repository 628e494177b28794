/**
 * `marginfall start` serving: after the daily run it answers the API on its port until Ctrl-C
 * (SIGINT), `marginfall run --local` goes through that API, and the interrupt stops every
 * server — the command exits 0 with no server process left.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, createWorkspace, type Workspace } from '../support/run-cli.js';

let workspace: Workspace;
let child: ChildProcess;
let stdout = '';
let stderr = '';
let exited: Promise<number | null>;

function processesMentioning(text: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text));
}

/** Resolves once the output so far matches `pattern`; rejects if the command exits first. */
function waitForOutput(pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(stdout);
      if (match) {
        child.stdout?.off('data', check);
        resolve(match);
      }
    };
    child.stdout?.on('data', check);
    exited.then((code) => reject(new Error(`start exited (${code}) before ${pattern}: ${stdout}${stderr}`)));
    check();
  });
}

beforeAll(async () => {
  workspace = await createWorkspace();
  child = spawn(
    process.execPath,
    [CLI_ENTRY, 'start', '--clients', '100', '--asof', '2026-11-30', '--port', '0'],
    {
      cwd: workspace.dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}, 10_000);

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await workspace?.remove();
});

describe('marginfall start (serving)', () => {
  it('serves the API after the daily run; run --local uses it; Ctrl-C stops everything', async () => {
    const [, apiUrl] = await waitForOutput(
      /^Local API (http:\/\/127\.0\.0\.1:\d+) — local mode: requests are not IAM-signed/m,
    );
    await waitForOutput(/^Serving until Ctrl-C\.$/m);
    expect(stdout).toContain(`  curl -X POST ${apiUrl}/runs -d '{"asOf":"2026-11-30"}'`);
    expect(existsSync(workspace.path('.marginfall/serving.json'))).toBe(true);

    const scenarios = await fetch(`${apiUrl}/scenarios`);
    expect(scenarios.status).toBe(200);
    await scenarios.arrayBuffer();

    // A second start in the same folder refuses: the table is in use.
    const second = await workspace.run(['start', '--no-serve']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^marginfall start: a local stack is already running \(pid \d+, API http/);

    const run = await workspace.run(['run', '--asof', '2026-11-30'], { timeoutMs: 80_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^Run 2026-11-30-adhoc-[a-z0-9]+ for 2026-11-30, through the local API ${apiUrl}:`, 'm'),
    );
    expect(run.stdout).toContain('Email        none (on-demand runs are not emailed)');
    const pdf = /^Report PDF {3}(\S+)$/m.exec(run.stdout)?.[1];
    expect(pdf && existsSync(workspace.path(pdf))).toBe(true);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/Stopping the local stack…\n$/);
    expect(stderr).toBe('');
    expect(existsSync(workspace.path('.marginfall/serving.json'))).toBe(false);
    await expect(fetch(`${apiUrl}/scenarios`)).rejects.toThrow();
    expect(processesMentioning(workspace.dir)).toEqual([]);
  }, 150_000);
});
