/**
 * `marginfall start` (`npm start`): the whole daily pipeline on this machine. Starts the local
 * stack (DynamoDB, S3 and SES servers on free ports, data under `.marginfall/local/`), loads a
 * seeded synthetic book and the reference parameters, runs the daily job as the scheduler
 * starts it (the daily-run handler; stage → compute chunks → publish → email → finish), fetches
 * the report, prints where everything is, then serves the local API until Ctrl-C.
 */
import { rm, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { formatCount } from '../../../templates/format.js';
import { businessDateClosedAt } from '../../core/pipeline/business-date.js';
import type { RunState } from '../../core/pipeline/contracts.js';
import { LOCAL_API_NOTICE } from '../../local/api-gateway-server.js';
import { DEFAULT_PARAMS_NAME } from '../../local/local-data.js';
import {
  resumeInterruptedRun,
  startLocalApi,
  triggerDailyRun,
  whenRunsIdle,
} from '../../local/local-handlers.js';
import {
  LocalModeError,
  type LocalSession,
  localPaths,
  openLocalSession,
  readServingStack,
} from '../../local/local-mode.js';
import {
  describeFailure,
  describeReportFiles,
  describeStep,
  summarizeWorstScenario,
} from '../../local/run-lines.js';
import { type Composition, composition } from '../../shared/compose.js';
import { ConfigError, loadConfig } from '../../shared/config.js';
import { CliUsageError } from '../cli-errors.js';
import { requireAsOf } from './load.js';

const DEFAULT_CLIENTS = 5_000;
const DEFAULT_SEED = 'marginfall';
const DEFAULT_PORT = 3000;

const HELP = `Usage: marginfall start [--clients N] [--seed S] [--asof D] [--fresh] [--port P] [--no-serve]

Runs the daily report pipeline on this machine: starts local DynamoDB, S3 and SES servers
(data under .marginfall/local/), loads a seeded synthetic book and the reference risk
parameters, runs the daily job exactly as the scheduler starts it, saves the PDF and JSON report
under .marginfall/reports/, then serves the API locally until Ctrl-C. Nothing needs AWS.

  --clients N   clients in the synthetic book (default ${formatCount(DEFAULT_CLIENTS)}; used when the date has no snapshot yet)
  --seed S      seed of the synthetic book (default "${DEFAULT_SEED}")
  --asof D      business date YYYY-MM-DD (default: the day that closed last, per
                MARGINFALL_EOD_CUTOFF and MARGINFALL_TIME_ZONE)
  --fresh       start from an empty table, buckets and reports folder
  --port P      port of the local API (default ${DEFAULT_PORT}, or a free one when it is taken; 0 = a free one)
  --no-serve    exit once the run is done
`;

/**
 * The options of a command plus `--help`, parsed strictly (an unknown option or a positional
 * argument is a usage error).
 */
export function parseCommandLine<const O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
) {
  const help = { help: { type: 'boolean', default: false } } as const;
  return parseArgs({ args, options: { ...options, ...help }, strict: true, allowPositionals: false }).values;
}

/** `--clients` and `--seed`: the synthetic book the local table gets for a date without a snapshot. */
export const BOOK_OPTIONS = {
  clients: { type: 'string' },
  seed: { type: 'string' },
} as const;

export function bookOptions(values: {
  readonly clients?: string | undefined;
  readonly seed?: string | undefined;
}): {
  readonly clients: number;
  readonly seed: string;
} {
  return {
    clients: parseWhole('clients', values.clients, 1, 1_000_000) ?? DEFAULT_CLIENTS,
    seed: values.seed ?? DEFAULT_SEED,
  };
}

/** `--local` and `--aws`: where `run` and `backfill` work. */
export const TARGET_OPTIONS = {
  local: { type: 'boolean', default: false },
  aws: { type: 'boolean', default: false },
} as const;

/**
 * The composition for `--aws`: the deployment the environment describes. A bad or missing
 * variable is a usage error naming it.
 */
