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

const ACCESS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent in the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EPIPE: 'the reading end of the pipe was closed',
};

/** A file that cannot be read or written; `path` "-" is stdout. */
export class FileAccessError extends Error {
  override readonly name = 'FileAccessError';
  constructor(
    readonly path: string,
    /** What the file holds, prefixed with "write " when it was being written: "book", "write result". */
    readonly role: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const reason = (code && ACCESS_REASONS[code]) ?? (cause instanceof Error ? cause.message : String(cause));
    const writing = role.startsWith('write ');
    const what = role.replace(/^write /, '');
    const target = path === '-' ? `${what} to stdout` : `${what} file ${path}`;
    super(`cannot ${writing ? 'write' : 'read'} ${target}: ${reason}`, { cause });
  }
}

/**
 * A wrong command line: our own CliUsageError, or the TypeError node:util parseArgs throws (code
 * ERR_PARSE_ARGS_*) for an unknown option, a positional argument or an option without its value.
 */
export function isUsageError(error: unknown): error is Error {
  if (error instanceof CliUsageError) return true;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** One line for the user: expected errors by message, anything else without its stack. */
export function formatCliError(error: unknown): string {
  if (
    error instanceof MarginfallError ||
    isUsageError(error) ||
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
