/**
 * `SnapshotWriter` on DynamoDB: loads one business date's book and market into the table
 * (items in dynamodb-items.ts, design in DYNAMODB-DESIGN.md).
 *
 * Order of writes, so that a reader never sees half a load:
 * 1. the manifest with status `loading` and a new `loadId` (the date becomes unreadable);
 * 2. the market items, then one item per (client, venue) — or one client item for a client
 *    without subaccounts — in BatchWriteItem requests of 25, several in flight;
 * 3. the manifest with status `complete`, the insurance fund and the item counts.
 * Items of an earlier load of the same date that this load does not overwrite keep their old
 * `loadId`, and the reader ignores them.
 *
 * UnprocessedItems (the table throttled part of a batch) are re-sent after an exponential
 * backoff with jitter — deterministic jitter, derived from the batch number and the attempt —
 * until none is left or `maxBatchAttempts` is reached, which fails the load with
 * `SnapshotWriteError` (the manifest then stays `loading`). Requests that fail as a whole
 * (throttling, 5xx) are retried by the SDK first.
 *
 * Memory stays flat: clients are consumed from an iterator and at most `concurrency` batches
 * are pending; the only per-client state is the set of client ids seen (duplicates are refused).
 */

import { randomUUID } from 'node:crypto';
import {
  BatchWriteItemCommand,
  type DynamoDBClient,
  PutItemCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { parseIsoDate } from '../core/dates.js';
import { InvalidDocumentError } from '../core/errors.js';
import { USD } from '../core/model/market.js';
import {
  type RefusedRecord,
  type SnapshotDocuments,
  SnapshotWriteError,
  type SnapshotWriteReport,
  type SnapshotWriter,
} from '../core/ports/snapshot-writer.js';
import type { MarketAssetDocument } from '../core/synthetic/documents.js';
import { hashSeed } from '../core/synthetic/prng.js';
import {
  encodeClientItem,
  encodeManifestItem,
  encodeMarketAssetItem,
  encodeSubaccountItem,
  expiryEpochSeconds,
  type Item,
  itemKey,
  MAX_SHARDS,
  parseClientShell,
  parseMarketAsset,
  parseSubaccount,
  type SnapshotItemContext,
} from './dynamodb-items.js';

/** DynamoDB's limit of put requests per BatchWriteItem. */
export const BATCH_SIZE = 25;

export interface WriteProgress {
  readonly clients: number;
  readonly items: number;
}

export interface DynamoDbSnapshotWriterOptions {
  readonly tableName: string;
  /** Partitions per business date (default 16); the reader takes the count from the manifest. */
  readonly shardCount?: number;
  /** BatchWriteItem requests in flight (default 8). */
  readonly concurrency?: number;
  /** Attempts per batch while DynamoDB returns UnprocessedItems (default 10). */
  readonly maxBatchAttempts?: number;
  /** Backoff before retry n: min(max, base·2^(n−1)), half of it fixed and half jitter (ms; default 50 and 5000). */
  readonly retryBaseDelayMs?: number;
  readonly retryMaxDelayMs?: number;
  /** When set, every item gets a TTL of asOf + this many days (`expiresAt`, epoch seconds). */
  readonly retentionDays?: number;
  /** Identifies a load (default: a random UUID). */
  readonly newLoadId?: () => string;
  /** Called about every 5,000 items and once at the end. */
  readonly onProgress?: (progress: WriteProgress) => void;
}

interface ParsedMarket {
  readonly rate: number;
  readonly assets: ReadonlyArray<readonly [string, MarketAssetDocument]>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseMarket(raw: unknown, asOf: string, refused: RefusedRecord[]): ParsedMarket {
  if (!isRecord(raw)) throw new InvalidDocumentError('market', '', 'must be a JSON object');
  if (raw.asOf !== asOf) {
    throw new InvalidDocumentError(
      'market',
      'asOf',
      `is ${JSON.stringify(raw.asOf) ?? 'missing'}, but the snapshot is for ${asOf}`,
    );
  }
  let rate = 0;
  if (raw.rate !== undefined) {
    if (typeof raw.rate !== 'number' || !Number.isFinite(raw.rate))
      throw new InvalidDocumentError('market', 'rate', 'must be a finite number');
    rate = raw.rate;
  }
  if (!isRecord(raw.assets))
    throw new InvalidDocumentError('market', 'assets', 'must be an object of assets');
  const assets: Array<readonly [string, MarketAssetDocument]> = [];
  for (const [symbol, value] of Object.entries(raw.assets)) {
    const asset = parseMarketAsset(value);
    if (asset.ok) assets.push([symbol, asset.value]);
    else refused.push({ document: 'market', path: `assets.${symbol}`, reason: asset.reason });
  }
  return { rate, assets };
}

/**
 * Backoff (ms) before retry `attempt` (1-based) of batch `batchNo`: cap = min(max, base·2^(attempt−1)),
 * then "equal jitter" — half the cap fixed, half drawn from a hash of (batch, attempt) — so
 * concurrent batches spread out, yet a load retries on the same schedule every time.
 */
export function backoffDelayMs(batchNo: number, attempt: number, baseMs: number, maxMs: number): number {
  const cap = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  const u = hashSeed(`${batchNo}:${attempt}`).lo / 2 ** 32;
  return cap / 2 + (u * cap) / 2;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Batches of 25 put requests, at most `concurrency` in flight; remembers the first failure. */
class BatchPipeline {
  private buffer: WriteRequest[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;
  private batches = 0;
  requests = 0;
  retriedItems = 0;
  items = 0;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly asOf: string,
    private readonly concurrency: number,
    private readonly maxAttempts: number,
    private readonly baseDelayMs: number,
    private readonly maxDelayMs: number,
  ) {}

  async add(item: Item): Promise<void> {
    this.buffer.push({ PutRequest: { Item: item } });
    this.items++;
    if (this.buffer.length === BATCH_SIZE) await this.dispatch();
  }

  async flush(): Promise<void> {
    if (this.buffer.length > 0) await this.dispatch();
    await Promise.all(this.inFlight);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure === undefined) return;
    if (this.failure instanceof SnapshotWriteError) throw this.failure;
    const message = this.failure instanceof Error ? this.failure.message : String(this.failure);
    throw new SnapshotWriteError(this.asOf, `BatchWriteItem failed: ${message}`, { cause: this.failure });
  }

  private async dispatch(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    this.throwIfFailed();
    const batchNo = this.batches++;
    const pending: Promise<void> = this.send(batch, batchNo)
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.inFlight.delete(pending));
    this.inFlight.add(pending);
  }

  private async send(batch: WriteRequest[], batchNo: number): Promise<void> {
    let pending = batch;
    for (let attempt = 1; ; attempt++) {
      this.requests++;
      const output = await this.client.send(
        new BatchWriteItemCommand({ RequestItems: { [this.tableName]: pending } }),
      );
      const unprocessed = output.UnprocessedItems?.[this.tableName] ?? [];
      if (unprocessed.length === 0) return;
      if (attempt >= this.maxAttempts) {
        const first = unprocessed[0]?.PutRequest?.Item;
        throw new SnapshotWriteError(
          this.asOf,
          `${unprocessed.length} of ${batch.length} items of a batch were still unprocessed after ${attempt} attempts` +
            (first ? ` (first: ${itemKey(first)})` : '') +
            '; the table is throttling writes — retry the load later or raise its write capacity',
        );
      }
      this.retriedItems += unprocessed.length;
      await sleep(backoffDelayMs(batchNo, attempt, this.baseDelayMs, this.maxDelayMs));
      pending = unprocessed;
    }
  }
}

export class DynamoDbSnapshotWriter implements SnapshotWriter {
  private readonly shardCount: number;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly options: DynamoDbSnapshotWriterOptions,
  ) {
    this.shardCount = options.shardCount ?? 16;
    if (!Number.isInteger(this.shardCount) || this.shardCount < 1 || this.shardCount > MAX_SHARDS)
      throw new RangeError(`shardCount must be an integer from 1 to ${MAX_SHARDS}`);
  }

  async writeSnapshot(documents: SnapshotDocuments): Promise<SnapshotWriteReport> {
    const { asOf } = documents;
    if (parseIsoDate(asOf) === undefined)
      throw new SnapshotWriteError(asOf, 'asOf must be a date YYYY-MM-DD');
    const { options } = this;
    const refused: RefusedRecord[] = [];
    const market = parseMarket(documents.market, asOf, refused);
    const context: SnapshotItemContext = {
      asOf,
      loadId: (options.newLoadId ?? randomUUID)(),
      shardCount: this.shardCount,
      ...(options.retentionDays === undefined
        ? {}
        : { expiresAt: expiryEpochSeconds(asOf, options.retentionDays) }),
    };
    const pipeline = new BatchPipeline(
      this.client,
      options.tableName,
      asOf,
      options.concurrency ?? 8,
      options.maxBatchAttempts ?? 10,
      options.retryBaseDelayMs ?? 50,
      options.retryMaxDelayMs ?? 5_000,
    );

    await this.put(encodeManifestItem(context, { status: 'loading', rate: market.rate }), asOf);
    for (const [i, [symbol, asset]] of market.assets.entries()) {
      await pipeline.add(encodeMarketAssetItem(context, symbol, i, asset));
    }
    const marketItems = pipeline.items;
    const assetSymbols = new Set(market.assets.map(([symbol]) => symbol));
    assetSymbols.add(USD);

    const seenIds = new Set<string>();
    let index = 0;
    let clients = 0;
    let subaccountItems = 0;
    let nextProgress = 5_000;
    for await (const raw of documents.clients) {
      const path = `clients[${index}]`;
      const clientSeq = index++;
      const shell = parseClientShell(raw);
      if (!shell.ok) {
        refused.push({ document: 'book', path, reason: shell.reason });
        continue;
      }
      const { id, subaccounts } = shell.value;
      if (seenIds.has(id)) {
        refused.push({ document: 'book', path, reason: `duplicate client id ${id}: the first one is kept` });
        continue;
      }
      seenIds.add(id);
      clients++;
      const venues = new Set<string>();
      let stored = 0;
      for (let j = 0; j < subaccounts.length; j++) {
        const subPath = `${path}.subaccounts[${j}]`;
        const sub = parseSubaccount(subaccounts[j], assetSymbols);
        if (!sub.ok) {
          refused.push({ document: 'book', path: subPath, reason: sub.reason });
          continue;
        }
        if (venues.has(sub.value.venue)) {
          refused.push({
            document: 'book',
            path: subPath,
            reason: `duplicate venue ${sub.value.venue} for client ${id}: the first valid subaccount is kept`,
          });
          continue;
        }
        venues.add(sub.value.venue);
        await pipeline.add(encodeSubaccountItem(context, id, clientSeq, j, sub.value));
        stored++;
      }
      subaccountItems += stored;
      if (stored === 0) await pipeline.add(encodeClientItem(context, id, clientSeq));
      if (pipeline.items >= nextProgress) {
        options.onProgress?.({ clients, items: pipeline.items });
        nextProgress += 5_000;
      }
    }
    await pipeline.flush();

    const fund = documents.insuranceFund();
    if (typeof fund !== 'number' || !Number.isFinite(fund) || fund < 0)
      throw new InvalidDocumentError('book', 'insuranceFund', 'must be a number ≥ 0');
    await this.put(
      encodeManifestItem(context, {
        status: 'complete',
        rate: market.rate,
        insuranceFund: fund,
        clients,
        subaccountItems,
        marketItems,
      }),
      asOf,
    );
    options.onProgress?.({ clients, items: pipeline.items });
    return {
      asOf,
      loadId: context.loadId,
      clients,
      subaccountItems,
      marketItems,
      refused,
      requests: pipeline.requests + 2,
      retriedItems: pipeline.retriedItems,
    };
  }

  private async put(item: Item, asOf: string): Promise<void> {
    try {
      await this.client.send(new PutItemCommand({ TableName: this.options.tableName, Item: item }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new SnapshotWriteError(asOf, `cannot write ${itemKey(item)}: ${message}`, { cause: error });
    }
  }
}
