/**
 * What the local mode puts in its table before a run: a seeded synthetic book and market as
 * the end-of-day snapshot of a business date (through the same `DynamoDbSnapshotWriter` that
 * `marginfall seed --to-dynamodb` uses), and the default risk parameters as the active set.
 *
 * `params.default.json` beside this file is the specification's reference parameter set
 * (`version` reference-1, the four regimes); the local mode loads it when the table has no
 * active parameters yet.
 */
import { readFile } from 'node:fs/promises';
import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  decodeManifestItem,
  MANIFEST_SORT_KEY,
  PARTITION_KEY,
  SORT_KEY,
  snapshotPartitionKey,
} from '../adapters/dynamodb-items.js';
import { DynamoDbParamsSource } from '../adapters/dynamodb-params-source.js';
import { DynamoDbSnapshotWriter } from '../adapters/dynamodb-snapshot-writer.js';
import { NoActiveParamsError } from '../core/ports/params-source.js';
import type { SnapshotWriteReport } from '../core/ports/snapshot-writer.js';
import { generateSyntheticBookStream, type SyntheticBookTotals } from '../core/synthetic/generate-book.js';

/** The reference risk parameters the local mode starts with. */
export const DEFAULT_PARAMS_FILE = new URL('./params.default.json', import.meta.url);
/** The same file as the repository names it, for messages. */
export const DEFAULT_PARAMS_NAME = 'functions/local/params.default.json';

export interface StoredSnapshotSummary {
  readonly asOf: string;
  readonly clients: number;
  readonly insuranceFund: number;
}

/** The complete snapshot of `asOf` in the table (its manifest), or undefined when there is none. */
export async function readSnapshotSummary(
  client: DynamoDBClient,
  tableName: string,
  asOf: string,
): Promise<StoredSnapshotSummary | undefined> {
  const { Item } = await client.send(
    new GetItemCommand({
      TableName: tableName,
      Key: { [PARTITION_KEY]: { S: snapshotPartitionKey(asOf) }, [SORT_KEY]: { S: MANIFEST_SORT_KEY } },
      ConsistentRead: true,
    }),
  );
  if (Item === undefined) return undefined;
  const manifest = decodeManifestItem(Item, asOf);
  if (!manifest.ok || manifest.value.status !== 'complete') return undefined;
  return {
    asOf,
    clients: manifest.value.clients ?? 0,
    insuranceFund: manifest.value.insuranceFund ?? 0,
  };
}

export interface SeedOptions {
  readonly clients: number;
  readonly seed: string;
  readonly asOf: string;
  readonly onProgress?: (progress: { readonly clients: number; readonly items: number }) => void;
}

/** Draws the seeded book and market of `asOf` and loads them as that date's snapshot. */
export async function seedSyntheticSnapshot(
  client: DynamoDBClient,
  tableName: string,
  options: SeedOptions,
): Promise<{ readonly report: SnapshotWriteReport; readonly totals: SyntheticBookTotals }> {
  const stream = generateSyntheticBookStream({
    clients: options.clients,
    seed: options.seed,
    asOf: options.asOf,
  });
  const writer = new DynamoDbSnapshotWriter(client, {
    tableName,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const report = await writer.writeSnapshot({
    asOf: options.asOf,
    market: stream.market,
    clients: stream.clients,
    insuranceFund: () => stream.totals().insuranceFund,
  });
  return { report, totals: stream.totals() };
}

/**
 * Makes `params.default.json` the active parameter set unless one is active already; says which
 * happened.
 */
export async function ensureActiveParams(
  client: DynamoDBClient,
  tableName: string,
  nowIso: string,
): Promise<{ readonly loaded: boolean; readonly version: string }> {
  const source = new DynamoDbParamsSource({ client, tableName });
  try {
    const active = await source.readActiveParams();
    return { loaded: false, version: versionOf(active.document) };
  } catch (error) {
    if (!(error instanceof NoActiveParamsError)) throw error;
  }
  const text = await readFile(DEFAULT_PARAMS_FILE, 'utf8');
  const stored = await source.storeActiveParams(text, nowIso);
  return { loaded: true, version: stored.version };
}

function versionOf(document: unknown): string {
  const version = (document as { version?: unknown } | null)?.version;
  return typeof version === 'string' ? version : 'unknown';
}
