/**
 * `PositionSource` on DynamoDB: reads one business date's snapshot (items in
 * dynamodb-items.ts, design in DYNAMODB-DESIGN.md).
 *
 * 1. One Query on the header partition `SNAP#<asOf>`: the manifest (no manifest = no snapshot,
 *    `NoPositionsError`; status `loading` = `SnapshotIncompleteError`) and the market items.
 * 2. One Query chain per shard `SNAP#<asOf>#<k>`, `concurrency` of them in flight, each
 *    following LastEvaluatedKey to the end. Throttled requests are retried by the SDK.
 * 3. Each page's items are validated (zod, then keys, load, assets) and turned into §8
 *    records as the page arrives; the raw items are dropped with the page, so only the book
 *    being built is held. Rejected items are listed with their key and reason.
 * 4. Clients are put back in load order (`clientSeq`), subaccounts in theirs (`subaccountSeq`),
 *    so the book read back is the book that was loaded, whatever order the shards finish in.
 */
import { type DynamoDBClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import { parseIsoDate } from '../core/dates.js';
import { InvalidDocumentError } from '../core/errors.js';
import { USD } from '../core/model/market.js';
import type { RecordCount } from '../core/model/rejection.js';
import {
  NoPositionsError,
  type PositionSnapshot,
  type PositionSource,
  type RejectedItem,
  SnapshotHeaderError,
  SnapshotIncompleteError,
  SnapshotReadError,
} from '../core/ports/position-source.js';
import type {
  ClientDocument,
  MarketAssetDocument,
  MarketDocument,
  SubaccountDocument,
} from '../core/synthetic/documents.js';
import {
  decodeClientItem,
  decodeManifestItem,
  decodeMarketAssetItem,
  decodeSubaccountItem,
  entityOf,
  type Item,
  itemKey,
  MANIFEST_SORT_KEY,
  type ManifestItem,
  PARTITION_KEY,
  type ShardContext,
  SORT_KEY,
  shardPartitionKey,
  snapshotPartitionKey,
} from './dynamodb-items.js';

export interface DynamoDbPositionSourceOptions {
  readonly tableName: string;
  /** Shard Query chains in flight (default 8). */
  readonly concurrency?: number;
  /** Strongly consistent reads (default true): a snapshot marked complete is read in full. */
  readonly consistentRead?: boolean;
  /** Items per Query page; default: DynamoDB's 1 MB pages. */
  readonly pageSize?: number;
}

class Tally {
  received = 0;
  accepted = 0;
  count(): RecordCount {
    return { received: this.received, accepted: this.accepted, rejected: this.received - this.accepted };
  }
}

interface SubaccountEntry {
  readonly seq: number;
  readonly subaccount: SubaccountDocument;
}

/** A client being assembled from its items (all in one shard). */
interface ClientAssembly {
  readonly id: string;
  readonly seq: number;
  readonly subaccounts: SubaccountEntry[];
}

/** One read: the state shared by the shard readers. */
class SnapshotRead {
  readonly rejected: RejectedItem[] = [];
  readonly items = new Tally();
  readonly subaccountItems = new Tally();
  readonly marketItems = new Tally();
  readonly clients = new Map<string, ClientAssembly>();
  pages = 0;
  inFlight = 0;
  maxInFlight = 0;

  reject(item: Item, reason: string): void {
    const clientId = item.clientId?.S;
    this.rejected.push({ key: itemKey(item), reason, ...(clientId === undefined ? {} : { clientId }) });
  }

  /** Validates one shard item and adds it to its client. */
  addShardItem(item: Item, context: ShardContext): void {
    this.items.received++;
    const entity = entityOf(item);
    if (entity === 'subaccount') {
      this.subaccountItems.received++;
      const decoded = decodeSubaccountItem(item, context);
      if (!decoded.ok) {
        this.reject(item, decoded.reason);
        return;
      }
      const { clientId, clientSeq, subaccountSeq, subaccount } = decoded.value;
      const client = this.clientFor(clientId, clientSeq);
      if (client.seq !== clientSeq) {
        this.reject(item, `clientSeq ${clientSeq} differs from ${client.seq} on the client's other items`);
        return;
      }
      client.subaccounts.push({ seq: subaccountSeq, subaccount });
      this.subaccountItems.accepted++;
      this.items.accepted++;
    } else if (entity === 'client') {
      const decoded = decodeClientItem(item, context);
      if (!decoded.ok) {
        this.reject(item, decoded.reason);
        return;
      }
      const client = this.clientFor(decoded.value.clientId, decoded.value.clientSeq);
      if (client.seq !== decoded.value.clientSeq) {
        this.reject(
          item,
          `clientSeq ${decoded.value.clientSeq} differs from ${client.seq} on the client's other items`,
        );
        return;
      }
      this.items.accepted++;
    } else {
      this.reject(
        item,
        entity === undefined ? 'missing attribute entity' : `unexpected entity ${entity} in a shard`,
      );
    }
  }

  private clientFor(id: string, seq: number): ClientAssembly {
    let client = this.clients.get(id);
    if (client === undefined) {
      client = { id, seq, subaccounts: [] };
      this.clients.set(id, client);
    }
    return client;
  }

  /** The clients in load order, each with its subaccounts in load order. */
  book(): ClientDocument[] {
    const assemblies = [...this.clients.values()];
    this.clients.clear();
    assemblies.sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return assemblies.map((client) => {
      const entries = client.subaccounts;
      if (entries.length > 1) {
        entries.sort(
          (a, b) =>
            a.seq - b.seq ||
            (a.subaccount.venue < b.subaccount.venue ? -1 : a.subaccount.venue > b.subaccount.venue ? 1 : 0),
        );
      }
      return { id: client.id, subaccounts: entries.map((entry) => entry.subaccount) };
    });
  }
}

export class DynamoDbPositionSource implements PositionSource {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly options: DynamoDbPositionSourceOptions,
  ) {}

  async readSnapshot(asOf: string): Promise<PositionSnapshot> {
    if (parseIsoDate(asOf) === undefined)
      throw new InvalidDocumentError('snapshot request', 'asOf', 'must be a date YYYY-MM-DD');
    const read = new SnapshotRead();

    // 1. Header partition: manifest and market.
    const headerItems: Item[] = [];
    await this.queryPartition(asOf, snapshotPartitionKey(asOf), read, (items) => {
      for (const item of items) headerItems.push(item);
    });
    const manifestItem = headerItems.find((item) => item[SORT_KEY]?.S === MANIFEST_SORT_KEY);
    if (manifestItem === undefined) throw new NoPositionsError(asOf);
    const decodedManifest = decodeManifestItem(manifestItem, asOf);
    if (!decodedManifest.ok)
      throw new SnapshotHeaderError(asOf, itemKey(manifestItem), decodedManifest.reason);
    const manifest = decodedManifest.value;
    if (manifest.status !== 'complete') throw new SnapshotIncompleteError(asOf, manifest.status);
    const market = this.decodeMarket(headerItems, manifest, read);

    // 2–3. Shards in parallel.
    const assets = new Set(Object.keys(market.assets));
    assets.add(USD);
    await this.forEachShard(manifest.shardCount, read, async (shard) => {
      const context: ShardContext = {
        asOf,
        loadId: manifest.loadId,
        shardCount: manifest.shardCount,
        shard,
        assets,
      };
      await this.queryPartition(asOf, shardPartitionKey(asOf, shard), read, (items) => {
        for (const item of items) read.addShardItem(item, context);
      });
    });

    // 4. Load order.
    const clients = read.book();
    return {
      asOf,
      book: { asOf, insuranceFund: manifest.insuranceFund ?? 0, clients },
      market,
      rejected: read.rejected,
      stats: {
        shards: manifest.shardCount,
        pages: read.pages,
        maxInFlight: read.maxInFlight,
        items: read.items.count(),
        subaccountItems: read.subaccountItems.count(),
        marketItems: read.marketItems.count(),
        expectedSubaccountItems: manifest.subaccountItems ?? 0,
        clients: clients.length,
      },
    };
  }

  private decodeMarket(
    headerItems: readonly Item[],
    manifest: ManifestItem,
    read: SnapshotRead,
  ): MarketDocument {
    const accepted: Array<{ symbol: string; seq: number; asset: MarketAssetDocument }> = [];
    for (const item of headerItems) {
      read.items.received++;
      const sk = item[SORT_KEY]?.S ?? '';
      if (sk === MANIFEST_SORT_KEY) {
        read.items.accepted++;
        continue;
      }
      if (!sk.startsWith('MARKET#')) {
        read.reject(item, 'unexpected item in the snapshot header partition');
        continue;
      }
      read.marketItems.received++;
      const decoded = decodeMarketAssetItem(item, manifest);
      if (!decoded.ok) {
        read.reject(item, decoded.reason);
        continue;
      }
      accepted.push(decoded.value);
      read.marketItems.accepted++;
      read.items.accepted++;
    }
    accepted.sort((a, b) => a.seq - b.seq || (a.symbol < b.symbol ? -1 : 1));
    const assets: Record<string, MarketAssetDocument> = {};
    for (const entry of accepted) assets[entry.symbol] = entry.asset;
    return { asOf: manifest.asOf, rate: manifest.rate, assets };
  }

  /** Runs `task` for shards 0..count−1 with at most `concurrency` in flight; stops at the first failure. */
  private async forEachShard(
    count: number,
    read: SnapshotRead,
    task: (shard: number) => Promise<void>,
  ): Promise<void> {
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (!failed && next < count) {
        const shard = next++;
        read.inFlight++;
        read.maxInFlight = Math.max(read.maxInFlight, read.inFlight);
        try {
          await task(shard);
        } catch (error) {
          failed = true;
          throw error;
        } finally {
          read.inFlight--;
        }
      }
    };
    const workers = Math.max(1, Math.min(this.options.concurrency ?? 8, count));
    await Promise.all(Array.from({ length: workers }, worker));
  }

  /** Every page of one partition, in sort-key order; `onPage` sees each page's items once. */
  private async queryPartition(
    asOf: string,
    pk: string,
    read: SnapshotRead,
    onPage: (items: readonly Item[]) => void,
  ): Promise<void> {
    let startKey: Item | undefined;
    do {
      let output: QueryCommandOutput;
      try {
        output = await this.client.send(
          new QueryCommand({
            TableName: this.options.tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': PARTITION_KEY },
            ExpressionAttributeValues: { ':pk': { S: pk } },
            ConsistentRead: this.options.consistentRead ?? true,
            ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
            ...(this.options.pageSize === undefined ? {} : { Limit: this.options.pageSize }),
          }),
        );
      } catch (error) {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw new SnapshotReadError(asOf, `Query on ${pk} failed: ${message}`, { cause: error });
      }
      read.pages++;
      onPage(output.Items ?? []);
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined);
  }
}
