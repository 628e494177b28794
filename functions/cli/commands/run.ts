/**
 * `marginfall run --asof D`: one on-demand report run, as `POST /runs` makes it.
 *
 * - `--local` (default): through the API of the stack `marginfall start` serves in this folder,
 *   else on a local stack started for this run (its data folder, the snapshot of D seeded when
 *   missing); waits for the run and saves its PDF and JSON under `.marginfall/reports/`.
 * - `--aws`: with the AWS deployment the environment describes (table, buckets, state machine):
 *   records the run and starts its state-machine execution, then prints the run id.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { S3ReportStore } from '../../adapters/s3-report-store.js';
import type { RunRequest, RunState } from '../../core/pipeline/contracts.js';
import { requestRun } from '../../core/pipeline/request-run.js';
import { requestRunDirectly } from '../../local/local-handlers.js';
import {
  fetchReport,
  LocalModeError,
  localPaths,
  openLocalSession,
  readServingStack,
  type ServingStack,
  waitForRun,
} from '../../local/local-mode.js';
import {
  describeFailure,
  describeReportFiles,
  describeStep,
  summarizeWorstScenario,
} from '../../local/run-lines.js';
import { localS3ClientConfig } from '../../local/s3-server.js';
import { composition } from '../../shared/compose.js';
import { requireAsOf } from './load.js';
import {
  awsComposition,
  BOOK_OPTIONS,
  bookOptions,
  chooseTarget,
  parseCommandLine,
  TARGET_OPTIONS,
} from './start.js';

const HELP = `Usage: marginfall run --asof D [--local | --aws] [--clients N] [--seed S]

One on-demand report run for business date D (not emailed; daily reports come from the
schedule, 'marginfall start' or 'marginfall backfill').

  --asof D      business date YYYY-MM-DD
  --local       (default) on this machine: through the API of a running 'marginfall start' in
                this folder, else on a local stack started for this run; saves the report under
                .marginfall/reports/
  --aws         in the AWS deployment the environment configures (MARGINFALL_TABLE,
                MARGINFALL_REPORTS_BUCKET, MARGINFALL_WORK_BUCKET, MARGINFALL_STATE_MACHINE_ARN,
                AWS credentials): records the run, starts its execution, prints the run id
  --clients N, --seed S
                the synthetic book seeded when the local table has no snapshot of D
`;

export async function runRunCommand(args: string[]): Promise<number> {
  const values = parseCommandLine(args, {
    asof: { type: 'string' },
    ...TARGET_OPTIONS,
    ...BOOK_OPTIONS,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const asOf = requireAsOf(values.asof);
  const target = chooseTarget(values);
  const book = bookOptions(values);
  const request: RunRequest = { asOf, reportType: 'on-demand', trigger: 'cli' };

  if (target === 'aws') {
    const { pipeline } = awsComposition();
    try {
      const { state } = await requestRun(pipeline, request);
      process.stdout.write(
        `Run ${state.runId} for ${asOf} started in Step Functions (execution ${state.runId}); GET /runs/${state.runId} follows it\n`,
      );
      return 0;
    } finally {
      composition().destroy();
    }
  }

  const paths = localPaths(process.cwd());
  const serving = await readServingStack(paths);
  if (serving) return runThroughServingApi(serving, asOf, paths.reports);

  const session = await openLocalSession({ dataDir: paths.data });
  try {
    const prepared = await session.prepareBook({ asOf, ...book });
    if (prepared.seeded) process.stdout.write(`Seeded ${prepared.clients} synthetic clients for ${asOf}\n`);
    const { runId } = await requestRunDirectly(request);
    process.stdout.write(`Run ${runId} for ${asOf}:\n`);
    const state = await session.waitForRun(runId, (event) =>
      process.stdout.write(`${describeStep(event)}\n`),
    );
    if (state.status === 'failed') throw new LocalModeError(describeFailure(state));
    const fetched = await session.fetchReport(state, paths.reports);
    const lines = [
      ...describeReportFiles(fetched, state, undefined, process.cwd()),
      ...summarizeWorstScenario(fetched.report),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await session.close();
  }
}

/** POST /runs to the serving stack, follow GET /runs/{runId}, fetch the report from its S3. */
async function runThroughServingApi(
  serving: ServingStack,
  asOf: string,
  reportsDir: string,
): Promise<number> {
  const created = await callApi<{ runId: string }>(`${serving.apiUrl}/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ asOf }),
  });
  process.stdout.write(`Run ${created.runId} for ${asOf}, through the local API ${serving.apiUrl}:\n`);
  const runs = {
    get: (runId: string) => callApi<RunState>(`${serving.apiUrl}/runs/${encodeURIComponent(runId)}`),
  };
  const state = await waitForRun(runs, created.runId, (event) =>
    process.stdout.write(`${describeStep(event)}\n`),
  );
  if (state.status === 'failed') throw new LocalModeError(describeFailure(state));
  const s3 = new S3Client(localS3ClientConfig(serving.endpoints.s3));
  try {
    const fetched = await fetchReport(
      new S3ReportStore({ client: s3, bucket: serving.reportsBucket }),
      state,
      reportsDir,
    );
    const lines = [
      ...describeReportFiles(fetched, state, serving.emailViewerUrl, process.cwd()),
      ...summarizeWorstScenario(fetched.report),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    s3.destroy();
  }
}

async function callApi<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new LocalModeError(`the local API at ${url} does not answer: ${(error as Error).message}`);
  }
  const text = await response.text();
  if (!response.ok)
    throw new LocalModeError(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}
