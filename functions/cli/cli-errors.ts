import {
  AsOfMismatchError,
  InvalidDocumentError,
  InvalidParamsError,
  MarginfallError,
} from '../core/errors.js';

/** Wrong or missing command-line options. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** A file that cannot be read or written. */
export class FileAccessError extends Error {
  override readonly name = 'FileAccessError';
  constructor(
    readonly path: string,
    readonly role: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a directory'
            : cause instanceof Error
              ? cause.message
              : String(cause);
    super(
      `cannot ${role.startsWith('write') ? 'write' : 'read'} ${role.replace(/^write /, '')} file ${path}: ${reason}`,
      {
        cause,
      },
    );
  }
}

/** One line for the user: expected errors by message, anything else without its stack. */
export function formatCliError(error: unknown): string {
  if (
    error instanceof MarginfallError ||
    error instanceof CliUsageError ||
    error instanceof FileAccessError ||
    error instanceof InputFileError
  ) {
    return error.message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message}`;
}

/** An input document problem, with the file it came from. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
}

/** Adds the file path to a document-level error of the core. */
export function withFileContext(error: unknown, files: Readonly<Record<string, string>>): unknown {
  if (error instanceof InvalidDocumentError) {
    const field = error.field ? ` field "${error.field}"` : '';
    return new InputFileError(`${error.document} file ${files[error.document]}${field}: ${error.reason}`, {
      cause: error,
    });
  }
  if (error instanceof InvalidParamsError) {
    return new InputFileError(`params file ${files.params} field "${error.field}": ${error.reason}`, {
      cause: error,
    });
  }
  if (error instanceof AsOfMismatchError) {
    return new InputFileError(
      `book file ${files.book} has asOf ${error.bookAsOf} but market file ${files.market} has asOf ${error.marketAsOf}; they must describe the same business date`,
      { cause: error },
    );
  }
  return error;
}
