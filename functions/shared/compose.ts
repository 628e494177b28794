/**
 * Builds every SDK client and adapter from the configuration, once per process (a Lambda cold
 * start, a CLI run, the local mode): `composition()` memoises the composition of
 * `loadConfig()`; `composeFromConfig` builds one from a given configuration (tests, tools).
 *
 * - DynamoDB: run records, the active parameters and the position snapshots (one table).
 * - S3: the report archive, the work bucket and presigned report links. With
 *   `MARGINFALL_S3_ENDPOINT` set, the client takes the settings s3rver needs
 *   (`localS3ClientConfig`: path-style, checksums only when required, its access key).
 * - SES v2: the daily email, with `maxAttempts: 1` — the mailer retries by its own policy, so
 *   SDK retries would multiply the attempts.
 * - Step Functions: the run launcher when `MARGINFALL_STATE_MACHINE_ARN` is set; without it
 *   (local mode) runs execute in this process (`InProcessRunLauncher`, exposed as `inProcess`
 *   so callers can wait for them). Inside Lambda without a state machine, starting a run fails
 *   with a `ConfigError` rather than running a whole pipeline in a 29-second API function.
 *
 * Building makes no network call. What needs files is built on first use: the PDF renderer's
 * fonts are next to the bundle in a Lambda that renders (copied there by the infrastructure),
 * else in the installed dejavu-fonts-ttf package.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { packagedFontFiles, type ReportFontFiles } from '../../templates/pdf/fonts.js';
import { DynamoDbParamsSource } from '../adapters/dynamodb-params-source.js';
import { DynamoDbPositionSource } from '../adapters/dynamodb-position-source.js';
import { DynamoDbRunStateStore } from '../adapters/dynamodb-run-state-store.js';
import { createDynamoDbClient } from '../adapters/dynamodb-table.js';
import { InProcessRunLauncher } from '../adapters/in-process-run-launcher.js';
import { PdfkitReportRenderer } from '../adapters/pdfkit-report-renderer.js';
import { readPreviousDailyReport } from '../adapters/previous-daily-report.js';
import { S3ReportLinks } from '../adapters/s3-report-links.js';
import { S3ReportStore } from '../adapters/s3-report-store.js';
import { S3StagingStore } from '../adapters/s3-staging-store.js';
import { SesReportMailer } from '../adapters/ses-report-mailer.js';
import { SfnRunLauncher } from '../adapters/sfn-run-launcher.js';
import { SystemClock } from '../adapters/system-clock.js';
import type { ApiDeps } from '../core/api/api-deps.js';
import type { PipelineDeps } from '../core/pipeline/deps.js';
import { PreparedCalculationCache } from '../core/pipeline/prepared-cache.js';
import { runPipeline } from '../core/pipeline/run-pipeline.js';
import type { Clock } from '../core/ports/clock.js';
import type { ReportMailer } from '../core/ports/report-mailer.js';
import type { ReportRenderer } from '../core/ports/report-renderer.js';
import type { RunLauncher } from '../core/ports/run-launcher.js';
import { scenarioLibrary } from '../core/scenarios/library.js';
import { localS3ClientConfig } from '../local/s3-server.js';
import { localSesClientConfig } from '../local/ses-server.js';
import { ConfigError, loadConfig, type MarginfallConfig } from './config.js';

export interface Composition {
  readonly config: MarginfallConfig;
  readonly pipeline: PipelineDeps;
  readonly api: ApiDeps;
  /** The in-process launcher in local mode (no state machine configured); undefined in AWS. */
  readonly inProcess?: InProcessRunLauncher;
  /** Closes the SDK clients' connections (CLI and tests; a Lambda never needs to). */
  destroy(): void;
}

export interface ComposeOptions {
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Default: 16 random hex digits. */
  readonly newRunSuffix?: () => string;
  /** Compute chunks in flight at once for in-process runs (default 2). */
  readonly inProcessConcurrency?: number;
  /** Told when an in-process run throws instead of recording its failure. */
  readonly onInProcessError?: (runId: string, error: unknown) => void;
  /** Replaces the configured launcher (e.g. one that records launches in tests). */
  readonly launcher?: RunLauncher;
}

/** The report fonts: beside the bundle when the infrastructure copied them there, else the installed package's. */
function reportFontFiles(): ReportFontFiles {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = (file: string) => join(here, file);
  if (existsSync(beside('DejaVuSans.ttf'))) {
    return {
      regular: beside('DejaVuSans.ttf'),
      bold: beside('DejaVuSans-Bold.ttf'),
      condensed: beside('DejaVuSansCondensed.ttf'),
      condensedBold: beside('DejaVuSansCondensed-Bold.ttf'),
      mono: beside('DejaVuSansMono.ttf'),
    };
  }
  return packagedFontFiles();
}

/** A renderer built on first use (only the steps that render need the fonts). */
function lazyRenderer(): ReportRenderer {
  let renderer: PdfkitReportRenderer | undefined;
  const get = () => {
    renderer ??= new PdfkitReportRenderer({ fonts: reportFontFiles() });
    return renderer;
  };
  return {
    renderPdf: (report) => get().renderPdf(report),
    renderEmail: (report, links, pdf) => get().renderEmail(report, links, pdf),
  };
}

