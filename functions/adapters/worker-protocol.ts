/** Messages between the worker pool and its calculation workers. */
import type { PreparationTransfer, TaskOutput } from '../core/calculation/calculate.js';

export type WorkerRequest =
  /**
   * The preparation, and the shared index of the next unclaimed task in its task list: the
   * worker claims indices (Atomics.add) and runs their tasks until none is left.
   */
  { readonly type: 'prepare'; readonly transfer: PreparationTransfer; readonly nextTask: Int32Array };

export type WorkerReply =
  | { readonly type: 'done'; readonly output: TaskOutput }
  | { readonly type: 'failed'; readonly name: string; readonly message: string };
