/** `marginfall calc`: the whole calculation on files (MODEL.md §8 forms) → result.json. */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTextSummary } from '../../../templates/text-summary.js';
import { calculateWithWorkers, defaultWorkerCount } from '../../adapters/worker-pool-calculator.js';
import { calculate } from '../../core/calculation/calculate.js';
import type { CalculationResult } from '../../core/calculation/result.js';
import { stringifyResult } from '../../core/calculation/serialize.js';
import { CliUsageError, FileAccessError, withFileContext } from '../cli-errors.js';
import { type DocumentFiles, readDocuments } from '../documents.js';
import { endProgress, stderrProgress } from '../progress.js';

const HELP = `Usage: marginfall calc --book F --market F --params F --scenarios F [--out F|-] [--summary] [--quiet] [--workers N]

  --book F        book.json: clients, subaccounts, collateral, positions, insurance fund
  --market F      market.json: prices, vols, ADV and depth per asset
  --params F      params.json: haircuts, tiers, portfolio-margin settings, impact, cascade, regimes
  --scenarios F   scenarios.json: the shock scenarios
  --out F         where to write result.json ("-" = stdout; default result.json)
  --summary       also print a plain-text risk summary (to stdout, or stderr when --out -)
  --quiet         no progress on stderr
  --workers N     worker threads besides the main one (default: available cores − 1; 0 = one
                  thread); the result is byte-identical for every N

Exit codes: 0 done; 1 an input file, the output or the calculation failed (one line on stderr
naming the file and field); 2 a wrong command line. Bad records do not stop the run: they are
listed in "rejected" of the result.
`;

export async function runCalcCommand(args: string[]): Promise<number> {
  const values = parseCalcArgs(args);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const missing = (['book', 'market', 'params', 'scenarios'] as const).filter((name) => !values[name]);
  if (missing.length > 0) throw new CliUsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
  if (values.out === '') throw new CliUsageError('--out needs a file path, or "-" for stdout');
  const files = values as DocumentFiles & { out: string };
  const workers = parseWorkerCount(values.workers);

  const documents = await readDocuments(files);
  const showProgress = !values.quiet;
  let result: CalculationResult;
  try {
    const onProgress = stderrProgress(showProgress);
    result =
      workers === 0
        ? calculate(documents, { onProgress })
        : await calculateWithWorkers(documents, { workers, onProgress });
  } catch (error) {
    throw withFileContext(error, files);
  } finally {
    endProgress(showProgress);
  }

  const json = stringifyResult(result);
  if (files.out === '-') await writeStdout(json, 'result');
  else await writeResultFile(files.out, json);
  if (values.summary) {
    const summary = formatTextSummary(result);
    if (files.out === '-') process.stderr.write(summary);
    else await writeStdout(`${summary}\nResult written to ${files.out}\n`, 'summary');
  }
  return 0;
}

function parseCalcArgs(args: string[]) {
  return parseArgs({
    args,
    options: {
      book: { type: 'string' },
      market: { type: 'string' },
      params: { type: 'string' },
      scenarios: { type: 'string' },
      out: { type: 'string', default: 'result.json' },
      summary: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

/** `--workers N`: a whole number from 0 to 64; absent = available cores − 1. */
function parseWorkerCount(text: string | undefined): number {
  if (text === undefined) return defaultWorkerCount();
  const count = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(count <= 64)) throw new CliUsageError(`--workers must be a whole number from 0 to 64, got "${text}"`);
  return count;
}

async function writeResultFile(path: string, text: string): Promise<void> {
  try {
    await makeParentDirectories(path);
    await writeFile(path, text);
  } catch (error) {
    throw new FileAccessError(path, 'write result', error);
  }
}

/**
 * `mkdir -p` one level at a time. Node's `mkdir(..., { recursive: true })` never returns for a
 * path under /proc (mkdir of the missing child fails with ENOENT although the parent exists, and
 * Node retries forever); this walk tries each missing folder once and reports the first failure.
 */
async function makeParentDirectories(path: string): Promise<void> {
  const missing: string[] = [];
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    try {
      await stat(dir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(dir);
      if (dirname(dir) === dir) break;
    }
  }
  for (const dir of missing.reverse()) {
    try {
      await mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Stdout errors are reported through the write callbacks (see writeStdout). */
function ignoreStdoutError(): void {}

/**
 * Writes to stdout and waits until the text is handed to the OS. A reader that went away
 * (`marginfall calc --out - | head`) fails the write with EPIPE: reported as one line and exit
 * code 1 instead of an unhandled 'error' event with a stack trace. `what` names the text.
 */
function writeStdout(text: string, what: 'result' | 'summary'): Promise<void> {
  const stdout = process.stdout;
  // Node emits 'error' on the stream after the write callback; without a listener of ours that
  // event crashes the process with a stack trace (a listener another module added for its own
  // pipe removes itself first), so this no-op one stays for the rest of the run.
  if (!stdout.listeners('error').includes(ignoreStdoutError)) stdout.on('error', ignoreStdoutError);
  return new Promise((resolvePromise, rejectPromise) => {
    stdout.write(text, (error) => {
      if (error) rejectPromise(new FileAccessError('-', `write ${what}`, error));
      else resolvePromise();
    });
  });
}
