/**
 * The only reader of `process.env` in `functions/` (STYLE.md §5): everything else takes the
 * typed, frozen `MarginfallConfig` (or a part of it) as an argument.
 *
 * Variables (all optional):
 * - `MARGINFALL_TABLE` — the DynamoDB table holding snapshots and run records (default `marginfall`).
 * - `MARGINFALL_DYNAMODB_ENDPOINT` — a DynamoDB-compatible endpoint such as the local mode's
 *   `http://127.0.0.1:8000`; absent = the AWS endpoint of the region.
 * - `AWS_REGION` (else `AWS_DEFAULT_REGION`, else `us-east-1`).
 * - `MARGINFALL_SNAPSHOT_SHARDS` — partitions per business date for new loads (default 16).
 * - `MARGINFALL_READ_CONCURRENCY` / `MARGINFALL_WRITE_CONCURRENCY` — DynamoDB requests in
 *   flight when reading / loading a snapshot (default 8 each).
 *
 * The report pipeline (functions/handlers/README.md lists which handler needs which):
 * - `MARGINFALL_REPORTS_BUCKET` — the report archive (default `marginfall-reports`);
 *   `MARGINFALL_WORK_BUCKET` — the runs' staging area (default `marginfall-work`);
 *   `MARGINFALL_S3_ENDPOINT` — an S3-compatible endpoint (local mode: s3rver); absent = AWS.
 * - `MARGINFALL_LINK_TTL_SECONDS` — lifetime of presigned report links (default 900, at most 7 days).
 * - `MARGINFALL_STATE_MACHINE_ARN` — the pipeline's state machine; absent = runs are executed
 *   in process (local mode) — except inside Lambda (`AWS_LAMBDA_FUNCTION_NAME` set), where
 *   starting a run then fails naming the variable.
 * - `MARGINFALL_EMAIL_FROM` (a verified SES identity), `MARGINFALL_EMAIL_TO` (comma list) — the
 *   daily email; absent = the email step fails naming the variable.
 *   `MARGINFALL_EMAIL_MAX_ATTACHMENT_BYTES` — largest PDF attached (default 7 MiB; larger ones
 *   are linked). `MARGINFALL_SES_ENDPOINT` — an SES v2-compatible endpoint (local mode).
 * - `MARGINFALL_EOD_CUTOFF` (`HH:MM`, default `24:00` = the midnight ending the day) and
 *   `MARGINFALL_TIME_ZONE` (IANA, default `UTC`) — when a business day closes.
 * - `MARGINFALL_CHUNK_TASKS` — calculation tasks per compute chunk (default 8).
 * - `MARGINFALL_CODE_VERSION` (default `dev`), `MARGINFALL_CLASSIFICATION` (default: the
 *   report's own), `MARGINFALL_STAGE` (default `local`) — printed in reports and logs.
 */
import { z } from 'zod';
import { BusinessCloseInputError, checkTimeZone, parseCutoff } from '../core/pipeline/business-date.js';

export interface DynamoDbConfig {
  readonly tableName: string;
  /** Absent: the AWS endpoint for `region`. */
  readonly endpoint?: string;
  readonly region: string;
  readonly snapshotShards: number;
  readonly readConcurrency: number;
  readonly writeConcurrency: number;
}

export interface S3Config {
  readonly region: string;
  /** Absent: the AWS endpoint for `region`. */
  readonly endpoint?: string;
  readonly reportsBucket: string;
  readonly workBucket: string;
  /** Lifetime of a presigned report link, seconds. */
  readonly linkTtlSeconds: number;
}

export interface EmailConfig {
  readonly region: string;
  /** Absent: the AWS endpoint for `region`. */
  readonly endpoint?: string;
  /** Sender (a verified SES identity); absent = the daily email cannot be sent. */
  readonly from?: string;
  /** Recipients; empty = the daily email cannot be sent. */
  readonly to: readonly string[];
  /** Largest PDF attached, bytes; a larger one is linked. */
  readonly maxAttachmentBytes: number;
}

