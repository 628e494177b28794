/** `marginfall calc`: the whole calculation on files (MODEL.md §8 forms) → result.json. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTextSummary } from '../../../templates/text-summary.js';
import { calculate } from '../../core/calculation/calculate.js';
import type { CalculationResult } from '../../core/calculation/result.js';
import { stringifyResult } from '../../core/calculation/serialize.js';
import { CliUsageError, FileAccessError, withFileContext } from '../cli-errors.js';
import { type DocumentFiles, readDocuments } from '../documents.js';
import { endProgress, stderrProgress } from '../progress.js';

const HELP = `Usage: marginfall calc --book F --market F --params F --scenarios F [--out F|-] [--summary] [--quiet]

  --book F        book.json: clients, subaccounts, collateral, positions, insurance fund
  --market F      market.json: prices, vols, ADV and depth per asset
  --params F      params.json: haircuts, tiers, portfolio-margin settings, impact, cascade, regimes
  --scenarios F   scenarios.json: the shock scenarios
  --out F         where to write result.json ("-" = stdout; default result.json)
  --summary       also print a plain-text risk summary (to stdout, or stderr when --out -)
  --quiet         no progress on stderr
`;

export async function runCalcCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      book: { type: 'string' },
      market: { type: 'string' },
      params: { type: 'string' },
      scenarios: { type: 'string' },
      out: { type: 'string', default: 'result.json' },
      summary: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const missing = (['book', 'market', 'params', 'scenarios'] as const).filter((name) => !values[name]);
  if (missing.length > 0) throw new CliUsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
  const files = values as DocumentFiles & { out: string };

  const documents = await readDocuments(files);
  const showProgress = !values.quiet;
  let result: CalculationResult;
  try {
    result = calculate(documents, { onProgress: stderrProgress(showProgress) });
  } catch (error) {
    throw withFileContext(error, files);
  } finally {
    endProgress(showProgress);
  }

  const json = stringifyResult(result);
  if (files.out === '-') {
    process.stdout.write(json);
  } else {
    try {
      await mkdir(dirname(files.out), { recursive: true });
      await writeFile(files.out, json);
    } catch (error) {
      throw new FileAccessError(files.out, 'write result', error);
    }
  }
  if (values.summary) {
    const summary = formatTextSummary(result);
    if (files.out === '-') process.stderr.write(summary);
    else process.stdout.write(`${summary}\nResult written to ${files.out}\n`);
  }
  return 0;
}
