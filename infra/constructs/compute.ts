/**
 * The Lambda functions: one per handler in functions/handlers/<name>/handler.ts, bundled by
 * esbuild as ES modules for Node.js 22 on ARM64 (Graviton: 20 % cheaper per GB-second than x86;
 * the code is pure JavaScript, no native modules). Each gets only the environment variables
 * and permissions its step needs (table in infra/README.md).
 *
 * Sizing (memory buys CPU: 1,769 MB = 1 vCPU, up to 6 vCPUs at 10,240 MB):
 * - compute-chunk: validates and prepares the staged book, then runs its share of the
 *   cascades on one thread (worker threads are not used in a chunk: chunks are the
 *   parallelism). Measured here: 100k clients, 40 runs + reverse stress in one process peak at
 *   456 MB RSS and 35 s of one core. Default 3,008 MB (≈ 1.7 vCPUs: the second one takes
 *   garbage collection and JSON parsing off the main thread; headroom for 300k-client books),
 *   15 minutes (the Lambda maximum: a reverse-stress chunk on a large book is the longest task).
 * - publish-report: merges every chunk's output, builds the report and renders the PDF
 *   (font parsing and layout are CPU-bound): 3,008 MB, 5 minutes.
 * - stage-run: reads the whole snapshot (≈ 150,000 items at 100k clients) and writes it to the
 *   work bucket: 2,048 MB, 10 minutes.
 * - email-report: holds one PDF (≤ 7 MiB, base64 in the MIME message): 512 MB, 2 minutes.
 * - api, daily-run, finish-run, fail-run: one or two small DynamoDB / Step Functions calls:
 *   256 MB; api 29 s (API Gateway's integration limit), the others 1 minute.
 *
 * No reserved concurrency: the Map's MaxConcurrency bounds compute-chunk, API throttling bounds
 * api, and the other steps run once per run. Reserving would carve capacity out of the
 * account's shared pool and fails deployment on accounts with a low concurrency limit.
 *
 * The AWS SDK is bundled (pinned in package-lock.json) instead of taken from the runtime, whose
 * SDK version changes under a deployed function.
 */
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { LogLevel } from '../settings.js';

export const HANDLER_NAMES = [
  'daily-run',
  'api',
  'stage-run',
  'compute-chunk',
  'publish-report',
  'email-report',
  'finish-run',
  'fail-run',
] as const;

export type HandlerName = (typeof HANDLER_NAMES)[number];

/**
 * The TTFs templates/pdf/fonts.ts loads (regular, bold, condensed, condensed bold, mono),
 * copied next to the bundle (`/var/task/<file>`) of the functions that render PDFs.
 */
export const REPORT_FONT_FILES = [
  'DejaVuSans.ttf',
  'DejaVuSans-Bold.ttf',
  'DejaVuSansCondensed.ttf',
  'DejaVuSansCondensed-Bold.ttf',
  'DejaVuSansMono.ttf',
] as const;

const RENDERING_HANDLERS: ReadonlySet<HandlerName> = new Set(['publish-report']);

interface Sizing {
  readonly memoryMb: number;
  readonly timeout: Duration;
  readonly description: string;
}

export interface ComputeProps {
  /** Absolute path of the repository (package-lock.json, node_modules). */
  readonly projectRoot: string;
  /** Absolute path of functions/handlers. */
  readonly handlersDir: string;
  readonly computeMemoryMb: number;
  readonly logRetention: RetentionDays;
  readonly logLevel: LogLevel;
  readonly stage: string;
  /** Variables every function gets (settings shared by all steps). */
  readonly environment: Readonly<Record<string, string>>;
}

export class Compute extends Construct {
  readonly functions: Readonly<Record<HandlerName, NodejsFunction>>;

  constructor(scope: Construct, id: string, props: ComputeProps) {
    super(scope, id);
    const sizing: Record<HandlerName, Sizing> = {
      'daily-run': { memoryMb: 256, timeout: Duration.minutes(1), description: 'Starts the daily run' },
      api: { memoryMb: 256, timeout: Duration.seconds(29), description: 'Runs and reports API' },
      'stage-run': { memoryMb: 2048, timeout: Duration.minutes(10), description: 'Stages a run' },
      'compute-chunk': {
        memoryMb: props.computeMemoryMb,
        timeout: Duration.minutes(15),
        description: 'Computes one chunk of a run',
      },
      'publish-report': { memoryMb: 3008, timeout: Duration.minutes(5), description: 'Publishes a report' },
      'email-report': { memoryMb: 512, timeout: Duration.minutes(2), description: 'Emails the daily report' },
      'finish-run': { memoryMb: 256, timeout: Duration.minutes(1), description: 'Marks a run succeeded' },
      'fail-run': { memoryMb: 256, timeout: Duration.minutes(1), description: 'Marks a run failed' },
    };
    const functions = {} as Record<HandlerName, NodejsFunction>;
    for (const name of HANDLER_NAMES) {
      functions[name] = this.createHandlerFunction(name, sizing[name], props);
    }
    this.functions = functions;
  }

  private createHandlerFunction(name: HandlerName, sizing: Sizing, props: ComputeProps): NodejsFunction {
    const scope = new Construct(this, name);
    // Explicit log group (retention from settings, deleted with the stack) and role (no managed policies): the
    // role can write to this group and nothing else until a construct grants more.
    const logGroup = new LogGroup(scope, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Marginfall ${name} (${props.stage})`,
    });
    logGroup.grantWrite(role);
    return new NodejsFunction(scope, 'Function', {
      entry: join(props.handlersDir, name, 'handler.ts'),
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: join(props.projectRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: sizing.memoryMb,
      timeout: sizing.timeout,
      description: `Marginfall ${sizing.description} (${props.stage})`,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: `marginfall-${name}`,
        POWERTOOLS_METRICS_NAMESPACE: 'Marginfall',
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      bundling: bundlingFor(name),
    });
  }
}

/**
 * esbuild options of a handler's bundle: an ES module for Node.js 22 (`index.mjs`), packages'
 * ESM builds first, a `require` for the CommonJS dependencies, and for the functions that render
 * PDFs the report fonts copied beside the bundle.
 */
export function bundlingFor(name: HandlerName): BundlingOptions {
  const renders = RENDERING_HANDLERS.has(name);
  return {
    format: OutputFormat.ESM,
    target: 'node22',
    mainFields: ['module', 'main'],
    // CommonJS dependencies bundled into an ES module still call require().
    banner:
      "import { createRequire as marginfallCreateRequire } from 'node:module'; const require = marginfallCreateRequire(import.meta.url);",
    bundleAwsSDK: true,
    minify: true,
    sourceMap: true,
    sourcesContent: false,
    keepNames: true,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir: string, outputDir: string) =>
        renders
          ? REPORT_FONT_FILES.map(
              (file) => `cp "${inputDir}/node_modules/dejavu-fonts-ttf/ttf/${file}" "${outputDir}/${file}"`,
            )
          : [],
    },
  };
}
