/**
 * `marginfall load`: imports a book and a market file (MODEL.md §8 forms) into the DynamoDB
 * table, and/or makes a risk-parameter file the active parameters of the report runs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbParamsSource } from '../../adapters/dynamodb-params-source.js';
import { DynamoDbSnapshotWriter } from '../../adapters/dynamodb-snapshot-writer.js';
import { createDynamoDbClient, ensureTable } from '../../adapters/dynamodb-table.js';
import { parseIsoDate } from '../../core/dates.js';
import type { SnapshotDocuments, SnapshotWriteReport } from '../../core/ports/snapshot-writer.js';
import { ConfigError, type DynamoDbConfig, loadConfig } from '../../shared/config.js';
import { BOOK_FILE, MARKET_FILE, openBookFile, readMarketFile } from '../book-files.js';
import { CliUsageError, FileAccessError, InputFileError, withFileContext } from '../cli-errors.js';
import { readDocumentFile } from '../documents.js';

const HELP = `Usage: marginfall load --asof D --from DIR [--table T] [--endpoint URL] [--shards N]
                       [--retention-days N] [--quiet]
       marginfall load --params FILE [--table T] [--endpoint URL]

Imports DIR/${BOOK_FILE} and DIR/${MARKET_FILE} (both for business date D) into the table as
the end-of-day snapshot of D, replacing an earlier load of D. Records that cannot be stored
(unknown asset, missing field, duplicate id or venue, …) are listed and skipped.

  --asof D              business date YYYY-MM-DD; both files must carry it
  --from DIR            the directory holding ${BOOK_FILE} and ${MARKET_FILE}
  --table T             table name (default: MARGINFALL_TABLE, else "marginfall")
  --endpoint URL        DynamoDB endpoint, e.g. a local server (default: MARGINFALL_DYNAMODB_ENDPOINT,
                        else AWS); with an endpoint the table is created when missing
  --shards N            partitions per business date (default: MARGINFALL_SNAPSHOT_SHARDS, else 16)
  --retention-days N    let DynamoDB TTL delete the snapshot N days after D
  --params FILE         make the risk-parameter file (MODEL.md §8) the active parameters of the
                        report runs, after checking it (with --asof/--from: both are loaded)
  --quiet               no progress on stderr
`;

/** Options shared by the commands that write to the table. */
export const TABLE_OPTIONS = {
  table: { type: 'string' },
  endpoint: { type: 'string' },
  shards: { type: 'string' },
  'retention-days': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

export interface TableFlags {
  readonly table?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly shards?: string | undefined;
  readonly 'retention-days'?: string | undefined;
  readonly quiet?: boolean | undefined;
}

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new CliUsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return Number(value);
}

