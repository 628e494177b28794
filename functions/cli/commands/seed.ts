/**
 * `marginfall seed`: a seeded synthetic book and market (functions/core/synthetic/) written as
 * §8 files or loaded straight into the DynamoDB table. Clients are streamed: memory stays flat
 * whatever the book size.
 */
import { parseArgs } from 'node:util';
import { generateSyntheticBookStream } from '../../core/synthetic/generate-book.js';
import { BOOK_FILE, MARKET_FILE, writeSnapshotFiles } from '../book-files.js';
import { CliUsageError } from '../cli-errors.js';
import { printWriteSummary, requireAsOf, TABLE_OPTIONS, writeSnapshotToTable } from './load.js';

const HELP = `Usage: marginfall seed --clients N --seed S --asof D (--out DIR | --to-dynamodb) [options]

Draws a synthetic book of N clients and its market for business date D. The same seed and
options always give the same book.

  --clients N           number of clients (1 to 10,000,000)
  --seed S              any text or number
  --asof D              business date YYYY-MM-DD (expiries are computed from it)
  --out DIR             write DIR/${BOOK_FILE} and DIR/${MARKET_FILE}
  --to-dynamodb         load the snapshot into the table instead (as 'marginfall load' does)
  --table T, --endpoint URL, --shards N, --retention-days N
                        table settings for --to-dynamodb (see 'marginfall load --help')
  --quiet               no progress on stderr
`;

export async function runSeedCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      clients: { type: 'string' },
      seed: { type: 'string' },
      asof: { type: 'string' },
      out: { type: 'string' },
      'to-dynamodb': { type: 'boolean', default: false },
      ...TABLE_OPTIONS,
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.clients === undefined) throw new CliUsageError('missing --clients');
  if (!/^\d+$/.test(values.clients) || Number(values.clients) < 1 || Number(values.clients) > 10_000_000)
    throw new CliUsageError(`--clients must be a whole number from 1 to 10,000,000, got "${values.clients}"`);
  if (values.seed === undefined) throw new CliUsageError('missing --seed');
  const asOf = requireAsOf(values.asof);
  const toDynamoDb = values['to-dynamodb'];
  if ((values.out === undefined) === !toDynamoDb)
    throw new CliUsageError('give exactly one of --out DIR and --to-dynamodb');

  const stream = generateSyntheticBookStream({ clients: Number(values.clients), seed: values.seed, asOf });
  const insuranceFund = () => stream.totals().insuranceFund;
  if (values.out !== undefined) {
    const started = Date.now();
    const files = await writeSnapshotFiles(values.out, {
      asOf,
      market: stream.market,
      clients: stream.clients,
      insuranceFund,
    });
    const totals = stream.totals();
    process.stdout.write(
      `Wrote ${files.clients.toLocaleString('en-US')} clients (${totals.subaccounts.toLocaleString('en-US')} subaccounts, ` +
        `${totals.positions.toLocaleString('en-US')} positions; insurance fund ${totals.insuranceFund.toLocaleString('en-US')} USD) ` +
        `to ${files.bookPath} and ${files.marketPath} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  }
  const { report, seconds, config } = await writeSnapshotToTable(values, {
    asOf,
    market: stream.market,
    clients: stream.clients,
    insuranceFund,
  });
  printWriteSummary(report, seconds, config);
  return 0;
}
