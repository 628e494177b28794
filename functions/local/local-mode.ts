/**
 * The local mode's session: a local stack whose environment this process adopts (so the real
 * handlers and their composition, built at their first call, talk to the local servers), the
 * seeded snapshot and the active parameters, watching a run until it ends, and fetching its
 * report from the local archive into `.marginfall/reports/<asOf>/<runId>/`.
 *
 * One session per process: the handlers compose their clients once, from the environment of
 * their first call.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { type RiskReportDocument, riskReportSchema } from '../../templates/report-schema.js';
import { DynamoDbRunStateStore } from '../adapters/dynamodb-run-state-store.js';
import { createDynamoDbClient } from '../adapters/dynamodb-table.js';
import { S3ReportStore } from '../adapters/s3-report-store.js';
import { MarginfallError } from '../core/errors.js';
import type { PipelineStepName, RunState } from '../core/pipeline/contracts.js';
import { PIPELINE_STEPS } from '../core/pipeline/contracts.js';
import type { SyntheticBookTotals } from '../core/synthetic/generate-book.js';
import { composition } from '../shared/compose.js';
import { ensureActiveParams, readSnapshotSummary, seedSyntheticSnapshot } from './local-data.js';
import { type LocalStack, type LocalStackOptions, startLocalStack } from './local-stack.js';
import { localS3ClientConfig } from './s3-server.js';

/** Something the local mode cannot do as asked (a port in use, a stack already running, a stuck run). */
export class LocalModeError extends MarginfallError {
  override readonly name = 'LocalModeError';
}

/** The local mode's folder, relative to the working directory (ignored by git). */
export const LOCAL_FOLDER = '.marginfall';

export interface LocalPaths {
  readonly root: string;
  /** The table and buckets (`--fresh` deletes this folder). */
  readonly data: string;
  /** Reports fetched from the local archive: `<reports>/<asOf>/<runId>/report.pdf|json`. */
  readonly reports: string;
  /** Written while `marginfall start` serves: how to reach its API and servers. */
  readonly serving: string;
}

export function localPaths(cwd: string): LocalPaths {
  const root = resolve(cwd, LOCAL_FOLDER);
  return {
    root,
    data: join(root, 'local'),
    reports: join(root, 'reports'),
    serving: join(root, 'serving.json'),
  };
}

export interface BookPreparation {
  readonly asOf: string;
  /** True when this call loaded the snapshot; false when the table already had one for `asOf`. */
  readonly seeded: boolean;
  readonly clients: number;
  readonly insuranceFund: number;
  /** Present when seeded. */
  readonly totals?: SyntheticBookTotals;
  readonly seconds: number;
  readonly paramsVersion: string;
  readonly paramsLoaded: boolean;
}

export interface StepEvent {
  readonly step: PipelineStepName;
  readonly ms: number;
  readonly state: RunState;
}

export interface FetchedReport {
  readonly pdfPath: string;
  readonly jsonPath: string;
  readonly pdf: Uint8Array;
  readonly report: RiskReportDocument;
}

export interface LocalSession {
  readonly stack: LocalStack;
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly runs: DynamoDbRunStateStore;
  readonly reports: S3ReportStore;
  /** Loads the seeded snapshot of `asOf` unless the table has one, and the default parameters unless some are active. */
  prepareBook(options: {
    readonly asOf: string;
    readonly clients: number;
    readonly seed: string;
  }): Promise<BookPreparation>;
  /** Resolves with the run's final state; `onStep` hears each step's duration as it is recorded. */
  waitForRun(runId: string, onStep?: (event: StepEvent) => void): Promise<RunState>;
  /** Writes the run's PDF and JSON report (checked against the published schema) under `dir`. */
  fetchReport(state: RunState, dir: string): Promise<FetchedReport>;
  /** Destroys the clients (the process's composition included) and stops every server. Idempotent. */
  close(): Promise<void>;
}

/** How often a watched run's record is read, ms. */
const POLL_MS = 150;
/** A run still going after this long is reported as stuck, ms. */
const RUN_TIMEOUT_MS = 30 * 60_000;

/**
 * Starts the local stack and makes its environment this process's, so that handlers loaded
 * afterwards use the local servers.
 */
