/**
 * Body of one calculation worker thread (see worker-pool-calculator.ts). Receives the main
 * thread's preparation once (the engine's parts and the small documents: the book is not
 * validated again), then runs the tasks it is sent and posts their outputs back. Holds no
 * state besides the prepared calculation.
 */
import { parentPort } from 'node:worker_threads';
import {
  type CalculationTask,
  type PreparedCalculation,
  prepareFromTransfer,
  runTask,
} from '../core/calculation/calculate.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('calculation-worker.ts runs only as a worker thread');

let prepared: PreparedCalculation | undefined;

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

function failure(error: unknown): WorkerReply {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return { type: 'failed', name, message };
}

port.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'prepare') {
      prepared = prepareFromTransfer(request.transfer);
      reply({ type: 'ready' });
    } else {
      if (!prepared) throw new Error('task before prepare');
      const task: CalculationTask = request.task;
      reply({ type: 'done', output: runTask(prepared, task) });
    }
  } catch (error) {
    reply(failure(error));
  }
});
