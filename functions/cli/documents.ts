/** Reads the four input documents from files, naming the file in every error. */
import { readFile } from 'node:fs/promises';
import type { CalculationDocuments } from '../core/calculation/calculate.js';
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
  return parseJsonDocument(text, `${role} file ${path}`);
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