export function requireAsOf(value: string | undefined): string {
  if (value === undefined) throw new CliUsageError('missing --asof');
  if (parseIsoDate(value) === undefined)
    throw new CliUsageError(`--asof must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

const FLAG_OF_VARIABLE: Record<string, string> = {
  MARGINFALL_TABLE: '--table',
  MARGINFALL_DYNAMODB_ENDPOINT: '--endpoint',
  MARGINFALL_SNAPSHOT_SHARDS: '--shards',
};

/** The environment's configuration with the command-line flags on top. */
function tableConfig(flags: TableFlags): DynamoDbConfig {
  try {
    return loadConfig(undefined, {
      MARGINFALL_TABLE: flags.table,
      MARGINFALL_DYNAMODB_ENDPOINT: flags.endpoint,
      MARGINFALL_SNAPSHOT_SHARDS: flags.shards,
    }).dynamodb;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const flag = FLAG_OF_VARIABLE[error.variable];
    throw new CliUsageError(flag ? `${flag} (or ${error.variable}): ${error.reason}` : error.message);
  }
}

/** Writes one snapshot with the configured table, printing progress and a summary on stderr. */
export async function writeSnapshotToTable(
  flags: TableFlags,
  documents: SnapshotDocuments,
): Promise<{ report: SnapshotWriteReport; seconds: number; config: DynamoDbConfig }> {
  const config = tableConfig(flags);
  const retentionDays = wholeNumber('retention-days', flags['retention-days'], 1, 36_500);
  const client: DynamoDBClient = createDynamoDbClient(config);
  const quiet = flags.quiet === true;
  const started = Date.now();
  const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
  try {
    if (config.endpoint !== undefined) await ensureTable(client, config.tableName);
    const writer = new DynamoDbSnapshotWriter(client, {
      tableName: config.tableName,
      shardCount: config.snapshotShards,
      concurrency: config.writeConcurrency,
      ...(retentionDays === undefined ? {} : { retentionDays }),
      onProgress: quiet
        ? undefined
        : (p) =>
            process.stderr.write(
              `[${elapsed()}s] ${p.items.toLocaleString('en-US')} items (${p.clients.toLocaleString('en-US')} clients)\n`,
            ),
    });
    const report = await writer.writeSnapshot(documents);
    return { report, seconds: (Date.now() - started) / 1000, config };
  } finally {
    client.destroy();
  }
}

export function printWriteSummary(
  report: SnapshotWriteReport,
  seconds: number,
  config: DynamoDbConfig,
): void {
  const items = report.subaccountItems + report.marketItems + 1;
  const where = `${config.tableName}${config.endpoint === undefined ? ` (${config.region})` : ` at ${config.endpoint}`}`;
  process.stdout.write(
    `Loaded snapshot ${report.asOf} into ${where}: ${report.clients.toLocaleString('en-US')} clients, ` +
      `${items.toLocaleString('en-US')} items in ${seconds.toFixed(1)} s ` +
      `(${Math.round(items / Math.max(seconds, 1e-3)).toLocaleString('en-US')} items/s, ` +
      `${report.retriedItems.toLocaleString('en-US')} retried), load ${report.loadId}\n`,
  );
  if (report.refused.length > 0) {
    process.stdout.write(`${report.refused.length} record(s) refused:\n`);
    for (const record of report.refused.slice(0, 20))
      process.stdout.write(`  ${record.document} ${record.path}: ${record.reason}\n`);
    if (report.refused.length > 20) process.stdout.write(`  … and ${report.refused.length - 20} more\n`);
  }
}

/** Checks a parameter file and stores it as the active parameters. */
async function loadParamsFile(flags: TableFlags, path: string): Promise<void> {
  await readDocumentFile(path, 'params'); // JSON errors with line and column
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FileAccessError(path, 'params', error);
  }
  const config = tableConfig(flags);
  const client = createDynamoDbClient(config);
  try {
    if (config.endpoint !== undefined) await ensureTable(client, config.tableName);
    const source = new DynamoDbParamsSource({ client, tableName: config.tableName });
    const stored = await source.storeActiveParams(text, new Date().toISOString()).catch((error: unknown) => {
      throw withFileContext(error, { params: path });
    });
    const where =
      config.endpoint === undefined ? config.tableName : `${config.tableName} at ${config.endpoint}`;
    process.stdout.write(
      `Active parameters in ${where}: version ${stored.version}, ${stored.bytes.toLocaleString('en-US')} bytes, SHA-256 ${stored.sha256}\n`,
    );
  } finally {
    client.destroy();
  }
}

export async function runLoadCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      asof: { type: 'string' },
      from: { type: 'string' },
      params: { type: 'string' },
      ...TABLE_OPTIONS,
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.params !== undefined) {
    await loadParamsFile(values, values.params);
    if (values.asof === undefined && values.from === undefined) return 0;
  }
  const asOf = requireAsOf(values.asof);
  if (values.from === undefined) throw new CliUsageError('missing --from');
  const files = { book: join(values.from, BOOK_FILE), market: join(values.from, MARKET_FILE) };

  try {
    const market = await readMarketFile(files.market);
    const book = await openBookFile(files.book);
    if (book.asOf !== asOf) {
      throw new InputFileError(
        `book file ${files.book} has asOf ${JSON.stringify(book.asOf) ?? 'missing'}, but --asof is ${asOf}`,
      );
    }
    const { report, seconds, config } = await writeSnapshotToTable(values, {
      asOf,
      market,
      clients: book.clients,
      insuranceFund: () => book.insuranceFund(),
    });
    printWriteSummary(report, seconds, config);
    return 0;
  } catch (error) {
    throw withFileContext(error, files);
  }
}
