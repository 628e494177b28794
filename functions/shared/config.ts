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
 */
import { z } from 'zod';

export interface DynamoDbConfig {
  readonly tableName: string;
  /** Absent: the AWS endpoint for `region`. */
  readonly endpoint?: string;
  readonly region: string;
  readonly snapshotShards: number;
  readonly readConcurrency: number;
  readonly writeConcurrency: number;
}

export interface MarginfallConfig {
  readonly dynamodb: DynamoDbConfig;
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

const environmentSchema = z.object({
  MARGINFALL_TABLE: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name (3–255 of A–Z a–z 0–9 _ . -)')
      .optional(),
  ),
  MARGINFALL_DYNAMODB_ENDPOINT: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/.*)?$/, 'must be an http(s) URL such as http://127.0.0.1:8000')
      .optional(),
  ),
  AWS_REGION: z.preprocess(blankIsAbsent, z.string().optional()),
  AWS_DEFAULT_REGION: z.preprocess(blankIsAbsent, z.string().optional()),
  MARGINFALL_SNAPSHOT_SHARDS: integer(1, 1000, 16),
  MARGINFALL_READ_CONCURRENCY: integer(1, 256, 8),
  MARGINFALL_WRITE_CONCURRENCY: integer(1, 256, 8),
});

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
  const dynamodb: DynamoDbConfig = {
    tableName: e.MARGINFALL_TABLE ?? DEFAULT_TABLE,
    region: e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? DEFAULT_REGION,
    snapshotShards: e.MARGINFALL_SNAPSHOT_SHARDS,
    readConcurrency: e.MARGINFALL_READ_CONCURRENCY,
    writeConcurrency: e.MARGINFALL_WRITE_CONCURRENCY,
    ...(e.MARGINFALL_DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: e.MARGINFALL_DYNAMODB_ENDPOINT }),
  };
  return deepFreeze({ dynamodb });
}
