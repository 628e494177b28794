/** What the benchmarks share: the scenario set, the reference params and the child-process runner. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findScenarioById } from '../../functions/core/scenarios/library.js';

/** Ten library scenarios: historical crashes, uniform and single-asset shocks, a squeeze, vol, a depeg. */
export const BENCH_SCENARIO_IDS = [
  'hist-2020-03-12-low',
  'hist-2022-05-09-c2c',
  'hist-2022-11-08-c2c',
  'hist-2025-10-10-low',
  'uniform-down-20',
  'uniform-down-50',
  'squeeze-up-25',
  'vol-spike',
  'usdt-depeg',
  'btc-only-down-20',
] as const;

/** The scenarios document of the benchmark set (MODEL.md §8 form). */
export function benchScenarios(): { scenarios: unknown[] } {
  return {
    scenarios: BENCH_SCENARIO_IDS.map((id) => {
      const scenario = findScenarioById(id);
      if (!scenario) throw new Error(`scenario ${id} is not in the library`);
      return scenario;
    }),
  };
}

export const REFERENCE_PARAMS_TEXT = (): string =>
  readFileSync(new URL('../fixtures/spec/params.reference.json', import.meta.url), 'utf8');

/**
 * Runs the calling benchmark script again as `--child <args>` in a fresh Node process (each
 * size measured in its own heap, so peak RSS is that size's) and returns its stdout.
 */
export function runBenchChild(scriptUrl: string, args: readonly string[]): string {
  return execFileSync(
    process.execPath,
    [...process.execArgv, new URL(scriptUrl).pathname, '--child', ...args],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}
