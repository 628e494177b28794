/** Messages between the worker pool and its calculation workers. */
import type { CalculationTask, PreparationTransfer, TaskOutput } from '../core/calculation/calculate.js';

export type WorkerRequest =
  | { readonly type: 'prepare'; readonly transfer: PreparationTransfer }
  | { readonly type: 'task'; readonly task: CalculationTask };

export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly output: TaskOutput }
  | { readonly type: 'failed'; readonly name: string; readonly message: string };