export function awsComposition(): Composition {
  let composed: Composition;
  try {
    composed = composition();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliUsageError(error.message);
    throw error;
  }
  if (composed.config.pipeline.stateMachineArn === undefined)
    throw new CliUsageError(
      '--aws needs MARGINFALL_STATE_MACHINE_ARN (and the deployment’s table and buckets)',
    );
  return composed;
}

/** `--local` (the default) or `--aws`, not both. */
export function chooseTarget(values: {
  readonly local?: boolean | undefined;
  readonly aws?: boolean | undefined;
}): 'local' | 'aws' {
  if (values.local && values.aws) throw new CliUsageError('give at most one of --local and --aws');
  return values.aws ? 'aws' : 'local';
}

export async function runStartCommand(args: string[]): Promise<number> {
  const values = parseCommandLine(args, {
    ...BOOK_OPTIONS,
    asof: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    port: { type: 'string' },
    'no-serve': { type: 'boolean', default: false },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const { clients, seed } = bookOptions(values);
  const port = parseWhole('port', values.port, 0, 65_535);
  const asOf = values.asof === undefined ? lastClosedBusinessDate() : requireAsOf(values.asof);
  const serve = !values['no-serve'];

  const paths = localPaths(process.cwd());
  const running = await readServingStack(paths);
  if (running) {
    throw new LocalModeError(
      `a local stack is already running (pid ${running.pid}, API ${running.apiUrl}); stop it with Ctrl-C, or use 'marginfall run --local' against it`,
    );
  }
  if (values.fresh) await rm(paths.reports, { recursive: true, force: true });

  const out = (line = '') => process.stdout.write(`${line}\n`);
  const started = Date.now();
  const session = await openLocalSession({ dataDir: paths.data, fresh: values.fresh });
  const stop = onStopSignal();
  try {
    const where = relative(process.cwd(), paths.data) || '.';
    out(
      `Local stack up in ${seconds(started)} (data in ${where}): DynamoDB ${session.stack.endpoints.dynamodb}, S3 ${session.stack.endpoints.s3}, SES ${session.stack.endpoints.ses}`,
    );
    // Bind the API first: a port problem shows before the run, not after it.
    const api = serve ? await startLocalApi({ port, preferredPort: DEFAULT_PORT }) : undefined;
    try {
      const book = await session.prepareBook({ asOf, clients, seed });
      out(describeBook(book, clients, seed));
      out(
        `Risk parameters ${book.paramsVersion}${book.paramsLoaded ? ` loaded from ${DEFAULT_PARAMS_NAME}` : ' (already active)'}`,
      );

      const runStarted = Date.now();
      // No --asof: the scheduler's own event ({}), so the handler picks the day as in AWS.
      const trigger = await triggerDailyRun(values.asof === undefined ? undefined : asOf);
      if (trigger.asOf !== asOf) {
        throw new LocalModeError(
          `the daily run is for ${trigger.asOf} but the book was seeded for ${asOf} (a business day closed meanwhile): start again`,
        );
      }
      const resumed = !trigger.created && (await resumeInterruptedRun(trigger.runId));
      out(
        trigger.created
          ? `Daily run ${trigger.runId} for ${asOf}, started as the scheduler starts it:`
          : resumed
            ? `Daily run ${trigger.runId} for ${asOf} was stopped part way; resuming it:`
            : `Daily run ${trigger.runId} for ${asOf} exists already (a repeated trigger starts nothing; --fresh starts clean):`,
      );
      const state = await Promise.race([
        session.waitForRun(trigger.runId, (event) => out(describeStep(event))),
        stop.signalled.then(() => undefined),
      ]);
      if (state === undefined) {
        // The steps run in this process and cannot be cancelled: stop the servers and leave at
        // once; the next start resumes the run.
        out(`Interrupted: run ${trigger.runId} stopped part way (the next start resumes it)`);
        await session.close();
        process.exit(130);
      }
      if (state.status === 'failed') {
        process.stderr.write(`marginfall start: ${describeFailure(state)}\n`);
        return 1;
      }
      if (trigger.created || resumed) out(`  done in ${seconds(runStarted)}`);
      await printOutcome(session, state, paths.reports, api?.url);

      if (!api) return 0;
      await writeServingFile(paths.serving, session, api.url);
      out('');
      out(`Local API ${api.url} — ${LOCAL_API_NOTICE}`);
      out(`  curl -X POST ${api.url}/runs -d '{"asOf":"${asOf}"}'`);
      out(`  curl ${api.url}/runs/<runId>`);
      out('Serving until Ctrl-C.');
      await stop.signalled;
      out('Stopping the local stack…');
      if (!(await runsIdleSoon())) {
        // A run started through the API is still going and cannot be cancelled: leave at once.
        out('A run started through the API stopped part way (its record stays queued or running).');
        await api.stop();
        await rm(paths.serving, { force: true });
        await session.close();
        process.exit(0);
      }
      return 0;
    } finally {
      await api?.stop();
      if (api) await rm(paths.serving, { force: true });
    }
  } finally {
    stop.dispose();
    await session.close();
  }
}

export function parseWhole(
  flag: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new CliUsageError(
      `--${flag} must be a whole number from ${formatCount(min)} to ${formatCount(max)}, got "${value}"`,
    );
  return Number(value);
}

/** The business date whose end-of-day cut-off passed last (configuration: cut-off and time zone). */
function lastClosedBusinessDate(): string {
  const { pipeline } = loadConfig();
  return businessDateClosedAt(new Date().toISOString(), {
    cutoff: pipeline.eodCutoff,
    timeZone: pipeline.timeZone,
  });
}

function describeBook(
  book: Awaited<ReturnType<LocalSession['prepareBook']>>,
  clients: number,
  seed: string,
): string {
  if (!book.seeded) {
    return `Snapshot ${book.asOf} already loaded: ${formatCount(book.clients)} clients (--fresh reseeds)`;
  }
  const totals = book.totals;
  const detail = totals
    ? ` (${formatCount(totals.subaccounts)} subaccounts, ${formatCount(totals.positions)} positions; insurance fund $${formatCount(totals.insuranceFund)})`
    : '';
  return `Seeded ${formatCount(clients)} synthetic clients for ${book.asOf}, seed "${seed}"${detail} in ${book.seconds.toFixed(1)} s`;
}

async function printOutcome(
  session: LocalSession,
  state: RunState,
  reportsDir: string,
  apiUrl: string | undefined,
): Promise<void> {
  const fetched = await session.fetchReport(state, reportsDir);
  const lines = [
    '',
    ...describeReportFiles(fetched, state, session.stack.emailViewerUrl, process.cwd()),
    ...(apiUrl ? [`Local API    ${apiUrl}`] : []),
    ...summarizeWorstScenario(fetched.report),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function writeServingFile(path: string, session: LocalSession, apiUrl: string): Promise<void> {
  const serving = {
    pid: process.pid,
    apiUrl,
    endpoints: session.stack.endpoints,
    emailViewerUrl: session.stack.emailViewerUrl,
    reportsBucket: session.stack.reportsBucket,
  };
  await writeFile(path, `${JSON.stringify(serving, null, 2)}\n`);
}

/** True when no run is going in this process (or they all end within a moment). */
function runsIdleSoon(): Promise<boolean> {
  return Promise.race([
    whenRunsIdle().then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200)),
  ]);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Resolves `signalled` on the first SIGINT or SIGTERM; `dispose` removes the listeners. */
function onStopSignal(): { readonly signalled: Promise<void>; dispose(): void } {
  let fire: () => void = () => {};
  const signalled = new Promise<void>((resolve) => {
    fire = resolve;
  });
  const listener = () => fire();
  process.once('SIGINT', listener);
  process.once('SIGTERM', listener);
  return {
    signalled,
    dispose: () => {
      process.off('SIGINT', listener);
      process.off('SIGTERM', listener);
    },
  };
}
