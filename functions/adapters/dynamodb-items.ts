/**
 * The items of the Marginfall table (see DYNAMODB-DESIGN.md beside this file): keys, zod
 * schemas and the codec between DynamoDB attribute values and the MODEL.md §8 forms.
 *
 * One table, string keys `pk` / `sk`, every item with `entity` and `schemaVersion`:
 *
 * | entity         | pk                        | sk                           |
 * | -------------- | ------------------------- | ---------------------------- |
 * | `manifest`     | `SNAP#<asOf>`             | `MANIFEST`                   |
 * | `market-asset` | `SNAP#<asOf>`             | `MARKET#<symbol>`            |
 * | `subaccount`   | `SNAP#<asOf>#<shard>`     | `CLIENT#<id>#VENUE#<venue>`  |
 * | `client`       | `SNAP#<asOf>#<shard>`     | `CLIENT#<id>` (no subaccount) |
 * | `run`          | `RUNS#<asOf>`             | `RUN#<runId>`                |
 *
 * Key components are percent-encoded (`encodeURIComponent`), so `#` never appears inside one
 * and a key maps back to exactly one (client, venue). Numbers are written with JavaScript's
 * shortest round-trip form (`String(x)`) and read with `Number()`, so every double comes back
 * bit for bit. Collateral and market assets are stored as ordered lists: sums of doubles depend
 * on their order, and a snapshot read back must give the same margin as its files.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { epochDay, parseIsoDate } from '../core/dates.js';
import type {
  ClientDocument,
  MarginModeName,
  MarketAssetDocument,
  PositionDocument,
  SubaccountDocument,
} from '../core/synthetic/documents.js';

export type Item = Record<string, AttributeValue>;

/** The schema version this code writes and reads; any other is rejected with its number. */
export const SCHEMA_VERSION = 1;
export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';
/** Epoch seconds after which DynamoDB TTL may delete the item (optional on every item). */
export const TTL_ATTRIBUTE = 'expiresAt';
export const MAX_SHARDS = 1000;

// ---------------------------------------------------------------------------------------------
// Keys

const encodeKeyPart = encodeURIComponent;

export function snapshotPartitionKey(asOf: string): string {
  return `SNAP#${asOf}`;
}

export function shardPartitionKey(asOf: string, shard: number): string {
  return `SNAP#${asOf}#${shard}`;
}

export const MANIFEST_SORT_KEY = 'MANIFEST';

export function marketSortKey(symbol: string): string {
  return `MARKET#${encodeKeyPart(symbol)}`;
}

export function clientSortKey(clientId: string): string {
  return `CLIENT#${encodeKeyPart(clientId)}`;
}

export function subaccountSortKey(clientId: string, venue: string): string {
  return `CLIENT#${encodeKeyPart(clientId)}#VENUE#${encodeKeyPart(venue)}`;
}

export function runPartitionKey(asOf: string): string {
  return `RUNS#${asOf}`;
}

export function runSortKey(runId: string): string {
  return `RUN#${encodeKeyPart(runId)}`;
}

/** `pk / sk` of an item, as rejections name it. */
export function itemKey(item: Item): string {
  const pk = item[PARTITION_KEY]?.S ?? '?';
  const sk = item[SORT_KEY]?.S ?? '?';
  return `${pk} / ${sk}`;
}

/**
 * The shard of a client: FNV-1a (32-bit) of its id's UTF-16 code units, modulo the shard count.
 * Stable across runs and platforms; every item of a client lives in this one shard.
 */
export function shardOf(clientId: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < clientId.length; i++) {
    hash ^= clientId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shardCount;
}

/** TTL value for a snapshot of `asOf` kept `retentionDays` days: midnight UTC of asOf + days, epoch seconds. */
export function expiryEpochSeconds(asOf: string, retentionDays: number): number {
  const date = parseIsoDate(asOf);
  if (!date) throw new RangeError(`asOf must be a date YYYY-MM-DD, got ${asOf}`);
  return (epochDay(date) + retentionDays) * 86_400;
}

