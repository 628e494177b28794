/**
 * Typed errors of the core. Each has a stable `name` and a message written for the person
 * who supplied the input; none carries HTTP or process concerns (the edges map them).
 *
 * Expected per-record problems are NOT errors: they are returned as `rejected` records
 * (see model/rejection.ts). These errors are for what cannot be skipped.
 */
export class MarginfallError extends Error {
  override readonly name: string = 'MarginfallError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A whole input document is unusable: wrong shape, invalid document-level field. */
export class InvalidDocumentError extends MarginfallError {
  override readonly name = 'InvalidDocumentError';
  constructor(
    readonly document: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${document}: ${field ? `${field}: ` : ''}${reason}`);
  }
}

/** The risk parameters are invalid: nothing can be computed with them. */
export class InvalidParamsError extends MarginfallError {
  override readonly name = 'InvalidParamsError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`params: ${field}: ${reason}`);
  }
}

/** The book and the market describe different business dates. */
export class AsOfMismatchError extends MarginfallError {
  override readonly name = 'AsOfMismatchError';
  constructor(
    readonly bookAsOf: string,
    readonly marketAsOf: string,
  ) {
    super(`book asOf ${bookAsOf} does not match market asOf ${marketAsOf}`);
  }
}

/** A document is not parseable JSON. */
export class MalformedJsonError extends MarginfallError {
  override readonly name = 'MalformedJsonError';
  constructor(
    readonly document: string,
    readonly reason: string,
  ) {
    super(`${document}: not valid JSON: ${reason}`);
  }
}
