import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { calculateWithWorkers, defaultWorkerCount } from '../../functions/adapters/worker-pool-calculator.js';
import type { CalculationPhase } from '../../functions/core/calculation/calculate.js';
import { stringifyResult } from '../../functions/core/calculation/serialize.js';
import { generateSyntheticBook } from '../../functions/core/synthetic/generate-book.js';
import { benchScenarios, REFERENCE_PARAMS_TEXT, runBenchChild } from './bench-support.js';

const DEFAULT_SIZES = [1_000, 10_000, 100_000, 300_000];
const AS_OF = '2026-11-30';

interface Measurement {
  readonly clients: number;
  readonly positions: number;
  readonly options: number;
  readonly generateMs: number;
  readonly phaseMs: Record<CalculationPhase, number>;
  readonly calculateMs: number;
  readonly serializeMs: number;
  readonly runs: number;
  readonly peakRssMb: number;
  readonly reverseStress: { down: number | null; up: number | null };
}

async function measure(clients: number, seed: string, workers: number): Promise<Measurement> {
  const params = JSON.parse(REFERENCE_PARAMS_TEXT());
  const scenarios = benchScenarios();

  let start = performance.now();
  const { book, market } = generateSyntheticBook({ clients, seed, asOf: AS_OF });
  const generateMs = performance.now() - start;
  let positions = 0;
  let options = 0;
  for (const client of book.clients) {
    for (const sub of client.subaccounts) {
      positions += sub.positions.length;
      for (const p of sub.positions) if (p.type === 'option') options += 1;
    }
  }

  const phaseMs: Record<CalculationPhase, number> = {
    validate: 0,
    prepare: 0,
    margin: 0,
    scenarios: 0,
    'reverse-stress': 0,
  };
  let phase: CalculationPhase | undefined;
  let phaseStart = 0;
  const close = (now: number) => {
    if (phase) phaseMs[phase] += now - phaseStart;
  };
  start = performance.now();
  const result = await calculateWithWorkers(
    { book, market, params, scenarios },
    {
      workers,
      onProgress: (progress) => {
        if (progress.phase === phase) return;
        const now = performance.now();
        close(now);
        phase = progress.phase;
        phaseStart = now;
      },
    },
  );
  const end = performance.now();
  close(end);
  const calculateMs = end - start;

  start = performance.now();
  stringifyResult(result);
  const serializeMs = performance.now() - start;

  return {
    clients,
    positions,
    options,
    generateMs,
    phaseMs,
    calculateMs,
    serializeMs,
    runs: result.runs.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    reverseStress: result.reverseStress,
  };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

function row(m: Measurement): string {
  const p = m.phaseMs;
  return `| ${m.clients.toLocaleString('en-US')} | ${m.positions.toLocaleString('en-US')} | ${m.runs} | ${seconds(m.generateMs)} | ${seconds(p.validate)} | ${seconds(p.prepare)} | ${seconds(p.margin)} | ${seconds(p.scenarios + p['reverse-stress'])} | **${seconds(m.calculateMs)}** | ${seconds(m.serializeMs)} | ${Math.round(m.peakRssMb)} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      seed: { type: 'string', default: 'bench-1' },
      child: { type: 'string' },
      workers: { type: 'string' },
    },
  });
  const workers = values.workers === undefined ? defaultWorkerCount() : Number(values.workers);
  if (values.child) {
    process.stdout.write(JSON.stringify(await measure(Number(values.child), values.seed, workers)));
    return;
  }
  const sizes = values.sizes ? values.sizes.split(',').map(Number) : DEFAULT_SIZES;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Node ${process.version}, ${availableParallelism()} cores (${cpu}), seed ${values.seed}, ${workers} worker thread(s) + main`,
  );
  console.log('');
  console.log(
    '| clients | positions | runs | generate s | validate s | prepare s | margin s | runs + reverse stress s | calculate s | serialize s | peak RSS MB |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const size of sizes) {
    const output = runBenchChild(import.meta.url, [
      String(size),
      '--seed',
      values.seed,
      '--workers',
      String(workers),
    ]);
    const m = JSON.parse(output) as Measurement;
    console.log(row(m));
  }
}

await main();