// ---------------------------------------------------------------------------------------------
// Attribute values ⇄ plain values

type LooseAttributeValue = {
  S?: string;
  N?: string;
  M?: Record<string, AttributeValue>;
  L?: AttributeValue[];
  BOOL?: boolean;
  NULL?: boolean;
  SS?: string[];
  NS?: string[];
  B?: Uint8Array;
  BS?: Uint8Array[];
};

/** An attribute value as a plain value: N → number, M → object, L → array, sets → Set. */
export function fromAttributeValue(value: AttributeValue): unknown {
  const v = value as LooseAttributeValue;
  if (v.S !== undefined) return v.S;
  if (v.N !== undefined) return Number(v.N);
  if (v.M !== undefined) return fromAttributeMap(v.M);
  if (v.L !== undefined) {
    const out = new Array<unknown>(v.L.length);
    for (let i = 0; i < v.L.length; i++) out[i] = fromAttributeValue(v.L[i]!);
    return out;
  }
  if (v.BOOL !== undefined) return v.BOOL;
  if (v.NULL !== undefined) return null;
  if (v.SS !== undefined) return new Set(v.SS);
  if (v.NS !== undefined) return new Set(v.NS.map(Number));
  if (v.B !== undefined) return v.B;
  if (v.BS !== undefined) return new Set(v.BS);
  return undefined;
}

export function fromAttributeMap(map: Record<string, AttributeValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in map) out[key] = fromAttributeValue(map[key]!);
  return out;
}

const S = (value: string): AttributeValue => ({ S: value });
/** Shortest round-trip decimal form; callers pass finite numbers only. */
const N = (value: number): AttributeValue => ({ N: String(value) });

// ---------------------------------------------------------------------------------------------
// Schemas (on plain values, after fromAttributeValue)

const isoDate = z.string().refine((value) => parseIsoDate(value) !== undefined, 'must be a date YYYY-MM-DD');
const name = z.string().min(1, 'must not be empty');
const seq = z.number().int().min(0);
const positive = z.number().positive();

export const positionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('perp'), asset: name, qty: z.number(), entry: z.number() }),
  z.object({ type: z.literal('future'), asset: name, qty: z.number(), entry: z.number(), expiry: isoDate }),
  z.object({
    type: z.literal('option'),
    asset: name,
    right: z.enum(['call', 'put']),
    strike: positive,
    expiry: isoDate,
    qty: z.number(),
  }),
]);

const collateralEntry = z.object({ asset: name, qty: z.number() });
const marginMode = z.enum(['standard', 'portfolio']);

const snapshotItemBase = {
  pk: z.string(),
  sk: z.string(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  asOf: isoDate,
  loadId: name,
  [TTL_ATTRIBUTE]: z.number().int().positive().optional(),
};

export const manifestItemSchema = z
  .object({
    ...snapshotItemBase,
    entity: z.literal('manifest'),
    status: z.enum(['loading', 'complete']),
    shardCount: z.number().int().min(1).max(MAX_SHARDS),
    rate: z.number(),
    insuranceFund: z.number().min(0).optional(),
    clients: seq.optional(),
    subaccountItems: seq.optional(),
    marketItems: seq.optional(),
  })
  .superRefine((item, ctx) => {
    if (item.status !== 'complete') return;
    for (const field of ['insuranceFund', 'clients', 'subaccountItems', 'marketItems'] as const) {
      if (item[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'required once the snapshot is complete' });
      }
    }
  });

export const marketAssetItemSchema = z
  .object({
    ...snapshotItemBase,
    entity: z.literal('market-asset'),
    symbol: name,
    seq,
    kind: z.enum(['crypto', 'stablecoin']),
    price: positive,
    vol: positive,
    adv: positive.optional(),
    depth1pct: positive.optional(),
  })
  .superRefine((item, ctx) => {
    if (item.kind !== 'crypto') return;
    for (const field of ['adv', 'depth1pct'] as const) {
      if (item[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'required for a crypto asset' });
    }
  });