/** The SES mailer, or one that fails naming the missing variable when the email is not configured. */
function createMailer(config: MarginfallConfig, client: SESv2Client): ReportMailer {
  const { from, to, maxAttachmentBytes } = config.email;
  if (from === undefined || to.length === 0) {
    const variable = from === undefined ? 'MARGINFALL_EMAIL_FROM' : 'MARGINFALL_EMAIL_TO';
    return {
      sendReport: async () => {
        throw new ConfigError(variable, 'must be set to send the daily report email');
      },
    };
  }
  return new SesReportMailer({ client, from, to, maxAttachmentBytes });
}

/** Inside Lambda without a state machine: refuses to start runs, naming the variable. */
function unconfiguredLauncher(): RunLauncher {
  return {
    launch: async () => {
      throw new ConfigError(
        'MARGINFALL_STATE_MACHINE_ARN',
        'must be set for a Lambda function to start runs',
      );
    },
  };
}

export function composeFromConfig(config: MarginfallConfig, options: ComposeOptions = {}): Composition {
  const dynamodb = createDynamoDbClient({
    region: config.dynamodb.region,
    ...(config.dynamodb.endpoint === undefined ? {} : { endpoint: config.dynamodb.endpoint }),
  });
  const s3 = new S3Client(
    config.s3.endpoint === undefined
      ? { region: config.s3.region }
      : { ...localS3ClientConfig(config.s3.endpoint), region: config.s3.region },
  );
  const ses = new SESv2Client(
    config.email.endpoint === undefined
      ? { region: config.email.region, maxAttempts: 1 }
      : { ...localSesClientConfig(config.email.endpoint), region: config.email.region, maxAttempts: 1 },
  );
  const stateMachineArn = config.pipeline.stateMachineArn;
  const sfn = stateMachineArn === undefined ? undefined : new SFNClient({ region: config.pipeline.region });

  const tableName = config.dynamodb.tableName;
  const reports = new S3ReportStore({ client: s3, bucket: config.s3.reportsBucket });
  const links = new S3ReportLinks({
    client: s3,
    bucket: config.s3.reportsBucket,
    ttlSeconds: config.s3.linkTtlSeconds,
  });

  let pipeline: PipelineDeps | undefined;
  const inLambda = config.pipeline.lambdaFunctionName !== undefined;
  const inProcess =
    sfn === undefined && options.launcher === undefined && !inLambda
      ? new InProcessRunLauncher({
          run: (runId) => runPipeline(pipeline!, runId, { concurrency: options.inProcessConcurrency ?? 2 }),
          ...(options.onInProcessError === undefined ? {} : { onError: options.onInProcessError }),
        })
      : undefined;
  pipeline = {
    runs: new DynamoDbRunStateStore({ client: dynamodb, tableName }),
    staging: new S3StagingStore({ client: s3, bucket: config.s3.workBucket }),
    positions: new DynamoDbPositionSource(dynamodb, {
      tableName,
      concurrency: config.dynamodb.readConcurrency,
    }),
    params: new DynamoDbParamsSource({ client: dynamodb, tableName }),
    reports,
    renderer: lazyRenderer(),
    mailer: createMailer(config, ses),
    launcher:
      options.launcher ??
      inProcess ??
      (sfn === undefined
        ? unconfiguredLauncher()
        : new SfnRunLauncher({ client: sfn, stateMachineArn: stateMachineArn! })),
    clock: options.clock ?? new SystemClock(),
    previousReport: (asOf) => readPreviousDailyReport(reports, asOf),
    reportUrl: async (ref) => (await links.linkTo(ref.pdfKey, `marginfall-${ref.runId}.pdf`)).url,
    newRunSuffix: options.newRunSuffix ?? (() => randomBytes(8).toString('hex')),
    chunkTasks: config.pipeline.chunkTasks,
    codeVersion: config.pipeline.codeVersion,
    ...(config.pipeline.classification === undefined
      ? {}
      : { classification: config.pipeline.classification }),
    defaultScenarioIds: scenarioLibrary.scenarios.map((scenario) => scenario.id),
    emailMaxAttachmentBytes: config.email.maxAttachmentBytes,
    // One run's prepared calculation, reused by the next steps of that run in this process
    // (a warm Lambda taking several chunks of one run; every step of an in-process run).
    preparedCalculations: new PreparedCalculationCache(1),
  };
  return {
    config,
    pipeline,
    api: { pipeline, links },
    ...(inProcess === undefined ? {} : { inProcess }),
    destroy() {
      dynamodb.destroy();
      s3.destroy();
      ses.destroy();
      sfn?.destroy();
    },
  };
}

let current: Composition | undefined;

/** The process's composition, built from the environment on first call. */
export function composition(): Composition {
  current ??= composeFromConfig(loadConfig());
  return current;
}

/**
 * Makes `replacement` the process's composition (the local mode, tests with a fixed clock or a
 * recording launcher); `undefined` makes the next `composition()` build one from the
 * environment again. Returns the one it replaced.
 */
export function installComposition(replacement: Composition | undefined): Composition | undefined {
  const previous = current;
  current = replacement;
  return previous;
}
