/**
 * `marginfall backfill --from D1 --to D2`: the daily report of every calendar day in the range
 * (crypto trades every day, so every day is a business day), oldest first and one at a time —
 * each day's report compares itself with the day before, which must be published first.
 *
 * Resumable: a day with a succeeded daily run is skipped (its report exists), unless `--force`,
 * which runs it again as an on-demand report (the daily run of a day is unique: a repeated
 * trigger finds it and starts nothing). A day whose daily run failed is reported as failed
 * unless `--force`, which starts a new attempt of its daily run (`retryFailed`: published and
 * emailed like the daily run). Each day is requested through the daily-run handler with
 * `{ "asOf": D }`, as a catch-up trigger of the schedule would.
 */
import { formatUsd } from '../../../templates/format.js';
import { epochDay, isoDateFromEpochDay, parseIsoDate } from '../../core/dates.js';
import type { RunState } from '../../core/pipeline/contracts.js';
import {
  requestRunDirectly,
  resumeInterruptedRun,
  type TriggeredRun,
  triggerDailyRun,
} from '../../local/local-handlers.js';
import {
  LocalModeError,
  type LocalSession,
  localPaths,
  openLocalSession,
  readServingStack,
  waitForRun,
} from '../../local/local-mode.js';
import { describeFailure } from '../../local/run-lines.js';
import { composition } from '../../shared/compose.js';
import { CliUsageError } from '../cli-errors.js';
import {
  awsComposition,
  BOOK_OPTIONS,
  bookOptions,
  chooseTarget,
  parseCommandLine,
  TARGET_OPTIONS,
} from './start.js';

const MAX_DAYS = 366;

const HELP = `Usage: marginfall backfill --from D1 --to D2 [--force] [--local | --aws] [--clients N] [--seed S]

Makes the daily report of every calendar day from D1 to D2 (both included; crypto trades every
day), oldest first, one day at a time, with a progress line per day. Days that already have a
succeeded daily report are skipped, so an interrupted backfill resumes where it stopped.

  --from D1, --to D2  business dates YYYY-MM-DD, at most ${MAX_DAYS} days
  --force             retry failed days' daily runs; run reported days again on demand (not emailed)
  --local             (default) on a local stack in this folder's .marginfall/local/; a day
                      without a snapshot gets a seeded synthetic book (--clients N, --seed S)
  --aws               in the AWS deployment the environment configures (the day's snapshot must
                      have been loaded); runs execute in Step Functions and are waited for
`;

type DayOutcome = 'done' | 'skipped' | 'failed';

export async function runBackfillCommand(args: string[]): Promise<number> {
  const values = parseCommandLine(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    force: { type: 'boolean', default: false },
    ...TARGET_OPTIONS,
    ...BOOK_OPTIONS,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const days = dayRange(values.from, values.to);
  const target = chooseTarget(values);
  const book = bookOptions(values);

  let session: LocalSession | undefined;
  if (target === 'local') {
    const paths = localPaths(process.cwd());
    const serving = await readServingStack(paths);
    if (serving) {
      throw new LocalModeError(
        `'marginfall start' is serving this folder's local stack (pid ${serving.pid}): stop it first, backfill opens the local table itself`,
      );
    }
    session = await openLocalSession({ dataDir: paths.data });
  } else {
    awsComposition(); // checks the deployment's configuration before the first day
  }
  const counts: Record<DayOutcome, number> = { done: 0, skipped: 0, failed: 0 };
  try {
    for (const asOf of days) {
      if (session) {
        const prepared = await session.prepareBook({ asOf, ...book });
        if (prepared.seeded) process.stdout.write(`${asOf}  seeded ${prepared.clients} synthetic clients\n`);
      }
      const started = Date.now();
      const { outcome, line } = await backfillDay(asOf, values.force);
      counts[outcome] += 1;
      const seconds = outcome === 'skipped' ? '' : ` in ${((Date.now() - started) / 1000).toFixed(1)} s`;
      process.stdout.write(`${asOf}  ${outcome.padEnd(7)} ${line}${seconds}\n`);
    }
  } finally {
    composition().destroy();
    await session?.close();
  }
  process.stdout.write(
    `${days.length} day${days.length === 1 ? '' : 's'}: ${counts.done} reported, ${counts.skipped} skipped, ${counts.failed} failed\n`,
  );
  return counts.failed > 0 ? 1 : 0;
}

/** Every calendar day from `from` to `to`, both included. */
function dayRange(from: string | undefined, to: string | undefined): string[] {
  if (from === undefined) throw new CliUsageError('missing --from');
  if (to === undefined) throw new CliUsageError('missing --to');
  const first = parseIsoDate(from);
  const last = parseIsoDate(to);
  if (first === undefined) throw new CliUsageError(`--from must be a date YYYY-MM-DD, got "${from}"`);
  if (last === undefined) throw new CliUsageError(`--to must be a date YYYY-MM-DD, got "${to}"`);
  const count = epochDay(last) - epochDay(first) + 1;
  if (count < 1) throw new CliUsageError(`--to (${to}) is before --from (${from})`);
  if (count > MAX_DAYS) throw new CliUsageError(`the range has ${count} days; at most ${MAX_DAYS} at a time`);
  return Array.from({ length: count }, (_, i) => isoDateFromEpochDay(epochDay(first) + i));
}

async function backfillDay(asOf: string, force: boolean): Promise<{ outcome: DayOutcome; line: string }> {
  const { runs } = composition().pipeline;
  const daily = (await runs.listByAsOf(asOf)).filter((run) => run.reportType === 'daily');
  const reported = daily.find((run) => run.status === 'succeeded');
  const failed = daily.find((run) => run.status === 'failed');
  if (!force && reported) return { outcome: 'skipped', line: `reported by run ${reported.runId}` };
  if (!force && failed) {
    return {
      outcome: 'failed',
      line: `${describeFailure(failed)} (--force retries the day's daily run)`,
    };
  }
  // A reported day is re-run on demand (a day has one daily report); a failed one gets a new
  // daily attempt, which publishes and emails as the daily run would have.
  const trigger: TriggeredRun = reported
    ? await requestRunDirectly({ asOf, reportType: 'on-demand', trigger: 'backfill' })
    : await triggerDailyRun(asOf, failed !== undefined);
  if (!trigger.created) await resumeInterruptedRun(trigger.runId); // an earlier backfill stopped part way
  const state = await waitForRun(runs, trigger.runId);
  if (state.status === 'failed') return { outcome: 'failed', line: describeFailure(state) };
  return { outcome: 'done', line: `run ${state.runId}${describeHeadline(state)}` };
}

function describeHeadline(state: RunState): string {
  const headline = state.report?.headline;
  const badDebt = headline?.worstBadDebtUsd;
  if (typeof badDebt !== 'number') return '';
  return `, worst bad debt ${formatUsd(badDebt)} (${String(headline?.worstScenario ?? '?')})`;
}
