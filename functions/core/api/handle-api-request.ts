/**
 * One API request, end to end: parse (the edge's schemas, passed in) → operation → response.
 * Never throws: every failure becomes an error response (responses.ts).
 */
import type { ApiDeps } from './api-deps.js';
import { createRun, describeRun, listReports, listScenarios } from './api-operations.js';
import type { ApiRequest } from './api-request.js';
import { type ApiResponse, errorResponse, jsonResponse, statusOfError } from './responses.js';

export interface ApiRequestContext {
  /** The API Gateway request id, echoed in error bodies. */
  readonly requestId: string;
  /** Told about every failure that answers 500 (to log it with its stack). */
  readonly onUnexpectedError?: (error: unknown) => void;
}

async function answer(deps: ApiDeps, request: ApiRequest): Promise<ApiResponse> {
  switch (request.operation) {
    case 'createRun': {
      const created = await createRun(deps, request.body, request.baseUrl);
      return jsonResponse(202, created, { location: created.statusUrl });
    }
    case 'describeRun':
      return jsonResponse(200, await describeRun(deps, request.runId));
    case 'listReports':
      return jsonResponse(200, await listReports(deps, request.asOf));
    case 'listScenarios':
      return jsonResponse(200, listScenarios(deps));
  }
}

export async function handleApiRequest(
  deps: ApiDeps,
  parse: () => ApiRequest,
  context: ApiRequestContext,
): Promise<ApiResponse> {
  try {
    return await answer(deps, parse());
  } catch (error) {
    if (statusOfError(error) === 500) context.onUnexpectedError?.(error);
    return errorResponse(error, context.requestId);
  }
}