export const subaccountItemSchema = z.object({
  ...snapshotItemBase,
  entity: z.literal('subaccount'),
  clientId: name,
  venue: name,
  clientSeq: seq,
  subaccountSeq: seq,
  marginMode,
  collateral: z.array(collateralEntry),
  positions: z.array(positionSchema),
});

export const clientItemSchema = z.object({
  ...snapshotItemBase,
  entity: z.literal('client'),
  clientId: name,
  clientSeq: seq,
});

export type ManifestItem = z.infer<typeof manifestItemSchema>;
export type MarketAssetItem = z.infer<typeof marketAssetItemSchema>;
export type SubaccountItem = z.infer<typeof subaccountItemSchema>;

// ---------------------------------------------------------------------------------------------
// Reasons

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `number ${value}`;
  if (typeof value === 'boolean') return `boolean ${value}`;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Set) return 'a set';
  if (value instanceof Uint8Array) return 'binary';
  return 'a map';
}

/** One line per issue (at most three), naming the attribute path and what was found. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, 3).map((issue) => {
    const path = formatPath(issue.path);
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'invalid_type':
        return input === undefined
          ? `missing attribute ${path}`
          : `${path}: expected ${issue.expected}, got ${describeValue(input)}`;
      case 'too_small':
        return `${path}: must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}, got ${describeValue(input)}`;
      case 'too_big':
        return `${path}: must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}, got ${describeValue(input)}`;
      case 'invalid_value':
        return input === undefined
          ? `missing attribute ${path}`
          : `${path}: must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(input)}`;
      case 'invalid_union': {
        const discriminator = (issue as { discriminator?: string }).discriminator;
        if (discriminator) {
          const value = (input as Record<string, unknown> | undefined)?.[discriminator];
          const at = issue.path.at(-1) === discriminator ? path : formatPath([...issue.path, discriminator]);
          return value === undefined
            ? `missing attribute ${at}`
            : `${at}: must be perp, future or option, got ${describeValue(value)}`;
        }
        return `${path}: ${issue.message}`;
      }
      default:
        return path === '' ? issue.message : `${path}: ${issue.message}`;
    }
  });
  if (issues.length > 3) lines.push(`and ${issues.length - 3} more`);
  return lines.join('; ');
}

export type Decoded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

function parseWith<T>(schema: z.ZodType<T>, plain: unknown): Decoded<T> {
  const parsed = schema.safeParse(plain, { reportInput: true });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: describeIssues(parsed.error.issues) };
}

/** Checks the entity and schema version first, so that an item of another version says so. */
function checkEnvelope(item: Item, entity: string): string | undefined {
  const version = item.schemaVersion as LooseAttributeValue | undefined;
  if (version === undefined) return 'missing attribute schemaVersion';
  if (version.N !== undefined && Number(version.N) !== SCHEMA_VERSION)
    return `unsupported schemaVersion ${version.N} (this reader reads ${SCHEMA_VERSION})`;
  const kind = (item.entity as LooseAttributeValue | undefined)?.S;
  if (kind !== undefined && kind !== entity) return `entity ${kind} where ${entity} was expected`;
  return undefined;
}

/** The entity an item says it is (`undefined` when the attribute is missing or not a string). */
export function entityOf(item: Item): string | undefined {
  return (item.entity as LooseAttributeValue | undefined)?.S;
}

// ---------------------------------------------------------------------------------------------
// Snapshot items: encoding

export interface SnapshotItemContext {
  readonly asOf: string;
  readonly loadId: string;
  readonly shardCount: number;
  /** TTL (epoch seconds) for every item of the load, when the snapshot has a retention. */
  readonly expiresAt?: number;
}

function baseAttributes(context: SnapshotItemContext, pk: string, sk: string, entity: string): Item {
  const item: Item = {
    [PARTITION_KEY]: S(pk),
    [SORT_KEY]: S(sk),
    entity: S(entity),
    schemaVersion: N(SCHEMA_VERSION),
    asOf: S(context.asOf),
    loadId: S(context.loadId),
  };
  if (context.expiresAt !== undefined) item[TTL_ATTRIBUTE] = N(context.expiresAt);
  return item;
}

