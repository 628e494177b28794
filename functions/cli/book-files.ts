/**
 * Book and market files (MODEL.md §8 forms) written and read as streams, so that a book of
 * hundreds of thousands of clients never has to be held as one string or one parsed document.
 *
 * `writeSnapshotFiles` writes `book.json` one client per line:
 *
 *     {"asOf":"2026-11-30","clients":[
 *     {"id":"C0000000","subaccounts":[…]},
 *     …
 *     {"id":"C0099999","subaccounts":[…]}
 *     ],"insuranceFund":12300000}
 *
 * which is ordinary JSON (the insurance fund comes last because a streamed synthetic book
 * knows it only after its last client). `openBookFile` streams a file in that layout line by
 * line and falls back to parsing the whole document for any other layout.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { type FileHandle, mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { InvalidDocumentError, MalformedJsonError } from '../core/errors.js';
import type { MarketDocument } from '../core/synthetic/documents.js';
import { FileAccessError } from './cli-errors.js';
import { readDocumentFile } from './documents.js';

export const BOOK_FILE = 'book.json';
export const MARKET_FILE = 'market.json';

export interface SnapshotFilesInput {
  readonly asOf: string;
  readonly market: MarketDocument;
  readonly clients: Iterable<unknown>;
  /** Called once the clients are exhausted. */
  readonly insuranceFund: () => number;
}

export interface SnapshotFiles {
  readonly bookPath: string;
  readonly marketPath: string;
  readonly clients: number;
}

/** Writes DIR/market.json and DIR/book.json (each to a temporary name first, then renamed). */
export async function writeSnapshotFiles(dir: string, input: SnapshotFilesInput): Promise<SnapshotFiles> {
  const bookPath = join(dir, BOOK_FILE);
  const marketPath = join(dir, MARKET_FILE);
  let clients = 0;
  try {
    await mkdir(dir, { recursive: true });
    const marketStream = createWriteStream(`${marketPath}.partial`);
    marketStream.end(`${JSON.stringify(input.market, null, 1)}\n`);
    await once(marketStream, 'finish');

    const book = createWriteStream(`${bookPath}.partial`);
    const failed = once(book, 'error').then(([error]) => Promise.reject(error));
    failed.catch(() => {});
    let chunk = `{"asOf":${JSON.stringify(input.asOf)},"clients":[`;
    for (const client of input.clients) {
      chunk += `${clients === 0 ? '' : ','}\n${JSON.stringify(client)}`;
      clients++;
      if (chunk.length >= 1 << 16) {
        if (!book.write(chunk)) await Promise.race([once(book, 'drain'), failed]);
        chunk = '';
      }
    }
    chunk += `\n],"insuranceFund":${JSON.stringify(input.insuranceFund())}}\n`;
    book.end(chunk);
    await Promise.race([once(book, 'finish'), failed]);
    await rename(`${marketPath}.partial`, marketPath);
    await rename(`${bookPath}.partial`, bookPath);
  } catch (error) {
    throw new FileAccessError(dir, 'write snapshot', error);
  }
  return { bookPath, marketPath, clients };
}

export interface BookFile {
  readonly path: string;
  readonly asOf: unknown;
  /** The client records, unvalidated, in file order. Iterate once. */
  readonly clients: AsyncIterable<unknown>;
  /** The document's `insuranceFund`; available once `clients` is exhausted. */
  insuranceFund(): unknown;
}

const STREAM_HEADER = /^\{"asOf":("(?:[^"\\]|\\.)*"),"clients":\[$/;
const STREAM_FOOTER = /^\],"insuranceFund":(.*)\}$/;

function parseLine(text: string, path: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedJsonError(
      `book file ${path} line ${line}`,
      error instanceof Error ? error.message : String(error),
    );
  }
}

/** Opens a book file: streamed when it has the one-client-per-line layout, parsed whole otherwise. */
export async function openBookFile(path: string): Promise<BookFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new FileAccessError(path, 'book', error);
  }
  const input = handle.createReadStream({ encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  const header = first.done ? undefined : STREAM_HEADER.exec(first.value);
  if (!header) {
    lines.return?.();
    input.destroy();
    return openWholeBookFile(path);
  }

  let fund: unknown;
  let finished = false;
  async function* clients(): AsyncGenerator<unknown> {
    let lineNo = 1;
    for (;;) {
      const next = await lines.next();
      if (next.done)
        throw new MalformedJsonError(`book file ${path}`, 'unexpected end of file (no closing "]")');
      lineNo++;
      const text = next.value;
      const footer = STREAM_FOOTER.exec(text);
      if (footer) {
        fund = parseLine(footer[1]!, path, lineNo);
        finished = true;
        input.destroy();
        return;
      }
      yield parseLine(
        text.startsWith(',') ? text.slice(1) : text.endsWith(',') ? text.slice(0, -1) : text,
        path,
        lineNo,
      );
    }
  }
  return {
    path,
    asOf: JSON.parse(header[1]!),
    clients: clients(),
    insuranceFund() {
      if (!finished) throw new Error(`book file ${path}: the insurance fund is read after the clients`);
      return fund;
    },
  };
}

async function openWholeBookFile(path: string): Promise<BookFile> {
  const document = await readDocumentFile(path, 'book');
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new InvalidDocumentError('book', '', 'must be a JSON object');
  const record = document as Record<string, unknown>;
  if (!Array.isArray(record.clients))
    throw new InvalidDocumentError('book', 'clients', 'must be a list of clients');
  const list: unknown[] = record.clients;
  async function* clients(): AsyncGenerator<unknown> {
    yield* list;
  }
  return { path, asOf: record.asOf, clients: clients(), insuranceFund: () => record.insuranceFund };
}

/** The market document of a snapshot directory. */
export function readMarketFile(path: string): Promise<unknown> {
  return readDocumentFile(path, 'market');
}
