/**
 * The API's routing table: REST resources as API Gateway declares them (`{name}` is one path
 * segment) and the operation each method calls.
 */
import { MethodNotAllowedError, RouteNotFoundError } from './api-errors.js';

export type ApiOperation = 'createRun' | 'describeRun' | 'listReports' | 'listScenarios';

export interface ApiRoute {
  readonly method: 'GET' | 'POST';
  /** Resource template, e.g. `/runs/{runId}`. */
  readonly resource: string;
  readonly operation: ApiOperation;
}

export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'POST', resource: '/runs', operation: 'createRun' },
  { method: 'GET', resource: '/runs/{runId}', operation: 'describeRun' },
  { method: 'GET', resource: '/reports', operation: 'listReports' },
  { method: 'GET', resource: '/scenarios', operation: 'listScenarios' },
];

export interface RouteMatch {
  readonly route: ApiRoute;
  /** Decoded path parameters by name. */
  readonly params: Readonly<Record<string, string>>;
}

const segmentsOf = (path: string) => path.split('/').filter((segment) => segment !== '');

function matchResource(resource: string, path: string): Record<string, string> | undefined {
  const template = segmentsOf(resource);
  const actual = segmentsOf(path);
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of template.entries()) {
    const segment = actual[i]!;
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name !== undefined) {
      try {
        params[name] = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}

/**
 * The route for `method` and `path` (a trailing slash is ignored). Throws `RouteNotFoundError`
 * when no resource matches and `MethodNotAllowedError` when one does with other methods.
 */
export function matchRoute(method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of API_ROUTES) {
    const params = matchResource(route.resource, path);
    if (params === undefined) continue;
    if (route.method === method.toUpperCase()) return { route, params };
    allowed.push(route.method);
  }
  if (allowed.length === 0) throw new RouteNotFoundError(method, path);
  throw new MethodNotAllowedError(method, path, allowed);
}
