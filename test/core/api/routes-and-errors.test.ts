import { describe, expect, it } from 'vitest';
import type { ApiDeps } from '../../../functions/core/api/api-deps.js';
import {
  MethodNotAllowedError,
  RequestInputError,
  RequestTooLargeError,
  RouteNotFoundError,
} from '../../../functions/core/api/api-errors.js';
import { handleApiRequest } from '../../../functions/core/api/handle-api-request.js';
import { errorResponse, statusOfError } from '../../../functions/core/api/responses.js';
import { matchRoute } from '../../../functions/core/api/routes.js';
import { InvalidDocumentError, InvalidParamsError, MarginfallError } from '../../../functions/core/errors.js';
import { RunRequestInputError } from '../../../functions/core/pipeline/pipeline-errors.js';
import { ReportIntegrityError } from '../../../functions/core/ports/report-store.js';
import { RunNotFoundError, RunStateConflictError } from '../../../functions/core/ports/run-state-store.js';

describe('matchRoute', () => {
  it('finds each route, decoding path parameters and ignoring a trailing slash', () => {
    expect(matchRoute('POST', '/runs')).toMatchObject({ route: { operation: 'createRun' }, params: {} });
    expect(matchRoute('post', '/runs/')).toMatchObject({ route: { operation: 'createRun' } });
    expect(matchRoute('GET', '/runs/2026-11-30-adhoc-a%2Eb')).toMatchObject({
      route: { operation: 'describeRun' },
      params: { runId: '2026-11-30-adhoc-a.b' },
    });
    expect(matchRoute('GET', '/reports').route.operation).toBe('listReports');
    expect(matchRoute('GET', '/scenarios').route.operation).toBe('listScenarios');
  });

  it('tells an unknown path (404) from a wrong method (405, with the methods allowed)', () => {
    for (const path of ['/', '/run', '/runs/a/b', '/scenarios/x', '/runs/%E0%A4%A']) {
      expect(() => matchRoute('GET', path)).toThrow(RouteNotFoundError);
    }
    const error = (() => {
      try {
        matchRoute('PUT', '/runs/2026-11-30-adhoc-1');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MethodNotAllowedError);
    expect((error as MethodNotAllowedError).allowed).toEqual(['GET']);
    expect((error as Error).message).toBe('PUT is not allowed on /runs/2026-11-30-adhoc-1 (allowed: GET)');
  });
});

describe('error → status', () => {
  it('maps input errors to 400, unknown things to 404, method to 405, size to 413, the rest to 500', () => {
    const cases: [unknown, number][] = [
      [new RequestInputError('asOf', 'is required'), 400],
      [new RunRequestInputError('asOf', 'must be a date'), 400],
      [new InvalidParamsError('impact.y', 'must be > 0'), 400],
      [new InvalidDocumentError('scenarios', 'scenarios', 'must be a list'), 400],
      [new RunNotFoundError('2026-11-30-adhoc-x'), 404],
      [new RouteNotFoundError('GET', '/x'), 404],
      [new MethodNotAllowedError('PUT', '/runs', ['POST']), 405],
      [new RequestTooLargeError(2_000_000, 1_048_576), 413],
      [new RunStateConflictError('r', ['queued'], 'failed'), 500],
      [new ReportIntegrityError('reports/latest.json', 'bad'), 500],
      [new MarginfallError('something'), 500],
      [new TypeError("Cannot read properties of undefined (reading 'x')"), 500],
      ['a string', 500],
    ];
    for (const [error, status] of cases) expect(statusOfError(error)).toBe(status);
  });

  it('shows a 4xx error its name and message, and a 500 only a generic message with the request id', () => {
    expect(JSON.parse(errorResponse(new RequestInputError('regimes[1]', 'unknown'), 'req-1').body)).toEqual({
      error: 'RequestInputError',
      message: 'regimes[1]: unknown',
      requestId: 'req-1',
    });
    const internal = errorResponse(
      new Error('connect ECONNREFUSED 10.0.0.7:443 at Socket.x (/var/task/index.mjs:1:2)'),
      'req-2',
    );
    expect(internal.statusCode).toBe(500);
    expect(internal.body).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|index\.mjs/);
    expect(internal.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    expect(errorResponse(new MethodNotAllowedError('PUT', '/runs', ['POST']), 'r').headers.allow).toBe(
      'POST',
    );
  });

  it('handleApiRequest never throws: a parse failure becomes its response, an unexpected one is reported once', async () => {
    const unexpected: unknown[] = [];
    const deps = {} as ApiDeps;
    const bad = await handleApiRequest(
      deps,
      () => {
        throw new RequestInputError('body', 'is required');
      },
      { requestId: 'a', onUnexpectedError: (e) => unexpected.push(e) },
    );
    expect(bad.statusCode).toBe(400);
    expect(unexpected).toEqual([]);
    const boom = new Error('boom');
    const failed = await handleApiRequest(
      deps,
      () => {
        throw boom;
      },
      { requestId: 'b', onUnexpectedError: (e) => unexpected.push(e) },
    );
    expect(failed.statusCode).toBe(500);
    expect(unexpected).toEqual([boom]);
  });
});
