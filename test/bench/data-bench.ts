/**
 * `npm run bench:data [-- --sizes 100000,300000] [--servers dynalite,dynamodb-local] [--seed S]`:
 * loads seeded synthetic snapshots into a local DynamoDB server and reads every item back.
 *
 * Per server and size, in a child process of its own (so that peak RSS belongs to that run):
 * start the server as a separate process (its CPU is not ours), create the table, stream the
 * generator's clients through `DynamoDbSnapshotWriter` (BatchWriteItem of 25, 8 in flight,
 * 16 shards), then `DynamoDbPositionSource.readSnapshot` (8 shards in flight). Reports items/s
 * each way, the reader's own CPU time per item (what it would sustain if the server were not
 * the limit), and peak RSS of the bench process and of the server. Prints a markdown table.
 * DynamoDB Local runs only where Java and the cached emulator are available.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DynamoDbPositionSource } from '../../functions/adapters/dynamodb-position-source.js';
import { DynamoDbSnapshotWriter } from '../../functions/adapters/dynamodb-snapshot-writer.js';
import { createDynamoDbClient, ensureTable } from '../../functions/adapters/dynamodb-table.js';
import { generateSyntheticBookStream } from '../../functions/core/synthetic/generate-book.js';
import {
  type LocalDynamoDb,
  type LocalDynamoDbKind,
  locateDynamoDbLocal,
  startDynalite,
  startDynamoDbLocal,
} from '../../functions/local/dynamodb-server.js';
import { runBenchChild } from './bench-support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const AS_OF = '2026-11-30';
const TABLE = 'marginfall-bench';
const SHARDS = 16;
const CONCURRENCY = 8;

interface Measurement {
  readonly server: LocalDynamoDbKind;
  readonly clients: number;
  readonly items: number;
  readonly writeSeconds: number;
  readonly readSeconds: number;
  readonly pages: number;
  readonly maxInFlight: number;
  /** User + system CPU of this process while reading, per item (µs). */
  readonly readerCpuMicrosPerItem: number;
  readonly peakRssMb: number;
  readonly serverPeakRssMb: number | null;
  readonly rejected: number;
}

/** Peak resident set (VmHWM) of another process, MB; null when /proc is not readable. */
function peakRssOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function startServer(kind: LocalDynamoDbKind): Promise<LocalDynamoDb> {
  if (kind === 'dynalite') return startDynalite({ mode: 'child' });
  const availability = await locateDynamoDbLocal();
  if (!availability.available) throw new Error(availability.reason);
  return startDynamoDbLocal({ java: availability.java, emulatorDir: availability.emulatorDir });
}

async function measure(kind: LocalDynamoDbKind, clients: number, seed: string): Promise<Measurement> {
  const server = await startServer(kind);
  const client = createDynamoDbClient({ region: 'us-east-1', endpoint: server.endpoint });
  try {
    await ensureTable(client, TABLE);
    const stream = generateSyntheticBookStream({ clients, seed, asOf: AS_OF });
    let start = performance.now();
    const report = await new DynamoDbSnapshotWriter(client, {
      tableName: TABLE,
      shardCount: SHARDS,
      concurrency: CONCURRENCY,
    }).writeSnapshot({
      asOf: AS_OF,
      market: stream.market,
      clients: stream.clients,
      insuranceFund: () => stream.totals().insuranceFund,
    });
    const writeSeconds = (performance.now() - start) / 1000;
    if (report.refused.length > 0) throw new Error(`${report.refused.length} records refused`);

    const cpuBefore = process.cpuUsage();
    start = performance.now();
    const snapshot = await new DynamoDbPositionSource(client, {
      tableName: TABLE,
      concurrency: CONCURRENCY,
    }).readSnapshot(AS_OF);
    const readSeconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const items = snapshot.stats.items.received;
    if (snapshot.stats.clients !== clients)
      throw new Error(`read ${snapshot.stats.clients} clients, expected ${clients}`);
    return {
      server: kind,
      clients,
      items,
      writeSeconds,
      readSeconds,
      pages: snapshot.stats.pages,
      maxInFlight: snapshot.stats.maxInFlight,
      readerCpuMicrosPerItem: (cpu.user + cpu.system) / items,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      serverPeakRssMb: peakRssOf(server.pid),
      rejected: snapshot.rejected.length,
    };
  } finally {
    client.destroy();
    await server.stop();
  }
}

const rate = (items: number, seconds: number) => Math.round(items / seconds).toLocaleString('en-US');
const mb = (value: number | null) => (value === null ? 'n/a' : String(Math.round(value)));

function row(m: Measurement): string {
  return [
    m.server,
    m.clients.toLocaleString('en-US'),
    m.items.toLocaleString('en-US'),
    m.writeSeconds.toFixed(1),
    rate(m.items, m.writeSeconds),
    m.readSeconds.toFixed(1),
    `**${rate(m.items, m.readSeconds)}**`,
    `${m.pages} / ${m.maxInFlight}`,
    `${m.readerCpuMicrosPerItem.toFixed(1)} (${rate(1, m.readerCpuMicrosPerItem / 1e6)}/s)`,
    mb(m.peakRssMb),
    mb(m.serverPeakRssMb),
  ].join(' | ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100000,300000' },
      servers: { type: 'string', default: 'dynalite,dynamodb-local' },
      seed: { type: 'string', default: 'bench-1' },
      child: { type: 'string' },
      server: { type: 'string' },
    },
  });
  if (values.child) {
    const m = await measure(values.server as LocalDynamoDbKind, Number(values.child), values.seed);
    process.stdout.write(JSON.stringify(m));
    return;
  }
  const sizes = values.sizes.split(',').map(Number);
  const servers: LocalDynamoDbKind[] = [];
  for (const name of values.servers.split(',')) {
    if (name === 'dynamodb-local') {
      const availability = await locateDynamoDbLocal();
      if (!availability.available) {
        console.log(`DynamoDB Local not measured: ${availability.reason}`);
        continue;
      }
    }
    servers.push(name as LocalDynamoDbKind);
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Node ${process.version}, ${availableParallelism()} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `seed ${values.seed}, ${SHARDS} shards, ${CONCURRENCY} requests in flight; load average at start ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
  );
  console.log('');
  console.log(
    '| server | clients | items | write s | write items/s | read s | read items/s | pages / shards in flight | reader CPU µs per item (max items/s) | peak RSS MB | server peak RSS MB |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const server of servers) {
    for (const size of sizes) {
      const output = runBenchChild(import.meta.url, [
        String(size),
        '--server',
        server,
        '--seed',
        values.seed,
      ]);
      console.log(`| ${row(JSON.parse(output) as Measurement)} |`);
    }
  }
  console.log('');
  console.log(
    `load average at end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
}

await main();
