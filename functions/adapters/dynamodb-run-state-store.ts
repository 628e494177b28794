/**
 * Run records in the single table (DYNAMODB-DESIGN.md, "Run records"): one `run` item per run
 * under `RUNS#<asOf>` / `RUN#<runId>` holding the whole RunState as JSON (`state`, checked with
 * zod on every read) beside the attributes conditions and people look at (`status`,
 * `idempotencyKey`, `requestedAt`, `revision`), and one `run-claim` item per idempotency key
 * under `RUNKEY#<key>` / `CLAIM`.
 *
 * `create` (no transactions: dynalite has none, and none is needed):
 * 1. PutItem the claim — key, run id and the initial state — if no claim exists. Losing here
 *    means another request holds the key: its run is returned.
 * 2. PutItem the run item if it does not exist.
 * A crash between 1 and 2 leaves a claim without a run; the next `create` with the key finds
 * the claim, writes the run item from the claim's state and reports it created (so that caller
 * launches it). Two runs for one key can never exist: the run item only ever comes from the
 * claim, and the claim is written once.
 *
 * `update` is optimistic: read, check the status against `expected` and the allowed
 * transition, write the new state conditional on the `revision` read (+1); a concurrent writer
 * makes it re-read and check again.
 */
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { parseIsoDate } from '../core/dates.js';
import { MarginfallError } from '../core/errors.js';
import { REGIMES } from '../core/model/params.js';
import { PIPELINE_STEPS, type RunState, type RunStatus } from '../core/pipeline/contracts.js';
import {
  type CreateRunOutcome,
  RunNotFoundError,
  RunStateConflictError,
  type RunStatePatch,
  type RunStateStore,
} from '../core/ports/run-state-store.js';
import {
  describeIssues,
  expiryEpochSeconds,
  type Item,
  PARTITION_KEY,
  runPartitionKey,
  runSortKey,
  SCHEMA_VERSION,
  SORT_KEY,
  TTL_ATTRIBUTE,
} from './dynamodb-items.js';

export interface DynamoDbRunStateStoreProps {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** Let DynamoDB TTL delete run records this many days after their asOf (default: kept). */
  readonly retentionDays?: number;
  /** Re-reads after a concurrent update before giving up with a conflict (default 8). */
  readonly maxUpdateAttempts?: number;
}

/** A stored run or parameter record that does not read as one (corrupt, or another schema version). */
export class StoredRecordInvalidError extends MarginfallError {
  override readonly name = 'StoredRecordInvalidError';
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`stored record ${key} is unusable: ${reason}`);
  }
}

const isoInstant = z.iso.datetime({ offset: false });
const isoDate = z.string().refine((value) => parseIsoDate(value) !== undefined, 'must be a date YYYY-MM-DD');
const status = z.enum(['queued', 'running', 'succeeded', 'failed']);
const step = z.enum(PIPELINE_STEPS as [string, ...string[]]);
const reportType = z.enum(['daily', 'on-demand']);

const runRequestSchema = z.object({
  asOf: isoDate,
  reportType,
  trigger: z.enum(['schedule', 'api', 'backfill', 'cli']),
  scenarioIds: z.array(z.string()).optional(),
  inlineScenarios: z.array(z.unknown()).optional(),
  regimes: z.array(z.enum(REGIMES)).optional(),
  clientIds: z.array(z.string()).optional(),
  paramsOverride: z.unknown().optional(),
});

/** RunState (functions/core/pipeline/contracts.ts) as stored. */
export const runStateSchema = z.object({
  runId: z.string().min(1),
  asOf: isoDate,
  reportType,
  trigger: z.enum(['schedule', 'api', 'backfill', 'cli']),
  idempotencyKey: z.string().min(1),
  status,
  request: runRequestSchema,
  requestedAt: isoInstant,
  startedAt: isoInstant.optional(),
  finishedAt: isoInstant.optional(),
  timings: z.partialRecord(step, z.number().nonnegative()),
  chunks: z.number().int().nonnegative(),
  report: z
    .object({
      pdfKey: z.string(),
      jsonKey: z.string(),
      inputsKey: z.string(),
      headline: z.record(z.string(), z.union([z.number(), z.string()])),
    })
    .optional(),
  email: z.object({ messageId: z.string(), pdf: z.enum(['attached', 'linked']) }).optional(),
  failure: z.object({ step, reason: z.string() }).optional(),
});

