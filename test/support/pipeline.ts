/**
 * The report pipeline on real local servers for tests: dynalite (snapshot, run records, active
 * parameters), s3rver (report archive and work bucket), aws-ses-v2-local (the daily email),
 * wired into `PipelineDeps` with a fixed clock, counted on-demand suffixes and the in-process
 * launcher. One set of servers per test file; `createPipelineStack` gives each test a fresh
 * table and buckets.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DynamoDbParamsSource } from '../../functions/adapters/dynamodb-params-source.js';
import { DynamoDbPositionSource } from '../../functions/adapters/dynamodb-position-source.js';
import { DynamoDbRunStateStore } from '../../functions/adapters/dynamodb-run-state-store.js';
import { DynamoDbSnapshotWriter } from '../../functions/adapters/dynamodb-snapshot-writer.js';
import { InProcessRunLauncher } from '../../functions/adapters/in-process-run-launcher.js';
import { PdfkitReportRenderer } from '../../functions/adapters/pdfkit-report-renderer.js';
import { readPreviousDailyReport } from '../../functions/adapters/previous-daily-report.js';
import { S3ReportStore } from '../../functions/adapters/s3-report-store.js';
import { S3StagingStore } from '../../functions/adapters/s3-staging-store.js';
import { SesReportMailer } from '../../functions/adapters/ses-report-mailer.js';
import type { PipelineDeps } from '../../functions/core/pipeline/deps.js';
import { PreparedCalculationCache } from '../../functions/core/pipeline/prepared-cache.js';
import { runPipeline } from '../../functions/core/pipeline/run-pipeline.js';
import type { Clock } from '../../functions/core/ports/clock.js';
import type { SnapshotWriteReport } from '../../functions/core/ports/snapshot-writer.js';
import { generateSyntheticBook, type SyntheticBook } from '../../functions/core/synthetic/generate-book.js';
import type { LocalDynamoDb } from '../../functions/local/dynamodb-server.js';
import { packagedFontFiles } from '../../templates/pdf/fonts.js';
import { createTestTable, startTestServer, type TestTable } from './dynamodb.js';
import { startTestS3, type TestS3 } from './s3.js';
import { startTestSes, type TestSes } from './ses.js';

export const PIPELINE_AS_OF = '2026-11-30';
/** generatedAt of every report in these tests. */
export const FIXED_INSTANT = '2026-12-01T06:15:00.000Z';
/** A few library scenarios: cheap to run, and they liquidate something in a synthetic book. */
export const TEST_SCENARIO_IDS = ['uniform-down-20', 'uniform-down-50', 'squeeze-up-25'] as const;

export function referenceParamsText(): string {
  return readFileSync(
    fileURLToPath(new URL('../fixtures/spec/params.reference.json', import.meta.url)),
    'utf8',
  );
}

/** Generates a seeded synthetic book and loads it into `table` as the snapshot of `asOf` (4 shards). */
export async function loadSyntheticSnapshot(
  table: Pick<TestTable, 'client' | 'tableName'>,
  { clients = 30, asOf = PIPELINE_AS_OF, seed = 7 }: { clients?: number; asOf?: string; seed?: number } = {},
): Promise<{ book: SyntheticBook; report: SnapshotWriteReport }> {
  const book = generateSyntheticBook({ clients, seed, asOf });
  const writer = new DynamoDbSnapshotWriter(table.client, { tableName: table.tableName, shardCount: 4 });
  const report = await writer.writeSnapshot({
    asOf,
    market: book.market,
    clients: book.book.clients,
    insuranceFund: () => book.book.insuranceFund,
  });
  return { book, report };
}

/** The reference parameters as the table's active set, then a synthetic snapshot of `asOf`. */
export async function seedTable(
  table: Pick<TestTable, 'client' | 'tableName'>,
  snapshot: { clients: number; seed: number; asOf: string },
): Promise<void> {
  await new DynamoDbParamsSource({ client: table.client, tableName: table.tableName }).storeActiveParams(
    referenceParamsText(),
    '2026-12-01T05:00:00.000Z',
  );
  await loadSyntheticSnapshot(table, snapshot);
}