export interface PipelineConfig {
  readonly region: string;
  /** Absent: runs execute in process (local mode) instead of in Step Functions. */
  readonly stateMachineArn?: string;
  /** Calculation tasks per compute chunk. */
  readonly chunkTasks: number;
  readonly codeVersion: string;
  /** Absent: the report's default classification line. */
  readonly classification?: string;
  /** Deployment stage name, for logs and metrics. */
  readonly stage: string;
  /** Set inside AWS Lambda (`AWS_LAMBDA_FUNCTION_NAME`): runs must then go to the state machine. */
  readonly lambdaFunctionName?: string;
  /** End-of-day cut-off `HH:MM` (`24:00` = the midnight ending the day) in `timeZone`. */
  readonly eodCutoff: string;
  /** IANA time zone of the cut-off. */
  readonly timeZone: string;
}

export interface MarginfallConfig {
  readonly dynamodb: DynamoDbConfig;
  readonly s3: S3Config;
  readonly email: EmailConfig;
  readonly pipeline: PipelineConfig;
}

/** An environment variable has a value that cannot be used. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`configuration: ${variable}: ${reason}`);
  }
}

const DEFAULT_TABLE = 'marginfall';
const DEFAULT_REGION = 'us-east-1';
const DEFAULT_REPORTS_BUCKET = 'marginfall-reports';
const DEFAULT_WORK_BUCKET = 'marginfall-work';
/** 7 MiB, as the SES mailer's own default (see ses-report-mailer.ts for why). */
const DEFAULT_MAX_ATTACHMENT_BYTES = 7 * 1024 * 1024;
/** SigV4 presigned URLs live at most 7 days. */
const MAX_LINK_TTL_SECONDS = 7 * 24 * 3600;

const blankIsAbsent = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

function integer(min: number, max: number, fallback: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    blankIsAbsent,
    z
      .string()
      .regex(/^\d+$/, message)
      .transform(Number)
      .pipe(z.number().int().min(min, message).max(max, message))
      .optional()
      .transform((value) => value ?? fallback),
  );
}

const endpoint = (example: string) =>
  z.preprocess(
    blankIsAbsent,
    z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/.*)?$/, `must be an http(s) URL such as ${example}`)
      .optional(),
  );

const bucketName = z.preprocess(
  blankIsAbsent,
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3–63 of a–z 0–9 . -)')
    .optional(),
);

const label = (max: number) =>
  z.preprocess(
    blankIsAbsent,
    z
      .string()
      .max(max, `must be at most ${max} characters`)
      .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters')
      .optional(),
  );

const EMAIL_ADDRESS = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;
/** `risk@venue.example` or `Marginfall Risk <risk@venue.example>`. */
const MAILBOX = /^(?:[^<>,\p{Cc}]+ <[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+>|[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+)$/u;

const environmentSchema = z.object({
  MARGINFALL_TABLE: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name (3–255 of A–Z a–z 0–9 _ . -)')
      .optional(),
  ),
  MARGINFALL_DYNAMODB_ENDPOINT: endpoint('http://127.0.0.1:8000'),
  AWS_REGION: z.preprocess(blankIsAbsent, z.string().optional()),
  AWS_DEFAULT_REGION: z.preprocess(blankIsAbsent, z.string().optional()),
  AWS_LAMBDA_FUNCTION_NAME: z.preprocess(blankIsAbsent, z.string().optional()),
  MARGINFALL_SNAPSHOT_SHARDS: integer(1, 1000, 16),
  MARGINFALL_READ_CONCURRENCY: integer(1, 256, 8),
  MARGINFALL_WRITE_CONCURRENCY: integer(1, 256, 8),
  MARGINFALL_REPORTS_BUCKET: bucketName,
  MARGINFALL_WORK_BUCKET: bucketName,
  MARGINFALL_S3_ENDPOINT: endpoint('http://127.0.0.1:4568'),
  MARGINFALL_LINK_TTL_SECONDS: integer(1, MAX_LINK_TTL_SECONDS, 900),
  MARGINFALL_STATE_MACHINE_ARN: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .regex(
        /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}$/,
        'must be a Step Functions state machine ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME)',
      )
      .optional(),
  ),
  MARGINFALL_EMAIL_FROM: z.preprocess(
    blankIsAbsent,
    z.string().trim().regex(MAILBOX, 'must be an address such as Risk <risk@venue.example>').optional(),
  ),
  MARGINFALL_EMAIL_TO: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .transform((list) => list.split(',').map((address) => address.trim()))
      .pipe(
        z
          .array(
            z
              .string()
              .regex(EMAIL_ADDRESS, 'must be a comma-separated list of addresses such as risk@venue.example'),
          )
          .max(50, 'at most 50 recipients'),
      )
      .optional()
      .transform((list) => list ?? []),
  ),
  MARGINFALL_EMAIL_MAX_ATTACHMENT_BYTES: integer(0, 40 * 1024 * 1024, DEFAULT_MAX_ATTACHMENT_BYTES),
  MARGINFALL_SES_ENDPOINT: endpoint('http://127.0.0.1:8005'),
  MARGINFALL_EOD_CUTOFF: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .refine(isCutoff, 'must be HH:MM from 00:00 to 23:59, or 24:00 (the midnight ending the day)')
      .optional()
      .transform((value) => value ?? '24:00'),
  ),
  MARGINFALL_TIME_ZONE: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/London or UTC')
      .optional()
      .transform((value) => value ?? 'UTC'),
  ),
  MARGINFALL_CHUNK_TASKS: integer(1, 1000, 8),
  MARGINFALL_CODE_VERSION: label(64),
  MARGINFALL_CLASSIFICATION: label(120),
  MARGINFALL_STAGE: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1–32 of A–Z a–z 0–9 _ -')
      .optional(),
  ),
});

