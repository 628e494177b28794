/**
 * Body of one calculation worker thread (see worker-pool-calculator.ts). Receives the four
 * documents once, prepares the same engine as the main thread, then runs the tasks it is sent
 * and posts their outputs back. Holds no state besides the prepared calculation.
 */
import { parentPort } from 'node:worker_threads';
import {
  type CalculationDocuments,
  type CalculationTask,
  type PreparedCalculation,
  prepareCalculation,
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
      const documents: CalculationDocuments = request.documents;
      prepared = prepareCalculation(documents, {
        skipReverseStress: request.skipReverseStress,
        skipMargin: true,
      });
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
