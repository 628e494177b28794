/**
 * Body of one calculation worker thread (see worker-pool-calculator.ts). Receives the main
 * thread's preparation once (the engine's parts and the small documents: the book is not
 * validated again), then claims tasks from the shared counter, runs them and posts their
 * outputs back until none is left.
 */
import { parentPort } from 'node:worker_threads';
import { prepareFromTransfer, runTask } from '../core/calculation/calculate.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('calculation-worker.ts runs only as a worker thread');

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

function failure(error: unknown): WorkerReply {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return { type: 'failed', name, message };
}

port.on('message', (request: WorkerRequest) => {
  try {
    const prepared = prepareFromTransfer(request.transfer);
    const { tasks } = prepared;
    for (;;) {
      const index = Atomics.add(request.nextTask, 0, 1);
      if (index >= tasks.length) break;
      reply({ type: 'done', output: runTask(prepared, tasks[index]!) });
    }
  } catch (error) {
    reply(failure(error));
  }
});
