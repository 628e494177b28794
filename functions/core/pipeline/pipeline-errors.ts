/** Typed errors of the pipeline's steps (names ending in `InputError` are not retried). */
import { MarginfallError } from '../errors.js';

/** The run request cannot be carried out as asked: `field` names what is wrong. */
export class RunRequestInputError extends MarginfallError {
  override readonly name = 'RunRequestInputError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`run request: ${field}: ${reason}`);
  }
}

/** Publishing found chunks without stored outputs: the report would be partial, so none is built. */
export class ChunkOutputsMissingError extends MarginfallError {
  override readonly name = 'ChunkOutputsMissingError';
  constructor(
    readonly runId: string,
    readonly chunkIds: readonly number[],
  ) {
    super(
      `run ${runId}: the outputs of chunk${chunkIds.length === 1 ? '' : 's'} ${chunkIds.join(', ')} are missing`,
    );
  }
}

/** A compute step named a chunk the run's plan does not have. */
export class ChunkIdInputError extends MarginfallError {
  override readonly name = 'ChunkIdInputError';
  constructor(
    readonly runId: string,
    readonly chunkId: number,
    readonly chunks: number,
  ) {
    super(`run ${runId}: no chunk ${chunkId} (the plan has chunks 0 to ${chunks - 1})`);
  }
}

/** The email step ran for a run whose report is not published. */
export class ReportNotPublishedError extends MarginfallError {
  override readonly name = 'ReportNotPublishedError';
  constructor(readonly runId: string) {
    super(`run ${runId} has no published report to send`);
  }
}
