/**
 * Port: the work area of a run — its input documents and each chunk's task outputs — shared by
 * the pipeline's steps (S3 in AWS, with a short lifecycle; the local S3 server locally). Step
 * payloads carry only run ids and chunk ids; every document is here, under
 * `runs/<runId>/<name>`.
 */
import { MarginfallError } from '../errors.js';

export interface StagingStore {
  /** Writes UTF-8 JSON text (already serialised, so bytes are the caller's). */
  putText(runId: string, name: string, text: string): Promise<void>;
  /** Throws `StagedObjectMissingError` when absent. */
  getText(runId: string, name: string): Promise<string>;
}

export class StagedObjectMissingError extends MarginfallError {
  override readonly name = 'StagedObjectMissingError';
  constructor(
    readonly runId: string,
    readonly objectName: string,
  ) {
    super(`run ${runId}: staged ${objectName} is missing`);
  }
}