export interface ManifestFields {
  readonly status: 'loading' | 'complete';
  readonly rate: number;
  readonly insuranceFund?: number;
  readonly clients?: number;
  readonly subaccountItems?: number;
  readonly marketItems?: number;
}

export function encodeManifestItem(context: SnapshotItemContext, fields: ManifestFields): Item {
  const item = baseAttributes(context, snapshotPartitionKey(context.asOf), MANIFEST_SORT_KEY, 'manifest');
  item.status = S(fields.status);
  item.shardCount = N(context.shardCount);
  item.rate = N(fields.rate);
  for (const field of ['insuranceFund', 'clients', 'subaccountItems', 'marketItems'] as const) {
    const value = fields[field];
    if (value !== undefined) item[field] = N(value);
  }
  return item;
}

export function encodeMarketAssetItem(
  context: SnapshotItemContext,
  symbol: string,
  seqNo: number,
  asset: MarketAssetDocument,
): Item {
  const item = baseAttributes(
    context,
    snapshotPartitionKey(context.asOf),
    marketSortKey(symbol),
    'market-asset',
  );
  item.symbol = S(symbol);
  item.seq = N(seqNo);
  item.kind = S(asset.kind);
  item.price = N(asset.price);
  item.vol = N(asset.vol);
  if (asset.kind === 'crypto') {
    item.adv = N(asset.adv);
    item.depth1pct = N(asset.depth1pct);
  }
  return item;
}

function encodePosition(position: PositionDocument): AttributeValue {
  const m: Item = { type: S(position.type), asset: S(position.asset) };
  switch (position.type) {
    case 'perp':
      m.qty = N(position.qty);
      m.entry = N(position.entry);
      break;
    case 'future':
      m.qty = N(position.qty);
      m.entry = N(position.entry);
      m.expiry = S(position.expiry);
      break;
    case 'option':
      m.right = S(position.right);
      m.strike = N(position.strike);
      m.expiry = S(position.expiry);
      m.qty = N(position.qty);
      break;
  }
  return { M: m };
}

export function encodeSubaccountItem(
  context: SnapshotItemContext,
  clientId: string,
  clientSeq: number,
  subaccountSeq: number,
  subaccount: SubaccountDocument,
): Item {
  const pk = shardPartitionKey(context.asOf, shardOf(clientId, context.shardCount));
  const item = baseAttributes(context, pk, subaccountSortKey(clientId, subaccount.venue), 'subaccount');
  item.clientId = S(clientId);
  item.venue = S(subaccount.venue);
  item.clientSeq = N(clientSeq);
  item.subaccountSeq = N(subaccountSeq);
  item.marginMode = S(subaccount.marginMode);
  const collateral: AttributeValue[] = [];
  for (const asset in subaccount.collateral) {
    collateral.push({ M: { asset: S(asset), qty: N(subaccount.collateral[asset]!) } });
  }
  item.collateral = { L: collateral };
  item.positions = { L: subaccount.positions.map(encodePosition) };
  return item;
}

/** Marks a client that has no subaccount, so that it is still one (empty) client when read back. */
export function encodeClientItem(context: SnapshotItemContext, clientId: string, clientSeq: number): Item {
  const pk = shardPartitionKey(context.asOf, shardOf(clientId, context.shardCount));
  const item = baseAttributes(context, pk, clientSortKey(clientId), 'client');
  item.clientId = S(clientId);
  item.clientSeq = N(clientSeq);
  return item;
}

// ---------------------------------------------------------------------------------------------
// Snapshot items: decoding

/** What the reader knows about the snapshot when it decodes a shard's items. */
export interface ShardContext {
  readonly asOf: string;
  readonly loadId: string;
  readonly shardCount: number;
  readonly shard: number;
  /** Symbols of the accepted market assets (and `USD`, the numeraire). */
  readonly assets: ReadonlySet<string>;
}

export interface DecodedSubaccount {
  readonly clientId: string;
  readonly clientSeq: number;
  readonly subaccountSeq: number;
  readonly subaccount: SubaccountDocument;
}

