import { MarginfallError } from '../errors.js';

/** The report cannot be built from what it was given (inconsistent result and identity, bad digest, …). */
export class ReportInputError extends MarginfallError {
  override readonly name = 'ReportInputError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`report: ${field}: ${reason}`);
  }
}
