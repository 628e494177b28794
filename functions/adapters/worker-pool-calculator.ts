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
  const replies = new ReplyBox(workers);
  try {
    // Validation and margin units once, here (bad input fails here, as in one thread); the
    // workers receive the engine's parts and start on the tasks while this thread computes
    // the margin block.
    const withoutMargin = prepareCalculation(documents, { ...options, skipMargin: true });
    const transfer = transferOf(documents, withoutMargin);
    // Every thread claims the next task index itself, so no thread waits on another to be
    // handed work (the main thread answers messages only between its own tasks).
    const nextTask = new Int32Array(new SharedArrayBuffer(4));
    for (const worker of workers) {
      const request: WorkerRequest = { type: 'prepare', transfer, nextTask };
      worker.postMessage(request);
    }
    const prepared = withMarginBlock(withoutMargin, options);
    return await runTasks(prepared, nextTask, replies, progress);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** What the workers sent, kept until the main thread reads it between its own tasks. */
class ReplyBox {
  readonly outputs: TaskOutput[] = [];
  failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(workers: readonly Worker[]) {
    for (const worker of workers) {
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'done') this.outputs.push(reply.output);
        else
          this.failure ??= new CalculationWorkerError(
            `a calculation worker failed: ${reply.name}: ${reply.message}`,
          );
        this.wake?.();
      });
      worker.on('error', (error) => {
        this.failure ??= new CalculationWorkerError('a calculation worker stopped', { cause: error });
        this.wake?.();
      });
    }
  }

  /** Resolves at the next reply or failure. */
  next(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
    });
  }
}

async function runTasks(
  prepared: PreparedCalculation,
  nextTask: Int32Array,
  replies: ReplyBox,
  progress: NonNullable<CalculationOptions['onProgress']>,
): Promise<CalculationResult> {
  const { tasks } = prepared;
  const outputs: TaskOutput[] = [];
  const runTotal = tasks.filter((task) => task.kind === 'run').length;
  const reverseTotal = tasks.length - runTotal;
  let runsDone = 0;
  let reverseDone = 0;

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

  progress({ phase: 'scenarios', done: 0, total: runTotal });
  let read = 0;
  for (;;) {
    while (read < replies.outputs.length) record(replies.outputs[read++]!);
    if (replies.failure) throw replies.failure;
    if (outputs.length === tasks.length) break;
    const index = Atomics.add(nextTask, 0, 1);
    if (index < tasks.length) {
      record(runTask(prepared, tasks[index]!));
      await yieldToEventLoop(); // read what the workers sent meanwhile
    } else {
      await replies.next(); // every task is taken: wait for the workers' last outputs
    }
  }
  return assembleResult(prepared, outputs);
}