export interface DecodedClient {
  readonly clientId: string;
  readonly clientSeq: number;
}

function checkSnapshotIdentity(
  item: { pk: string; sk: string; asOf: string; loadId: string },
  expected: { pk: string; sk: string; asOf: string; loadId: string },
): string | undefined {
  if (item.asOf !== expected.asOf) return `asOf ${item.asOf} in the partition of ${expected.asOf}`;
  if (item.pk !== expected.pk)
    return `stored under ${item.pk} but belongs under ${expected.pk} (a stray or duplicate copy)`;
  if (item.sk !== expected.sk)
    return `sort key ${item.sk} does not match its attributes (expected ${expected.sk})`;
  if (item.loadId !== expected.loadId)
    return `left by an earlier load (loadId ${item.loadId}; the snapshot's load is ${expected.loadId})`;
  return undefined;
}

/**
 * Why the assets of a subaccount cannot be used: an unknown symbol or a collateral asset listed
 * twice. `label(i)` names collateral entry i in the reason (`collateral[2]`, `collateral.BTC`).
 */
function checkAssets(
  collateral: readonly string[],
  positions: readonly { asset: string }[],
  assets: ReadonlySet<string>,
  label: (index: number) => string,
): string | undefined {
  for (let i = 0; i < collateral.length; i++) {
    const asset = collateral[i]!;
    if (!assets.has(asset)) return `${label(i)}: unknown asset ${asset}: not in the market snapshot`;
    for (let j = 0; j < i; j++) {
      if (collateral[j] === asset) return `duplicate key: collateral asset ${asset} is listed twice`;
    }
  }
  for (let k = 0; k < positions.length; k++) {
    const asset = positions[k]!.asset;
    if (!assets.has(asset))
      return `positions[${k}].asset: unknown asset ${asset}: not in the market snapshot`;
  }
  return undefined;
}

export function decodeSubaccountItem(item: Item, context: ShardContext): Decoded<DecodedSubaccount> {
  const envelope = checkEnvelope(item, 'subaccount');
  if (envelope) return { ok: false, reason: envelope };
  const parsed = parseWith(subaccountItemSchema, fromAttributeMap(item));
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const identity = checkSnapshotIdentity(v, {
    pk: shardPartitionKey(context.asOf, shardOf(v.clientId, context.shardCount)),
    sk: subaccountSortKey(v.clientId, v.venue),
    asOf: context.asOf,
    loadId: context.loadId,
  });
  if (identity) return { ok: false, reason: identity };
  const assets = checkAssets(
    v.collateral.map((entry) => entry.asset),
    v.positions,
    context.assets,
    (i) => `collateral[${i}].asset`,
  );
  if (assets) return { ok: false, reason: assets };
  const collateral: Record<string, number> = {};
  for (const entry of v.collateral) collateral[entry.asset] = entry.qty;
  return {
    ok: true,
    value: {
      clientId: v.clientId,
      clientSeq: v.clientSeq,
      subaccountSeq: v.subaccountSeq,
      subaccount: {
        venue: v.venue,
        marginMode: v.marginMode,
        collateral,
        positions: v.positions as PositionDocument[],
      },
    },
  };
}

export function decodeClientItem(item: Item, context: ShardContext): Decoded<DecodedClient> {
  const envelope = checkEnvelope(item, 'client');
  if (envelope) return { ok: false, reason: envelope };
  const parsed = parseWith(clientItemSchema, fromAttributeMap(item));
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const identity = checkSnapshotIdentity(v, {
    pk: shardPartitionKey(context.asOf, shardOf(v.clientId, context.shardCount)),
    sk: clientSortKey(v.clientId),
    asOf: context.asOf,
    loadId: context.loadId,
  });
  if (identity) return { ok: false, reason: identity };
  return { ok: true, value: { clientId: v.clientId, clientSeq: v.clientSeq } };
}