export async function openLocalSession(options: LocalStackOptions = {}): Promise<LocalSession> {
  const stack = await startLocalStack(options);
  // Written, never read here (functions/shared/config.ts reads it): the handlers compose from it.
  Object.assign(process.env, stack.env);
  const dynamodb = createDynamoDbClient({ region: stack.region, endpoint: stack.endpoints.dynamodb });
  const s3 = new S3Client(localS3ClientConfig(stack.endpoints.s3));
  const runs = new DynamoDbRunStateStore({ client: dynamodb, tableName: stack.tableName });
  const reports = new S3ReportStore({ client: s3, bucket: stack.reportsBucket });
  let closed: Promise<void> | undefined;
  return {
    stack,
    dynamodb,
    s3,
    runs,
    reports,
    prepareBook: (book) => prepareBook(dynamodb, stack.tableName, book),
    waitForRun: (runId, onStep) => waitForRun(runs, runId, onStep),
    fetchReport: (state, dir) => fetchReport(reports, state, dir),
    close: () => {
      closed ??= (async () => {
        composition().destroy();
        dynamodb.destroy();
        s3.destroy();
        await stack.stop();
      })();
      return closed;
    },
  };
}

async function prepareBook(
  client: DynamoDBClient,
  tableName: string,
  options: { readonly asOf: string; readonly clients: number; readonly seed: string },
): Promise<BookPreparation> {
  const started = Date.now();
  const params = await ensureActiveParams(client, tableName, new Date().toISOString());
  const existing = await readSnapshotSummary(client, tableName, options.asOf);
  const paramsFields = { paramsVersion: params.version, paramsLoaded: params.loaded };
  if (existing) {
    return { ...existing, ...paramsFields, seeded: false, seconds: (Date.now() - started) / 1000 };
  }
  const { report, totals } = await seedSyntheticSnapshot(client, tableName, options);
  return {
    asOf: options.asOf,
    seeded: true,
    clients: report.clients,
    insuranceFund: totals.insuranceFund,
    totals,
    seconds: (Date.now() - started) / 1000,
    ...paramsFields,
  };
}

/** Reads the run record until it is succeeded or failed, reporting each newly recorded step. */
export async function waitForRun(
  runs: Pick<DynamoDbRunStateStore, 'get'>,
  runId: string,
  onStep: (event: StepEvent) => void = () => {},
): Promise<RunState> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  const reported = new Set<PipelineStepName>();
  for (;;) {
    const state = await runs.get(runId);
    for (const step of PIPELINE_STEPS) {
      const ms = state.timings[step];
      if (ms === undefined || reported.has(step)) continue;
      reported.add(step);
      onStep({ step, ms, state });
    }
    if (state.status === 'succeeded' || state.status === 'failed') return state;
    if (Date.now() > deadline)
      throw new LocalModeError(
        `run ${runId} is still ${state.status} after ${RUN_TIMEOUT_MS / 60_000} minutes`,
      );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Copies a published run's PDF and JSON from the archive into `<dir>/<asOf>/<runId>/`; the JSON is checked against the schema. */
export async function fetchReport(
  reports: Pick<S3ReportStore, 'readReport'>,
  state: RunState,
  dir: string,
): Promise<FetchedReport> {
  const ref = { asOf: state.asOf, runId: state.runId };
  const [pdf, json] = await Promise.all([reports.readReport(ref, 'pdf'), reports.readReport(ref, 'json')]);
  const report = riskReportSchema.parse(JSON.parse(Buffer.from(json.bytes).toString('utf8')));
  const folder = join(dir, state.asOf, state.runId);
  await mkdir(folder, { recursive: true });
  const pdfPath = join(folder, 'report.pdf');
  const jsonPath = join(folder, 'report.json');
  await Promise.all([writeFile(pdfPath, pdf.bytes), writeFile(jsonPath, json.bytes)]);
  return { pdfPath, jsonPath, pdf: pdf.bytes, report };
}

/** What a serving `marginfall start` writes to `serving.json`. */
export interface ServingStack {
  readonly pid: number;
  readonly apiUrl: string;
  readonly endpoints: { readonly dynamodb: string; readonly s3: string; readonly ses: string };
  readonly emailViewerUrl: string;
  readonly reportsBucket: string;
}

/**
 * The local stack a `marginfall start` in this folder is serving, if its process is alive; a
 * file left by a process that is gone is removed.
 */
export async function readServingStack(paths: LocalPaths): Promise<ServingStack | undefined> {
  let serving: ServingStack;
  try {
    serving = JSON.parse(await readFile(paths.serving, 'utf8')) as ServingStack;
  } catch {
    return undefined;
  }
  if (Number.isInteger(serving.pid) && serving.pid !== process.pid && isAlive(serving.pid)) return serving;
  await rm(paths.serving, { force: true });
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
