/**
 * Port: where the daily job gets one business date's end-of-day snapshot — every client's
 * subaccounts, collateral and positions, the market data and the insurance fund.
 *
 * A source returns the book and the market in their interchange forms (MODEL.md §8): the
 * calculation validates them again as it validates files, so a source only has to guarantee
 * that each record it hands over came from a well-formed stored item. Items it cannot use are
 * listed in `rejected` with their storage key and the reason, and counted: for every item kind,
 * read = accepted + rejected.
 */
import { MarginfallError } from '../errors.js';
import type { RecordCount } from '../model/rejection.js';
import type { BookDocument, MarketDocument } from '../synthetic/documents.js';

/** A stored item that was read but not used. */
export interface RejectedItem {
  /** The item's storage key, e.g. `SNAP#2026-11-30#3 / CLIENT#C0000042#VENUE#venue-a`. */
  readonly key: string;
  readonly reason: string;
  /** The client the item belongs to, when it could be read. */
  readonly clientId?: string;
}

export interface SnapshotReadStats {
  /** Partitions (shards) the positions are spread over, each read by its own request chain. */
  readonly shards: number;
  /** Pages (requests that returned data) over the header partition and every shard. */
  readonly pages: number;
  /** Most shard reads in flight at once. */
  readonly maxInFlight: number;
  /** Every item read, of any kind: items.received = items.accepted + items.rejected. */
  readonly items: RecordCount;
  /** Position items (one per client and venue). */
  readonly subaccountItems: RecordCount;
  /** Market items (one per asset). */
  readonly marketItems: RecordCount;
  /** Position items the writer recorded when it completed the snapshot. */
  readonly expectedSubaccountItems: number;
  readonly clients: number;
}

export interface PositionSnapshot {
  readonly asOf: string;
  /** Clients in the order they were loaded (the book file's order), subaccounts likewise. */
  readonly book: BookDocument;
  readonly market: MarketDocument;
  readonly rejected: readonly RejectedItem[];
  readonly stats: SnapshotReadStats;
}

export interface PositionSource {
  /**
   * The snapshot for `asOf` (ISO date). Throws `NoPositionsError` when the date has none,
   * `SnapshotIncompleteError` when its load has not finished, `SnapshotHeaderError` when its
   * header is unusable and `SnapshotReadError` when the store fails.
   */
  readSnapshot(asOf: string): Promise<PositionSnapshot>;
}

/** No snapshot was loaded for the date: the report must not run on an empty book. */
export class NoPositionsError extends MarginfallError {
  override readonly name = 'NoPositionsError';
  constructor(readonly asOf: string) {
    super(`no positions for asOf ${asOf}: no snapshot was loaded for that date`);
  }
}

/** A snapshot exists but its load has not completed (still running, or it failed half way). */
export class SnapshotIncompleteError extends MarginfallError {
  override readonly name = 'SnapshotIncompleteError';
  constructor(
    readonly asOf: string,
    readonly status: string,
  ) {
    super(`the snapshot for asOf ${asOf} is incomplete (status ${status}): its load has not finished`);
  }
}

/** The snapshot's header (the item that says how it is stored) is unusable. */
export class SnapshotHeaderError extends MarginfallError {
  override readonly name = 'SnapshotHeaderError';
  constructor(
    readonly asOf: string,
    readonly key: string,
    readonly reason: string,
  ) {
    super(`the snapshot header for asOf ${asOf} (${key}) is unusable: ${reason}`);
  }
}

/** The store failed while the snapshot was read (after its own retries). */
export class SnapshotReadError extends MarginfallError {
  override readonly name = 'SnapshotReadError';
  constructor(
    readonly asOf: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot read the snapshot for asOf ${asOf}: ${reason}`, options);
  }
}