function isCutoff(value: string): boolean {
  return accepts(() => parseCutoff(value));
}

function isTimeZone(value: string): boolean {
  return accepts(() => checkTimeZone(value));
}

function accepts(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof BusinessCloseInputError) return false;
    throw error;
  }
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const inner of Object.values(value)) {
    if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
  }
  return Object.freeze(value);
}

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads and checks the configuration once; throws `ConfigError` naming the first bad variable.
 * `overrides` (e.g. command-line flags, by variable name) take precedence over `env`.
 */
export function loadConfig(env: Environment = process.env, overrides: Environment = {}): MarginfallConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const parsed = environmentSchema.safeParse({ ...env, ...defined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;
  const region = e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? DEFAULT_REGION;
  const dynamodb: DynamoDbConfig = {
    tableName: e.MARGINFALL_TABLE ?? DEFAULT_TABLE,
    region,
    snapshotShards: e.MARGINFALL_SNAPSHOT_SHARDS,
    readConcurrency: e.MARGINFALL_READ_CONCURRENCY,
    writeConcurrency: e.MARGINFALL_WRITE_CONCURRENCY,
    ...(e.MARGINFALL_DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: e.MARGINFALL_DYNAMODB_ENDPOINT }),
  };
  const s3: S3Config = {
    region,
    reportsBucket: e.MARGINFALL_REPORTS_BUCKET ?? DEFAULT_REPORTS_BUCKET,
    workBucket: e.MARGINFALL_WORK_BUCKET ?? DEFAULT_WORK_BUCKET,
    linkTtlSeconds: e.MARGINFALL_LINK_TTL_SECONDS,
    ...(e.MARGINFALL_S3_ENDPOINT === undefined ? {} : { endpoint: e.MARGINFALL_S3_ENDPOINT }),
  };
  const email: EmailConfig = {
    region,
    to: e.MARGINFALL_EMAIL_TO,
    maxAttachmentBytes: e.MARGINFALL_EMAIL_MAX_ATTACHMENT_BYTES,
    ...(e.MARGINFALL_EMAIL_FROM === undefined ? {} : { from: e.MARGINFALL_EMAIL_FROM }),
    ...(e.MARGINFALL_SES_ENDPOINT === undefined ? {} : { endpoint: e.MARGINFALL_SES_ENDPOINT }),
  };
  const pipeline: PipelineConfig = {
    region,
    chunkTasks: e.MARGINFALL_CHUNK_TASKS,
    codeVersion: e.MARGINFALL_CODE_VERSION ?? 'dev',
    stage: e.MARGINFALL_STAGE ?? 'local',
    eodCutoff: e.MARGINFALL_EOD_CUTOFF,
    timeZone: e.MARGINFALL_TIME_ZONE,
    ...(e.MARGINFALL_STATE_MACHINE_ARN === undefined
      ? {}
      : { stateMachineArn: e.MARGINFALL_STATE_MACHINE_ARN }),
    ...(e.MARGINFALL_CLASSIFICATION === undefined ? {} : { classification: e.MARGINFALL_CLASSIFICATION }),
    ...(e.AWS_LAMBDA_FUNCTION_NAME === undefined ? {} : { lambdaFunctionName: e.AWS_LAMBDA_FUNCTION_NAME }),
  };
  return deepFreeze({ dynamodb, s3, email, pipeline });
}