export interface PipelineServers {
  readonly dynamodb: LocalDynamoDb;
  readonly s3: TestS3;
  readonly ses: TestSes;
  stop(): Promise<void>;
}

export async function startPipelineServers(): Promise<PipelineServers> {
  const [dynamodb, s3, ses] = await Promise.all([startTestServer('dynalite'), startTestS3(), startTestSes()]);
  return {
    dynamodb,
    s3,
    ses,
    async stop() {
      await Promise.all([dynamodb.stop(), s3.stop(), ses.stop()]);
    },
  };
}

/** A clock that always reads the same instant (the report's generatedAt, every requestedAt). */
export function fixedClock(instant = FIXED_INSTANT): Clock {
  return { nowIso: () => instant };
}

export interface PipelineStack {
  readonly deps: PipelineDeps;
  readonly table: TestTable;
  readonly reports: S3ReportStore;
  readonly reportsBucket: string;
  readonly workBucket: string;
  readonly runs: DynamoDbRunStateStore;
  readonly params: DynamoDbParamsSource;
  readonly launcher: InProcessRunLauncher;
  /** Stores a synthetic book of `clients` clients as the snapshot of `asOf`. */
  loadSyntheticSnapshot(options?: {
    clients?: number;
    asOf?: string;
    seed?: number;
  }): Promise<{ book: SyntheticBook; report: SnapshotWriteReport }>;
  destroy(): void;
}

export interface PipelineStackOptions {
  readonly chunkTasks?: number;
  readonly clock?: Clock;
  readonly emailMaxAttachmentBytes?: number;
  /** Pipeline concurrency of the in-process launcher (default 2). */
  readonly concurrency?: number;
  /** Reuse prepared calculations between the steps of a run (default true). */
  readonly cachePrepared?: boolean;
}

export async function createPipelineStack(
  servers: PipelineServers,
  options: PipelineStackOptions = {},
): Promise<PipelineStack> {
  const table = await createTestTable(servers.dynamodb.endpoint);
  const [reportsBucket, workBucket] = await Promise.all([servers.s3.newBucket(), servers.s3.newBucket()]);
  const reports = new S3ReportStore({ client: servers.s3.client, bucket: reportsBucket });
  const runs = new DynamoDbRunStateStore({ client: table.client, tableName: table.tableName });
  const params = new DynamoDbParamsSource({ client: table.client, tableName: table.tableName });
  const ses = servers.ses.newClient();
  const maxAttachment = options.emailMaxAttachmentBytes ?? 7 * 1024 * 1024;
  let suffixes = 0;
  const launcher = new InProcessRunLauncher({
    run: (runId) => runPipeline(deps, runId, { concurrency: options.concurrency ?? 2 }),
  });
  const deps: PipelineDeps = {
    runs,
    staging: new S3StagingStore({ client: servers.s3.client, bucket: workBucket }),
    positions: new DynamoDbPositionSource(table.client, { tableName: table.tableName }),
    params,
    reports,
    renderer: new PdfkitReportRenderer({ fonts: packagedFontFiles() }),
    mailer: new SesReportMailer({
      client: ses,
      from: 'Marginfall Risk <risk@venue.example>',
      to: ['risk-committee@venue.example'],
      maxAttachmentBytes: maxAttachment,
      retry: { maxAttempts: 1 },
    }),
    launcher,
    clock: options.clock ?? fixedClock(),
    previousReport: (asOf) => readPreviousDailyReport(reports, asOf),
    reportUrl: async (ref) => `https://reports.venue.example/${ref.pdfKey}`,
    newRunSuffix: () => `r${++suffixes}`,
    chunkTasks: options.chunkTasks ?? 8,
    codeVersion: 'test-1',
    defaultScenarioIds: [...TEST_SCENARIO_IDS],
    emailMaxAttachmentBytes: maxAttachment,
    ...(options.cachePrepared === false ? {} : { preparedCalculations: new PreparedCalculationCache() }),
  };
  return {
    deps,
    table,
    reports,
    reportsBucket,
    workBucket,
    runs,
    params,
    launcher,
    loadSyntheticSnapshot: (options = {}) => loadSyntheticSnapshot(table, options),
    destroy() {
      table.client.destroy();
    },
  };
}