export function decodeManifestItem(item: Item, asOf: string): Decoded<ManifestItem> {
  const envelope = checkEnvelope(item, 'manifest');
  if (envelope) return { ok: false, reason: envelope };
  const parsed = parseWith(manifestItemSchema, fromAttributeMap(item));
  if (parsed.ok && parsed.value.asOf !== asOf)
    return { ok: false, reason: `asOf ${parsed.value.asOf} in the partition of ${asOf}` };
  return parsed;
}

export interface DecodedMarketAsset {
  readonly symbol: string;
  readonly seq: number;
  readonly asset: MarketAssetDocument;
}

export function decodeMarketAssetItem(
  item: Item,
  context: { readonly asOf: string; readonly loadId: string },
): Decoded<DecodedMarketAsset> {
  const envelope = checkEnvelope(item, 'market-asset');
  if (envelope) return { ok: false, reason: envelope };
  const parsed = parseWith(marketAssetItemSchema, fromAttributeMap(item));
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const identity = checkSnapshotIdentity(v, {
    pk: snapshotPartitionKey(context.asOf),
    sk: marketSortKey(v.symbol),
    asOf: context.asOf,
    loadId: context.loadId,
  });
  if (identity) return { ok: false, reason: identity };
  const asset: MarketAssetDocument =
    v.kind === 'crypto'
      ? { kind: 'crypto', price: v.price, vol: v.vol, adv: v.adv!, depth1pct: v.depth1pct! }
      : { kind: 'stablecoin', price: v.price, vol: v.vol };
  return { ok: true, value: { symbol: v.symbol, seq: v.seq, asset } };
}

// ---------------------------------------------------------------------------------------------
// Input documents (files, upstream systems) → values the encoder accepts

const fileMarketAssetSchema = z
  .object({
    kind: z.enum(['crypto', 'stablecoin']),
    price: positive,
    vol: positive,
    adv: positive.optional(),
    depth1pct: positive.optional(),
  })
  .superRefine((asset, ctx) => {
    if (asset.kind !== 'crypto') return;
    for (const field of ['adv', 'depth1pct'] as const) {
      if (asset[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'required for a crypto asset' });
    }
  });

/** A market asset of a §8 market document, or why it cannot be stored. */
export function parseMarketAsset(raw: unknown): Decoded<MarketAssetDocument> {
  const parsed = parseWith(fileMarketAssetSchema, raw);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return {
    ok: true,
    value:
      v.kind === 'crypto'
        ? { kind: 'crypto', price: v.price, vol: v.vol, adv: v.adv!, depth1pct: v.depth1pct! }
        : { kind: 'stablecoin', price: v.price, vol: v.vol },
  };
}

const fileSubaccountSchema = z.object({
  venue: name,
  marginMode,
  collateral: z.record(z.string(), z.number()).optional(),
  positions: z.array(positionSchema).optional(),
});

/** A subaccount of a §8 book document, or why it cannot be stored (`assets`: the market's symbols and USD). */
export function parseSubaccount(raw: unknown, assets: ReadonlySet<string>): Decoded<SubaccountDocument> {
  const parsed = parseWith(fileSubaccountSchema, raw);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const collateral = v.collateral ?? {};
  const positions = (v.positions ?? []) as PositionDocument[];
  const symbols = Object.keys(collateral);
  const problem = checkAssets(symbols, positions, assets, (i) => `collateral.${symbols[i]}`);
  if (problem) return { ok: false, reason: problem };
  return {
    ok: true,
    value: { venue: v.venue, marginMode: v.marginMode as MarginModeName, collateral, positions },
  };
}

/** The client id of a §8 client record and its subaccount list, or why the client cannot be stored. */
export function parseClientShell(raw: unknown): Decoded<{ id: string; subaccounts: readonly unknown[] }> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'a client must be an object' };
  const record = raw as Partial<Record<keyof ClientDocument, unknown>>;
  if (typeof record.id !== 'string' || record.id === '')
    return {
      ok: false,
      reason: record.id === undefined ? 'missing attribute id' : 'id must be a non-empty string',
    };
  if (!Array.isArray(record.subaccounts)) return { ok: false, reason: 'subaccounts must be a list' };
  return { ok: true, value: { id: record.id, subaccounts: record.subaccounts } };
}
