/**
 * Records that were received but not used (MODEL.md §1.4), and warnings about records that
 * were used as-is but deserve a look (expired instruments, scenario keys for unknown assets).
 *
 * Paths are relative to their document: `clients[3].subaccounts[0].positions[2]`,
 * `clients[0].subaccounts[1].collateral.BTC`, `assets.SOL` (market), `scenarios[4]`.
 */
export type DocumentName = 'book' | 'market' | 'scenarios';

export interface RejectedRecord {
  readonly document: DocumentName;
  readonly path: string;
  readonly reason: string;
  /** The client the record belongs to, when it is part of the book and the id is known. */
  readonly clientId?: string;
  /** The venue of the subaccount the record belongs to, when known. */
  readonly venue?: string;
}

export interface Warning {
  readonly document: DocumentName;
  readonly path: string;
  readonly message: string;
}

/** How many records of each kind were received, accepted and rejected. accepted + rejected = received. */
export interface RecordCount {
  readonly received: number;
  readonly accepted: number;
  readonly rejected: number;
}

/** Collects rejections and warnings while a document is validated. */
export class ValidationLog {
  readonly rejected: RejectedRecord[] = [];
  readonly warnings: Warning[] = [];

  reject(record: RejectedRecord): void {
    this.rejected.push(record);
  }

  warn(document: DocumentName, path: string, message: string): void {
    this.warnings.push({ document, path, message });
  }
}