/** Status changes a run may make (staying in the same status is always allowed). */
const NEXT_STATUS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  queued: ['running', 'failed'],
  running: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

const S = (value: string) => ({ S: value });
const N = (value: number) => ({ N: String(value) });

export function claimPartitionKey(idempotencyKey: string): string {
  return `RUNKEY#${encodeURIComponent(idempotencyKey)}`;
}
export const CLAIM_SORT_KEY = 'CLAIM';

/** The business date a run id starts with (`<asOf>-…`), or undefined. */
function asOfOfRunId(runId: string): string | undefined {
  const asOf = runId.slice(0, 10);
  return runId.charAt(10) === '-' && parseIsoDate(asOf) !== undefined ? asOf : undefined;
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException'
  );
}

export class DynamoDbRunStateStore implements RunStateStore {
  private readonly maxUpdateAttempts: number;

  constructor(private readonly props: DynamoDbRunStateStoreProps) {
    this.maxUpdateAttempts = props.maxUpdateAttempts ?? 8;
  }

  async create(state: RunState): Promise<CreateRunOutcome> {
    const checked = this.check(state, 'run');
    if (asOfOfRunId(checked.runId) !== checked.asOf)
      throw new RangeError(`run id ${checked.runId} must start with its asOf ${checked.asOf} and '-'`);
    const claimKey = {
      [PARTITION_KEY]: S(claimPartitionKey(state.idempotencyKey)),
      [SORT_KEY]: S(CLAIM_SORT_KEY),
    };
    let claimed = checked;
    try {
      await this.props.client.send(
        new PutItemCommand({
          TableName: this.props.tableName,
          Item: {
            ...claimKey,
            entity: S('run-claim'),
            schemaVersion: N(SCHEMA_VERSION),
            idempotencyKey: S(state.idempotencyKey),
            runId: S(state.runId),
            asOf: S(state.asOf),
            state: S(JSON.stringify(checked)),
            ...this.ttl(state.asOf),
          },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PARTITION_KEY },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const claim = await this.getItem(claimKey);
      if (claim === undefined) throw error; // a claim is never deleted, except by TTL
      claimed = this.decodeState(claim);
      const existing = await this.find(claimed.runId);
      if (existing !== undefined) return { created: false, existing };
    }
    // Step 2 (or the recovery of a claim whose run item was never written).
    try {
      await this.putRun(claimed, undefined);
      return { created: true, state: claimed };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { created: false, existing: await this.get(claimed.runId) };
    }
  }

  async get(runId: string): Promise<RunState> {
    const state = await this.find(runId);
    if (state === undefined) throw new RunNotFoundError(runId);
    return state;
  }

  async listByAsOf(asOf: string): Promise<readonly RunState[]> {
    if (parseIsoDate(asOf) === undefined) throw new RangeError(`asOf must be a date YYYY-MM-DD, got ${asOf}`);
    const states: RunState[] = [];
    let start: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue> | undefined;
    do {
      const page = await this.props.client.send(
        new QueryCommand({
          TableName: this.props.tableName,
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :run)',
          ExpressionAttributeNames: { '#pk': PARTITION_KEY, '#sk': SORT_KEY },
          ExpressionAttributeValues: { ':pk': S(runPartitionKey(asOf)), ':run': S('RUN#') },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) states.push(this.decodeState(item));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return states.sort((a, b) =>
      a.requestedAt !== b.requestedAt
        ? Date.parse(a.requestedAt) - Date.parse(b.requestedAt)
        : a.runId < b.runId
          ? -1
          : a.runId > b.runId
            ? 1
            : 0,
    );
  }

  async update(runId: string, expected: readonly RunStatus[], patch: RunStatePatch): Promise<RunState> {
    for (let attempt = 1; ; attempt++) {
      const item = await this.getItem(this.runKey(runId));
      if (item === undefined) throw new RunNotFoundError(runId);
      const current = this.decodeState(item);
      const target = patch.status ?? current.status;
      if (
        !expected.includes(current.status) ||
        (target !== current.status && !NEXT_STATUS[current.status].includes(target))
      )
        throw new RunStateConflictError(runId, expected, current.status);
      const next = this.check({ ...current, ...patch, status: target }, 'patch');
      try {
        await this.putRun(next, Number(item.revision?.N ?? '0'));
        return next;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        if (attempt >= this.maxUpdateAttempts) throw new RunStateConflictError(runId, expected, undefined);
      }
    }
  }

  // ---- items ---------------------------------------------------------------------------------

  private runKey(runId: string): Item {
    const asOf = asOfOfRunId(runId);
    // A run id that does not start with a date names no run: the key below matches nothing.
    return { [PARTITION_KEY]: S(runPartitionKey(asOf ?? 'none')), [SORT_KEY]: S(runSortKey(runId)) };
  }

  private ttl(asOf: string): Item {
    const days = this.props.retentionDays;
    return days === undefined ? {} : { [TTL_ATTRIBUTE]: N(expiryEpochSeconds(asOf, days)) };
  }

  /** Writes the run item: new (`revision` undefined → must not exist) or replacing that revision. */
  private async putRun(state: RunState, revision: number | undefined): Promise<void> {
    await this.props.client.send(
      new PutItemCommand({
        TableName: this.props.tableName,
        Item: {
          ...this.runKey(state.runId),
          entity: S('run'),
          schemaVersion: N(SCHEMA_VERSION),
          runId: S(state.runId),
          asOf: S(state.asOf),
          status: S(state.status),
          idempotencyKey: S(state.idempotencyKey),
          requestedAt: S(state.requestedAt),
          revision: N((revision ?? 0) + 1),
          state: S(JSON.stringify(state)),
          ...this.ttl(state.asOf),
        },
        ...(revision === undefined
          ? {
              ConditionExpression: 'attribute_not_exists(#pk)',
              ExpressionAttributeNames: { '#pk': PARTITION_KEY },
            }
          : {
              ConditionExpression: '#revision = :revision',
              ExpressionAttributeNames: { '#revision': 'revision' },
              ExpressionAttributeValues: { ':revision': N(revision) },
            }),
      }),
    );
  }

  private async getItem(key: Item): Promise<Item | undefined> {
    const response = await this.props.client.send(
      new GetItemCommand({ TableName: this.props.tableName, Key: key, ConsistentRead: true }),
    );
    return response.Item;
  }

  private async find(runId: string): Promise<RunState | undefined> {
    const item = await this.getItem(this.runKey(runId));
    return item === undefined ? undefined : this.decodeState(item);
  }

  private decodeState(item: Item): RunState {
    const key = `${item[PARTITION_KEY]?.S ?? '?'} / ${item[SORT_KEY]?.S ?? '?'}`;
    if (item.schemaVersion?.N !== String(SCHEMA_VERSION))
      throw new StoredRecordInvalidError(
        key,
        `unsupported schemaVersion ${item.schemaVersion?.N ?? '(missing)'}`,
      );
    const text = item.state?.S;
    if (text === undefined) throw new StoredRecordInvalidError(key, 'missing attribute state');
    let plain: unknown;
    try {
      plain = JSON.parse(text);
    } catch (error) {
      throw new StoredRecordInvalidError(key, `state is not JSON: ${(error as Error).message}`);
    }
    const parsed = runStateSchema.safeParse(plain, { reportInput: true });
    if (!parsed.success) throw new StoredRecordInvalidError(key, describeIssues(parsed.error.issues));
    return parsed.data as RunState;
  }

  /** A state about to be written must read back: the same schema checks writes. */
  private check(state: RunState, what: string): RunState {
    const parsed = runStateSchema.safeParse(state, { reportInput: true });
    if (!parsed.success)
      throw new RangeError(`${what} is not a valid run state: ${describeIssues(parsed.error.issues)}`);
    return state;
  }
}
