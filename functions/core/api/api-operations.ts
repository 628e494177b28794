/**
 * The API's operations: each takes a parsed request and returns the response document (plain
 * JSON values). Errors are thrown typed and mapped to statuses by `responses.ts`.
 */
import { epochDay, isoDateFromEpochDay, parseIsoDate } from '../dates.js';
import { InvalidParamsError } from '../errors.js';
import type { RunRequest, RunState } from '../pipeline/contracts.js';
import { requestRun } from '../pipeline/request-run.js';
import { RunNotFoundError } from '../ports/run-state-store.js';
import { findScenarioById, scenarioLibrary } from '../scenarios/library.js';
import { validateParams } from '../validation/validate-params.js';
import type { ApiDeps, ReportLink } from './api-deps.js';
import { RequestInputError } from './api-errors.js';
import type { RunRequestBody } from './api-request.js';

export interface CreatedRun {
  readonly runId: string;
  readonly status: RunState['status'];
  readonly statusUrl: string;
}

/** Checks what the edge's schema cannot (library ids, the parameter document, dates); throws `RequestInputError`. */
function checkRunRequest(body: RunRequestBody, todayUtc: string): void {
  const tomorrow = isoDateFromEpochDay(epochDay(parseIsoDate(todayUtc)!) + 1);
  // A day ahead of UTC: the business day of a zone east of UTC may already have closed.
  if (body.asOf > tomorrow) {
    throw new RequestInputError(
      'asOf',
      `${body.asOf} is in the future: no end-of-day snapshot can exist for it`,
    );
  }
  for (const [i, id] of (body.scenarioIds ?? []).entries()) {
    if (findScenarioById(id) === undefined) {
      throw new RequestInputError(
        `scenarioIds[${i}]`,
        `unknown library scenario '${id}' (GET /scenarios lists them)`,
      );
    }
  }
  const requested = new Set(body.scenarioIds ?? []);
  for (const [i, scenario] of (body.scenarios ?? []).entries()) {
    const id = (scenario as { id: string }).id;
    if (requested.has(id)) {
      throw new RequestInputError(
        `scenarios[${i}].id`,
        `'${id}' is also requested from the library: give the inline scenario its own id`,
      );
    }
  }
  if (body.params !== undefined) {
    try {
      validateParams(body.params);
    } catch (error) {
      if (error instanceof InvalidParamsError)
        throw new RequestInputError(`params.${error.field}`, error.reason);
      throw error;
    }
  }
}

/** POST /runs: a new on-demand run, launched; answers before it has run. */
export async function createRun(deps: ApiDeps, body: RunRequestBody, baseUrl: string): Promise<CreatedRun> {
  checkRunRequest(body, deps.pipeline.clock.nowIso().slice(0, 10));
  const request: RunRequest = {
    asOf: body.asOf,
    reportType: 'on-demand',
    trigger: 'api',
    ...(body.scenarioIds === undefined ? {} : { scenarioIds: body.scenarioIds }),
    ...(body.scenarios === undefined ? {} : { inlineScenarios: body.scenarios }),
    ...(body.regimes === undefined ? {} : { regimes: body.regimes }),
    ...(body.clientIds === undefined ? {} : { clientIds: body.clientIds }),
    ...(body.params === undefined ? {} : { paramsOverride: body.params }),
  };
  const { state } = await requestRun(deps.pipeline, request);
  return {
    runId: state.runId,
    status: state.status,
    statusUrl: `${baseUrl}/runs/${encodeURIComponent(state.runId)}`,
  };
}

export interface RunDescription {
  readonly runId: string;
  readonly asOf: string;
  readonly reportType: RunState['reportType'];
  readonly trigger: RunState['trigger'];
  readonly status: RunState['status'];
  readonly request: RunRequest;
  readonly requestedAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  /** Milliseconds per step. */
  readonly timings: RunState['timings'];
  readonly chunks: number;
  readonly failure?: RunState['failure'];
  readonly email?: { readonly pdf: 'attached' | 'linked' };
  /** Present once the run succeeded: the headline figures and links to the PDF and JSON report. */
  readonly report?: {
    readonly headline: Readonly<Record<string, number | string>>;
    readonly pdf: ReportLink;
    readonly json: ReportLink;
  };
}

