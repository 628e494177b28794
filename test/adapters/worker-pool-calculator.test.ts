/**
 * The calculation spread over worker threads gives the very bytes of the one-thread
 * calculation (a worker's preparation from the transferred engine parts runs every task as the
 * main thread's does), and bad input fails the same way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calculateWithWorkers } from '../../functions/adapters/worker-pool-calculator.js';
import {
  calculate,
  prepareCalculation,
  prepareFromTransfer,
  runTask,
  transferOf,
} from '../../functions/core/calculation/calculate.js';
import { stringifyResult } from '../../functions/core/calculation/serialize.js';
import { InvalidParamsError } from '../../functions/core/errors.js';
import { scenarioLibrary } from '../../functions/core/scenarios/library.js';
import { generateSyntheticBook } from '../../functions/core/synthetic/generate-book.js';

const readJson = (rel: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/spec/${rel}`, import.meta.url), 'utf8'));

const medium = {
  book: readJson('examples/medium/book.json'),
  market: readJson('examples/medium/market.json'),
  params: readJson('params.breaker.json'),
  scenarios: readJson('examples/medium/scenarios.json'),
};

describe('calculateWithWorkers', () => {
  it('gives the one-thread result byte for byte (medium example, breaker params)', async () => {
    const serial = stringifyResult(calculate(medium));
    for (const workers of [0, 1, 2]) {
      expect(stringifyResult(await calculateWithWorkers(medium, { workers }))).toBe(serial);
    }
  }, 60_000);

  it('gives the one-thread result byte for byte on a synthetic book with every library scenario', async () => {
    const { book, market } = generateSyntheticBook({ clients: 600, seed: 'pool', asOf: '2026-11-30' });
    const documents = { book, market, params: readJson('params.reference.json'), scenarios: scenarioLibrary };
    const serial = calculate(documents);
    const phases: string[] = [];
    const runsDone: number[] = [];
    const reverseDone: number[] = [];
    const parallel = await calculateWithWorkers(documents, {
      workers: 2,
      onProgress: (p) => {
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
        if (p.phase === 'scenarios') runsDone.push(p.done);
        if (p.phase === 'reverse-stress') reverseDone.push(p.done);
      },
    });
    expect(stringifyResult(parallel)).toBe(stringifyResult(serial));
    expect(serial.runs).toHaveLength(scenarioLibrary.scenarios.length * 4);
    // Progress reads in the result's order, whatever order the tasks finish in: each phase
    // once, every run counted once, then the reverse stress search up to both sides.
    expect(phases).toEqual(['validate', 'prepare', 'margin', 'scenarios', 'reverse-stress']);
    expect(runsDone).toEqual(Array.from({ length: serial.runs.length + 1 }, (_, i) => i));
    expect(reverseDone.at(-1)).toBe(2);
  }, 120_000);

  it('a worker’s preparation, built from the transferred parts without the book, runs every task alike', () => {
    const { book, market } = generateSyntheticBook({ clients: 300, seed: 'transfer', asOf: '2026-11-30' });
    const documents = { book, market, params: readJson('params.reference.json'), scenarios: scenarioLibrary };
    const prepared = prepareCalculation(documents);
    // structuredClone is what postMessage does to the transfer.
    const received = prepareFromTransfer(structuredClone(transferOf(documents, prepared)));
    expect(received.tasks).toEqual(prepared.tasks);
    expect(received.inputs.book.clients.map((c) => c.id)).toEqual(
      prepared.inputs.book.clients.map((c) => c.id),
    );
    expect(received.inputs.book.clients.every((c) => c.subaccounts.length === 0)).toBe(true);
    for (const task of prepared.tasks) {
      expect(runTask(received, task)).toEqual(runTask(prepared, task));
    }
  }, 120_000);

  it('reports invalid input as the one-thread calculation does, and stops its workers', async () => {
    const params = { ...medium.params, pm: { ...medium.params.pm, mmFactor: -1 } };
    expect(() => calculate({ ...medium, params })).toThrow(InvalidParamsError);
    await expect(calculateWithWorkers({ ...medium, params }, { workers: 2 })).rejects.toThrow(
      InvalidParamsError,
    );
  });
});
