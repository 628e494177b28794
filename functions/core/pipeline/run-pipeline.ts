/**
 * Use case: every step of one run in process, in the state machine's order — stage, compute
 * (chunks `concurrency` at a time), publish, email (daily runs), finish — for the local mode,
 * the CLI and tests. A step that throws is recorded with `failRun`; the run's final state is
 * returned either way.
 */

import { computeChunk } from './compute-chunk.js';
import type { PipelineStepName, RunState } from './contracts.js';
import type { PipelineDeps } from './deps.js';
import { emailReport } from './email-report.js';
import { failRun } from './fail-run.js';
import { finishRun } from './finish-run.js';
import { publishReport } from './publish-report.js';
import { describeError } from './run-steps.js';
import { stageRun } from './stage-run.js';

export interface RunPipelineOptions {
  /** Compute chunks in flight at once, ≥ 1. */
  readonly concurrency: number;
}

/** Calls `work` on every item, at most `limit` at a time; rejects with the first failure. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function runPipeline(
  deps: PipelineDeps,
  runId: string,
  options: RunPipelineOptions,
): Promise<RunState> {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
    throw new RangeError(`concurrency must be a whole number ≥ 1, got ${options.concurrency}`);
  let step: PipelineStepName = 'stage';
  try {
    const staged = await stageRun(deps, { runId });
    step = 'compute';
    await forEachLimited(staged.chunkIds, options.concurrency, (chunkId) =>
      computeChunk(deps, { runId, chunkId }),
    );
    step = 'publish';
    const published = await publishReport(deps, { runId });
    if (published.reportType === 'daily') {
      step = 'email';
      await emailReport(deps, { runId });
    }
    step = 'finish';
    return await finishRun(deps, { runId });
  } catch (error) {
    return failRun(deps, { runId, step, error: describeError(error) });
  }
}
