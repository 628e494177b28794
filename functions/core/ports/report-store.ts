/**
 * Port: the report archive compliance browses — every published run's PDF, JSON report and
 * the inputs it was computed from, filed by business date.
 *
 * Contract:
 * - Nothing is overwritten. A run's artifacts are written once; writing a run id that is
 *   already archived fails with `ReportAlreadyExistsError`. A re-run gets a new run id (the
 *   caller chooses run ids; the store never invents one).
 * - A run is published complete or not at all: its artifacts are written first, then it is
 *   added to the day's index, then the latest pointer may move to it. Only runs listed in the
 *   day's index are readable; a failure part way leaves at most unreferenced artifacts, which
 *   `findUnpublishedRuns` reports.
 * - The day index and the latest pointer are the only objects that change.
 */
import { MarginfallError } from '../errors.js';

/** The three files archived for every run. */
export type ReportArtifactName = 'pdf' | 'json' | 'inputs';

export const REPORT_ARTIFACT_NAMES: readonly ReportArtifactName[] = ['pdf', 'json', 'inputs'];

/** Which run: the business date it reports on and its run id. */
export interface ReportRunRef {
  /** Business date `YYYY-MM-DD` the report is for (never the generation time). */
  readonly asOf: string;
  /** Caller-chosen, unique per run: 1–128 of `A–Z a–z 0–9 . _ -`, starting with a letter or digit. */
  readonly runId: string;
}

/** What the caller says about a run when archiving it; echoed in the day index. */
export interface ReportRun extends ReportRunRef {
  /** Instant the report was generated, ISO-8601 UTC (`2026-12-01T06:15:00.000Z`). */
  readonly generatedAt: string;
  /** The report's own status word (e.g. `complete`); the archive stores it, never interprets it. */
  readonly status: string;
  /**
   * Headline figures shown in the day index so a reader can compare runs without opening them,
   * e.g. `{ worstBadDebtUsd: 22646141, coverageRatio: 0.21, worstScenario: 'crash-historical' }`.
   * Numbers must be finite; units belong in the key name.
   */
  readonly headline: Readonly<Record<string, number | string>>;
  /**
   * SHA-256 (64 lowercase hex digits) of each input document by name (`book`, `market`,
   * `params`, `scenarios`): 1–32 of `a–z 0–9 -` per name, at most 16 names.
   */
  readonly inputHashes: Readonly<Record<string, string>>;
}

/** The bytes to archive; `json` and `inputs` are UTF-8 JSON documents. */
export interface ReportArtifacts {
  readonly pdf: Uint8Array;
  readonly json: Uint8Array;
  readonly inputs: Uint8Array;
}

export interface ArchivedArtifact {
  /** Object key, e.g. `reports/2026/11/30/r-20261201-0615/report.pdf`. */
  readonly key: string;
  readonly contentType: string;
  /** Size in bytes. */
  readonly size: number;
  /** SHA-256 of the stored bytes, 64 lowercase hex digits. */
  readonly sha256: string;
}

/** A run listed in its day's index: complete, and readable. */
export interface PublishedRun extends ReportRun {
  readonly artifacts: Readonly<Record<ReportArtifactName, ArchivedArtifact>>;
}

/** One artifact read back, after its bytes were checked against the published SHA-256. */
export interface StoredArtifact {
  readonly run: PublishedRun;
  readonly name: ReportArtifactName;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  /** The object's user metadata as stored (keys lowercase): `asof`, `run-id`, `sha256`, … */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface ReportStore {
  /**
   * Archives a run's artifacts, then publishes it: adds it to its day's index and moves the
   * latest pointer to it unless the pointer already names a later run (later `asOf`, then
   * later `generatedAt`). Throws `ReportAlreadyExistsError` if the run id is already
   * archived for that day, `InvalidReportRunError` for an unusable `run`, and
   * `ReportPublicationError` when storage fails (its `published` says whether the run made it
   * into the index).
   */
  putRunArtifacts(run: ReportRun, artifacts: ReportArtifacts): Promise<PublishedRun>;
  /** The runs published for a business date, oldest `generatedAt` first; empty if none. */
  listDay(asOf: string): Promise<readonly PublishedRun[]>;
  /**
   * One artifact of a published run (default the JSON report). Throws `ReportNotFoundError`
   * if the run is not in its day's index and `ReportIntegrityError` if the stored bytes are
   * missing or differ from what was published.
   */
  readReport(ref: ReportRunRef, artifact?: ReportArtifactName): Promise<StoredArtifact>;
  /** The run the latest pointer names (latest `asOf`, then `generatedAt`); undefined if none. */
  readLatest(): Promise<PublishedRun | undefined>;
  /** Run ids with archived artifacts for `asOf` that are not in its index (publication interrupted). */
  findUnpublishedRuns(asOf: string): Promise<readonly string[]>;
}

/** The run (or one of its artifacts) is already archived: the archive never overwrites. */
export class ReportAlreadyExistsError extends MarginfallError {
  override readonly name = 'ReportAlreadyExistsError';
  constructor(
    readonly asOf: string,
    readonly runId: string,
    /** The object found, or the day index that already lists the run. */
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(
      `report run ${runId} for ${asOf} is already archived (${key}); a re-run needs a new run id`,
      options,
    );
  }
}

/** No published run with this id for this date. */
export class ReportNotFoundError extends MarginfallError {
  override readonly name = 'ReportNotFoundError';
  constructor(
    readonly asOf: string,
    readonly runId: string,
  ) {
    super(`no published report run ${runId} for ${asOf}`);
  }
}

/** What the archive holds contradicts what it published: a missing, altered or malformed object. */
export class ReportIntegrityError extends MarginfallError {
  override readonly name = 'ReportIntegrityError';
  constructor(
    readonly key: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`report archive object ${key}: ${reason}`, options);
  }
}

/** The run description cannot be archived as given (bad date, run id, hash, figure). */
export class InvalidReportRunError extends MarginfallError {
  override readonly name = 'InvalidReportRunError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`report run: ${field}: ${reason}`);
  }
}

/**
 * Storage failed while archiving a run. `stage` is the step that failed: `artifacts` and
 * `index` leave the run unpublished (safe to re-run under a new run id); `latest` means the
 * run is published in its day's index but the latest pointer was not moved to it.
 */
export class ReportPublicationError extends MarginfallError {
  override readonly name = 'ReportPublicationError';
  readonly published: boolean;
  constructor(
    readonly asOf: string,
    readonly runId: string,
    readonly stage: 'artifacts' | 'index' | 'latest',
    options?: { cause?: unknown },
  ) {
    const published = stage === 'latest';
    super(
      `report run ${runId} for ${asOf}: storing the ${stage === 'artifacts' ? 'artifacts' : stage === 'index' ? 'day index' : 'latest pointer'} failed; the run is ${published ? 'published but not marked latest' : 'not published'}`,
      options,
    );
    this.published = published;
  }
}
