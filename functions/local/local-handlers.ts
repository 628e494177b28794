/**
 * The real Lambda handlers, called in this process the way their AWS triggers call them: the
 * daily-run handler with the scheduler's event, the api handler behind the local API Gateway.
 * They are loaded on first use, after the local session has set the environment their
 * composition reads.
 */
import { randomUUID } from 'node:crypto';
import type { RunRequest } from '../core/pipeline/contracts.js';
import { requestRun } from '../core/pipeline/request-run.js';
import { composition } from '../shared/compose.js';
import { type ApiGatewayServer, localLambdaContext, startApiGatewayServer } from './api-gateway-server.js';
import { LocalModeError } from './local-mode.js';

export interface TriggeredRun {
  readonly runId: string;
  readonly asOf: string;
  /** False when the run existed already (a repeated trigger of the same day starts nothing). */
  readonly created: boolean;
}

/**
 * Invokes the daily-run handler with the scheduler's input: `{}` (the day that closed last) or
 * `{ "asOf": D }` (a catch-up of day D).
 */
export async function triggerDailyRun(asOf?: string, retryFailed = false): Promise<TriggeredRun> {
  const { handler } = await import('../handlers/daily-run/handler.js');
  const event = { ...(asOf === undefined ? {} : { asOf }), ...(retryFailed ? { retryFailed } : {}) };
  const result = await handler(event, localLambdaContext('marginfall-daily-run-local', randomUUID()));
  return { runId: result.runId, asOf: result.asOf, created: result.created };
}

export interface LocalApiOptions {
  /** Port asked for on the command line; absent = `preferredPort`, or a free one when it is taken. */
  readonly port?: number | undefined;
  readonly preferredPort: number;
  readonly log?: (line: string) => void;
}

/** The api handler behind the local API Gateway. */
export async function startLocalApi(options: LocalApiOptions): Promise<ApiGatewayServer> {
  const { handler } = await import('../handlers/api/handler.js');
  const start = (port: number) =>
    startApiGatewayServer({
      handler,
      port,
      onResponse: ({ method, path, status, ms }) => options.log?.(`${method} ${path} → ${status} (${ms} ms)`),
      onHandlerError: (error) =>
        options.log?.(`api handler failed: ${error instanceof Error ? error.message : String(error)}`),
    });
  if (options.port !== undefined) {
    return start(options.port).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      throw new LocalModeError(
        `port ${options.port} is in use: choose another with --port, or --port 0 for a free one`,
      );
    });
  }
  try {
    return await start(options.preferredPort);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return start(0);
  }
}

/** Records a run and launches it with this process's composition (in process locally, Step Functions in AWS), as the handlers do; trigger and type as given. */
export async function requestRunDirectly(request: RunRequest): Promise<TriggeredRun> {
  const { state, created } = await requestRun(composition().pipeline, request);
  return { runId: state.runId, asOf: state.asOf, created };
}

/** Resolves once no run started in this process is still going. */
export async function whenRunsIdle(): Promise<void> {
  await composition().inProcess?.whenIdle();
}

/**
 * Starts again, in this process, a local run that is still queued or running although no
 * process runs it — one whose `marginfall` process was stopped part way. Every step can run
 * again (as a Step Functions retry would), so the run resumes. Does nothing in AWS (Step
 * Functions owns its runs) or when the run has ended; a run already going in this process is
 * left alone (the launcher starts a run once). Says whether the run needed resuming.
 */
export async function resumeInterruptedRun(runId: string): Promise<boolean> {
  const { pipeline, inProcess } = composition();
  if (inProcess === undefined) return false;
  const state = await pipeline.runs.get(runId);
  if (state.status !== 'queued' && state.status !== 'running') return false;
  await inProcess.launch(state);
  return true;
}
