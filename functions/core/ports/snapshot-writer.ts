/**
 * Port: stores one business date's end-of-day snapshot (book and market, MODEL.md §8 forms) so
 * that a `PositionSource` can read it back.
 *
 * Input records are untrusted (they come from files or upstream systems): a writer validates
 * each one and lists those it refuses with their path in the book and the reason, as the
 * calculation does (MODEL.md §1.4). A snapshot becomes readable only once it is complete, so a
 * reader never sees half of a load.
 */
import { MarginfallError } from '../errors.js';

export interface SnapshotDocuments {
  /** ISO business date `YYYY-MM-DD`; the market's and the book's `asOf` must equal it. */
  readonly asOf: string;
  /** The market document (§8 form), validated before anything is written. */
  readonly market: unknown;
  /** The book's clients (§8 form), in book order; each is validated and written as it arrives. */
  readonly clients: Iterable<unknown> | AsyncIterable<unknown>;
  /**
   * The book's insurance fund (USD ≥ 0). Called once the clients are exhausted: a streamed book
   * may only know it then.
   */
  readonly insuranceFund: () => unknown;
}

/** A book or market record the writer refused; `path` is relative to its document (`clients[3].subaccounts[1]`). */
export interface RefusedRecord {
  readonly document: 'book' | 'market';
  readonly path: string;
  readonly reason: string;
}

export interface SnapshotWriteReport {
  readonly asOf: string;
  /** Identifies this load; a reader ignores items left by earlier loads of the same date. */
  readonly loadId: string;
  readonly clients: number;
  /** Items stored: one per (client, venue), one per market asset, the header. */
  readonly subaccountItems: number;
  readonly marketItems: number;
  readonly refused: readonly RefusedRecord[];
  /** Write requests sent (first attempts and retries). */
  readonly requests: number;
  /** Items the store sent back unprocessed and that were retried. */
  readonly retriedItems: number;
}

export interface SnapshotWriter {
  /** Stores the snapshot; throws `SnapshotWriteError` when it cannot be completed. */
  writeSnapshot(documents: SnapshotDocuments): Promise<SnapshotWriteReport>;
}

/** The snapshot could not be stored completely; it stays unreadable (not marked complete). */
export class SnapshotWriteError extends MarginfallError {
  override readonly name = 'SnapshotWriteError';
  constructor(
    readonly asOf: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot store the snapshot for asOf ${asOf}: ${reason}`, options);
  }
}
