/**
 * The calculation spread over worker threads: scenario × regime runs and the two reverse-stress
 * searches are independent (MODEL.md §6–§7). The main thread validates the documents and
 * builds the engine once, sends its parts (typed arrays) to each thread, which builds the same
 * engine from them, and every thread takes tasks from one queue until it is empty. The main
 * thread works too.
 *
 * The result is assembled by task identity, not arrival order, so it is byte-identical to
 * `calculate()` in one thread (test/adapters/worker-pool-calculator.test.ts checks this).
 * Memory: every thread holds its own engine's arrays; only the main thread holds the book.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  assembleResult,
  type CalculationDocuments,
  type CalculationOptions,
  type CalculationTask,
  describeTask,
  type PreparedCalculation,
  prepareCalculation,
  runTask,
  type TaskOutput,
  transferOf,
  withMarginBlock,
} from '../core/calculation/calculate.js';
import type { CalculationResult } from '../core/calculation/result.js';
import { MarginfallError } from '../core/errors.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

export interface WorkerPoolOptions extends CalculationOptions {
  /** Threads besides the main thread; default: available cores − 1. 0 = all in this thread. */
  readonly workers?: number;
}

/** A worker thread failed in a way the main thread did not (an internal defect, not bad input). */
export class CalculationWorkerError extends MarginfallError {
  override readonly name = 'CalculationWorkerError';
}

export function defaultWorkerCount(): number {
  return Math.max(0, Math.min(availableParallelism() - 1, 7));
}

/**
 * TypeScript sources run through tsx, and a worker thread starts without the parent's loader
 * hooks, so it registers tsx itself before importing the worker module; a bundled build
 * (`.js`) starts its sibling worker file directly.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./calculation-worker.js', import.meta.url));
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const body = JSON.stringify(new URL('./calculation-worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${body}); });`, {
    eval: true,
  });
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function calculateWithWorkers(
  documents: CalculationDocuments,
  options: WorkerPoolOptions = {},
): Promise<CalculationResult> {
  const workerCount = options.workers ?? defaultWorkerCount();
  const progress = options.onProgress ?? (() => {});
  const workers = Array.from({ length: workerCount }, startWorker);
  try {
    // Validation and margin units once, here (bad input fails here, as in one thread); the
    // workers receive the engine's parts and start on the tasks while this thread computes
    // the margin block.
    const withoutMargin = prepareCalculation(documents, { ...options, skipMargin: true });
    const transfer = transferOf(documents, withoutMargin);
    for (const worker of workers) {
      const request: WorkerRequest = { type: 'prepare', transfer };
      worker.postMessage(request);
    }
    const prepared = withMarginBlock(withoutMargin, options);
    return await runTasks(prepared, workers, progress);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

async function runTasks(
  prepared: PreparedCalculation,
  workers: readonly Worker[],
  progress: NonNullable<CalculationOptions['onProgress']>,
): Promise<CalculationResult> {
  const queue: CalculationTask[] = [...prepared.tasks];
  const outputs: TaskOutput[] = [];
  const runTotal = prepared.tasks.filter((task) => task.kind === 'run').length;
  const reverseTotal = prepared.tasks.length - runTotal;
  let runsDone = 0;
  let reverseDone = 0;
  let failure: Error | undefined;
  let busy = 0;
  let wake: (() => void) | undefined;

  // Progress reads in the result's order whatever order tasks finish in: the runs, then the
  // reverse-stress search once every run is done (a side that finished earlier counts then).
  const record = (output: TaskOutput) => {
    outputs.push(output);
    if (output.kind === 'run') {
      runsDone++;
      progress({
        phase: 'scenarios',
        done: runsDone,
        total: runTotal,
        label: describeTask(prepared, output),
      });
    } else {
      reverseDone++;
    }
    if (reverseTotal > 0 && runsDone === runTotal) {
      progress({ phase: 'reverse-stress', done: reverseDone, total: reverseTotal });
    }
  };
  const dispatch = (worker: Worker) => {
    const task = queue.shift();
    if (!task) return;
    busy++;
    const request: WorkerRequest = { type: 'task', task };
    worker.postMessage(request);
  };

  progress({ phase: 'scenarios', done: 0, total: runTotal });
  for (const worker of workers) {
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'failed') {
        failure ??= new CalculationWorkerError(
          `a calculation worker failed: ${reply.name}: ${reply.message}`,
        );
      } else {
        if (reply.type === 'done') {
          busy--;
          record(reply.output);
        }
        if (!failure) dispatch(worker);
      }
      wake?.();
    });
    worker.on('error', (error) => {
      failure ??= new CalculationWorkerError('a calculation worker stopped', { cause: error });
      wake?.();
    });
  }

  while (!failure) {
    const task = queue.shift();
    if (task) {
      record(runTask(prepared, task));
      await yieldToEventLoop(); // let idle workers take the next tasks
      continue;
    }
    if (busy === 0) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = undefined;
  }
  if (failure) throw failure;
  return assembleResult(prepared, outputs);
}
