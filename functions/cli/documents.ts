/** Reads the four input documents from files, naming the file in every error. */
import { readFile } from 'node:fs/promises';
import type { CalculationDocuments } from '../core/calculation/calculate.js';
import { MalformedJsonError, MarginfallError } from '../core/errors.js';
import { parseJsonDocument } from '../core/json.js';
import { FileAccessError } from './cli-errors.js';

export type DocumentFiles = Record<keyof CalculationDocuments, string>;

export async function readDocumentFile(path: string, role: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FileAccessError(path, role, error);
  }
  const documentName = `${role} file ${path}`;
  try {
    return parseJsonDocument(text, documentName);
  } catch (error) {
    throw locateJsonError(error, text, documentName);
  }
}

export async function readDocuments(files: DocumentFiles): Promise<CalculationDocuments> {
  const [book, market, params, scenarios] = await Promise.all([
    readDocumentFile(files.book, 'book'),
    readDocumentFile(files.market, 'market'),
    readDocumentFile(files.params, 'params'),
    readDocumentFile(files.scenarios, 'scenarios'),
  ]);
  return { book, market, params, scenarios };
}

/**
 * V8 (Node 20) reports most JSON syntax errors as a character offset ("in JSON at position 8123")
 * and a truncated file as "Unexpected end of JSON input"; in a 200 kB book neither is easy to
 * find, so both get a 1-based line and column. Any other error of the parser is reported as
 * malformed JSON of this file rather than as an unexpected error.
 */
function locateJsonError(error: unknown, text: string, documentName: string): unknown {
  if (!(error instanceof MarginfallError)) {
    return new MalformedJsonError(documentName, error instanceof Error ? error.message : String(error));
  }
  if (!(error instanceof MalformedJsonError) || /\bline \d+/.test(error.reason)) return error;
  const offset = /at position (\d+)/.exec(error.reason)?.[1];
  const position =
    offset !== undefined ? Number(offset) : /end of JSON input/.test(error.reason) ? text.length : undefined;
  if (position === undefined || position > text.length) return error;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return new MalformedJsonError(documentName, `${error.reason} (line ${line} column ${column})`);
}
