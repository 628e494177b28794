/**
 * The local stack: every AWS service the pipeline uses, embedded and on free local ports —
 * DynamoDB (dynalite), S3 (s3rver) and SES (aws-ses-v2-local) — with the table and the two
 * buckets created, and the `MARGINFALL_*` environment that points the real composition
 * (functions/shared/config.ts → compose.ts) at them. Nothing here runs in AWS.
 *
 * Data: with `dataDir`, the table (LevelDB under `<dataDir>/dynamodb/`) and the buckets (files
 * under `<dataDir>/s3/`) survive a restart, and `fresh` deletes them first; without it both live
 * in a temporary folder deleted by `stop()`. Mail is kept in the SES server's memory only.
 * `stop()` stops every server (child processes included) and is idempotent; a server that fails
 * to start stops the ones already started.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDynamoDbClient, ensureTable } from '../adapters/dynamodb-table.js';
import { MarginfallError } from '../core/errors.js';
import { type LocalDynamoDb, startDynalite } from './dynamodb-server.js';
import { LOCAL_S3_CREDENTIALS, type LocalS3Server, startS3Server } from './s3-server.js';
import { type LocalSesServer, startSesServer } from './ses-server.js';

/** Names used by the local stack (and nowhere in AWS, where CDK names the resources). */
export const LOCAL_RESOURCES = {
  table: 'marginfall-local',
  reportsBucket: 'marginfall-local-reports',
  workBucket: 'marginfall-local-work',
  emailFrom: 'marginfall@risk.example.com',
  emailTo: 'risk-desk@risk.example.com',
  region: 'us-east-1',
} as const;

export interface LocalStackOptions {
  /** Folder for the table and buckets, kept across restarts; absent = temporary. */
  readonly dataDir?: string;
  /** Delete what `dataDir` holds before starting (a clean table and empty buckets). */
  readonly fresh?: boolean;
  /**
   * Where dynalite runs: `child` (default) keeps its work off this event loop, which the
   * calculation occupies; `in-process` starts faster (tests).
   */
  readonly dynamodbMode?: 'child' | 'in-process';
}

export interface LocalStackEndpoints {
  readonly dynamodb: string;
  readonly s3: string;
  readonly ses: string;
}

export interface LocalStack {
  readonly endpoints: LocalStackEndpoints;
  readonly tableName: string;
  readonly reportsBucket: string;
  readonly workBucket: string;
  readonly region: string;
  /** The mail viewer (aws-ses-v2-local's root page) — every message the pipeline sent. */
  readonly emailViewerUrl: string;
  /** Where the table and buckets are kept (a temporary folder unless `dataDir` was given). */
  readonly dataDir: string;
  /**
   * The environment the pipeline's configuration reads (contract variable names), pointing
   * at these servers. Also the SDK's credentials: s3rver checks the key id (`S3RVER`), the
   * other two servers accept any key.
   */
  readonly env: Readonly<Record<string, string>>;
  /** Stops every server; deletes the data folder only when it was temporary. Idempotent. */
  stop(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'marginfall-local-')));
  if (options.fresh && !temporary) await rm(dataDir, { recursive: true, force: true });
  const dynamodbDir = join(dataDir, 'dynamodb');
  const s3Dir = join(dataDir, 's3');
  await mkdir(dynamodbDir, { recursive: true });
  await mkdir(s3Dir, { recursive: true });

  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    // Reverse order; every server is stopped even if one of them fails to.
    const results = await Promise.allSettled(started.reverse().map((server) => server.stop()));
    if (temporary) await rm(dataDir, { recursive: true, force: true });
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  };
  try {
    // The three start in parallel: each takes a second or so, mostly Node start-up.
    const [dynamodb, s3, ses] = await Promise.all([
      startServer('DynamoDB (dynalite)', started, () =>
        startDynalite({ mode: options.dynamodbMode ?? 'child', path: dynamodbDir }),
      ),
      startServer('S3 (s3rver)', started, () =>
        startS3Server({
          directory: s3Dir,
          buckets: [LOCAL_RESOURCES.reportsBucket, LOCAL_RESOURCES.workBucket],
        }),
      ),
      startServer('SES (aws-ses-v2-local)', started, () => startSesServer()),
    ]);
    const client = createDynamoDbClient({ region: LOCAL_RESOURCES.region, endpoint: dynamodb.endpoint });
    try {
      await ensureTable(client, LOCAL_RESOURCES.table);
    } finally {
      client.destroy();
    }
    return describeStack(dynamodb, s3, ses, dataDir, stopAll);
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }
}

/** A local server could not be started; the message is one line naming it. */
export class LocalStackError extends MarginfallError {
  override readonly name = 'LocalStackError';
}

/** Starts one server and remembers it for `stopAll`; a failure names the server in one line. */
async function startServer<T extends { stop(): Promise<void> }>(
  name: string,
  started: { stop(): Promise<void> }[],
  start: () => Promise<T>,
): Promise<T> {
  try {
    const server = await start();
    started.push(server);
    return server;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim();
    throw new LocalStackError(`cannot start the local ${name} server: ${reason}`, { cause: error });
  }
}

function describeStack(
  dynamodb: LocalDynamoDb,
  s3: LocalS3Server,
  ses: LocalSesServer,
  dataDir: string,
  stopAll: () => Promise<void>,
): LocalStack {
  const endpoints = { dynamodb: dynamodb.endpoint, s3: s3.endpoint, ses: ses.endpoint };
  let stopped: Promise<void> | undefined;
  return {
    endpoints,
    tableName: LOCAL_RESOURCES.table,
    reportsBucket: LOCAL_RESOURCES.reportsBucket,
    workBucket: LOCAL_RESOURCES.workBucket,
    region: LOCAL_RESOURCES.region,
    emailViewerUrl: `${ses.endpoint}/`,
    dataDir,
    env: Object.freeze(localStackEnvironment(endpoints)),
    stop: () => {
      stopped ??= stopAll();
      return stopped;
    },
  };
}

/** The contract's variables for a local stack at `endpoints`. */
export function localStackEnvironment(endpoints: LocalStackEndpoints): Record<string, string> {
  return {
    MARGINFALL_STAGE: 'local',
    MARGINFALL_TABLE: LOCAL_RESOURCES.table,
    MARGINFALL_REPORTS_BUCKET: LOCAL_RESOURCES.reportsBucket,
    MARGINFALL_WORK_BUCKET: LOCAL_RESOURCES.workBucket,
    MARGINFALL_EMAIL_FROM: LOCAL_RESOURCES.emailFrom,
    MARGINFALL_EMAIL_TO: LOCAL_RESOURCES.emailTo,
    MARGINFALL_DYNAMODB_ENDPOINT: endpoints.dynamodb,
    MARGINFALL_S3_ENDPOINT: endpoints.s3,
    MARGINFALL_SES_ENDPOINT: endpoints.ses,
    AWS_REGION: LOCAL_RESOURCES.region,
    AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    POWERTOOLS_SERVICE_NAME: 'marginfall-local',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  };
}