/** GET /runs/{runId}: the run's status, request, timings, failure, and links once it succeeded. */
export async function describeRun(deps: ApiDeps, runId: string): Promise<RunDescription> {
  // Run ids start with their business date; anything else cannot name a run.
  if (parseIsoDate(runId.slice(0, 10)) === undefined) throw new RunNotFoundError(runId);
  const state = await deps.pipeline.runs.get(runId);
  const report =
    state.status === 'succeeded' && state.report !== undefined
      ? {
          headline: state.report.headline,
          pdf: await deps.links.linkTo(state.report.pdfKey, `marginfall-${state.runId}.pdf`),
          json: await deps.links.linkTo(state.report.jsonKey, `marginfall-${state.runId}.json`),
        }
      : undefined;
  return {
    runId: state.runId,
    asOf: state.asOf,
    reportType: state.reportType,
    trigger: state.trigger,
    status: state.status,
    request: state.request,
    requestedAt: state.requestedAt,
    ...(state.startedAt === undefined ? {} : { startedAt: state.startedAt }),
    ...(state.finishedAt === undefined ? {} : { finishedAt: state.finishedAt }),
    timings: state.timings,
    chunks: state.chunks,
    ...(state.failure === undefined ? {} : { failure: state.failure }),
    ...(state.email === undefined ? {} : { email: { pdf: state.email.pdf } }),
    ...(report === undefined ? {} : { report }),
  };
}

export interface DayReports {
  readonly asOf: string;
  /** Run records of the day, oldest request first; `published` = listed in the archive's day index. */
  readonly runs: readonly {
    readonly runId: string;
    readonly reportType: RunState['reportType'];
    readonly trigger: RunState['trigger'];
    readonly status: RunState['status'];
    readonly requestedAt: string;
    readonly finishedAt?: string;
    readonly published: boolean;
    readonly failure?: RunState['failure'];
  }[];
  /** The archive's day index: every published run, oldest first (runs published without a record included). */
  readonly archive: readonly {
    readonly runId: string;
    readonly generatedAt: string;
    readonly status: string;
    readonly headline: Readonly<Record<string, number | string>>;
  }[];
}

/** GET /reports?asOf=D: the day's runs and what the archive published for it. */
export async function listReports(deps: ApiDeps, asOf: string): Promise<DayReports> {
  const [runs, published] = await Promise.all([
    deps.pipeline.runs.listByAsOf(asOf),
    deps.pipeline.reports.listDay(asOf),
  ]);
  const publishedIds = new Set(published.map((run) => run.runId));
  return {
    asOf,
    runs: runs.map((run) => ({
      runId: run.runId,
      reportType: run.reportType,
      trigger: run.trigger,
      status: run.status,
      requestedAt: run.requestedAt,
      ...(run.finishedAt === undefined ? {} : { finishedAt: run.finishedAt }),
      published: publishedIds.has(run.runId),
      ...(run.failure === undefined ? {} : { failure: run.failure }),
    })),
    archive: published.map((run) => ({
      runId: run.runId,
      generatedAt: run.generatedAt,
      status: run.status,
      headline: run.headline,
    })),
  };
}

export interface ScenarioListing {
  readonly scenarios: readonly {
    readonly id: string;
    readonly name: string;
    readonly kind: string;
    readonly description?: string;
    /** Historical scenarios: [base date, last day] of the measured move. */
    readonly window?: readonly [string, string];
    /** Run when a request names no scenario. */
    readonly default: boolean;
  }[];
}

/** GET /scenarios: the library, in library order. */
export function listScenarios(deps: ApiDeps): ScenarioListing {
  const defaults = new Set(deps.pipeline.defaultScenarioIds);
  return {
    scenarios: scenarioLibrary.scenarios.map((scenario) => ({
      id: scenario.id,
      name: scenario.name,
      kind: scenario.kind,
      ...(scenario.metadata?.description === undefined ? {} : { description: scenario.metadata.description }),
      ...(scenario.window === undefined ? {} : { window: scenario.window }),
      default: defaults.has(scenario.id),
    })),
  };
}
