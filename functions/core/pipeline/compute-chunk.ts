/**
 * Use case (step `compute`, one per chunk): prepare the calculation from the staged documents,
 * run exactly the chunk's tasks and store their outputs. The outputs depend on the staged
 * documents only, so a retried or repeated chunk writes the same text again.
 */
import { runTask } from '../calculation/calculate.js';
import type { ComputeInput, ComputeOutput } from './contracts.js';
import type { PipelineDeps } from './deps.js';
import { ChunkIdInputError } from './pipeline-errors.js';
import { prepareStaged } from './prepared-cache.js';
import { elapsedMs } from './run-steps.js';
import { putChunkOutputs, readDocumentTexts, readPlan } from './staged-run.js';

export async function computeChunk(deps: PipelineDeps, input: ComputeInput): Promise<ComputeOutput> {
  const started = deps.clock.nowIso();
  const { runId, chunkId } = input;
  const plan = await readPlan(deps.staging, runId);
  const tasks = Number.isInteger(chunkId) ? plan.chunks[chunkId] : undefined;
  if (tasks === undefined) throw new ChunkIdInputError(runId, chunkId, plan.chunks.length);
  const prepared = await prepareStaged(deps.preparedCalculations, runId, plan.digests, () =>
    readDocumentTexts(deps.staging, runId),
  );
  const outputs = tasks.map((task) => runTask(prepared, task));
  await putChunkOutputs(deps.staging, runId, chunkId, outputs);
  return { runId, chunkId, tasks: tasks.length, ms: elapsedMs(started, deps.clock.nowIso()) };
}
