/**
 * HTTP responses of the API: JSON bodies with their content type, and the mapping of errors to
 * statuses. Callers see the message of a 4xx error (it names the field and the reason); a 5xx
 * shows only a generic message and the request id to quote — never an error's text or stack.
 *
 *   *InputError (RequestInputError, RunRequestInputError, …), InvalidParamsError,
 *   InvalidDocumentError                                   → 400
 *   RunNotFoundError, RouteNotFoundError                  → 404
 *   MethodNotAllowedError                                  → 405 (with Allow)
 *   RequestTooLargeError                                   → 413
 *   anything else                                          → 500
 */
import { InvalidDocumentError, InvalidParamsError, MarginfallError } from '../errors.js';
import { RunNotFoundError } from '../ports/run-state-store.js';
import { MethodNotAllowedError, RequestTooLargeError, RouteNotFoundError } from './api-errors.js';

/** The shape of an API Gateway proxy result. */
export interface ApiResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  // Bodies carry short-lived links and run states that change: nothing may be cached.
  'cache-control': 'no-store',
} as const;

export function jsonResponse(
  statusCode: number,
  document: unknown,
  headers: Readonly<Record<string, string>> = {},
): ApiResponse {
  return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(document) };
}

/** The status of a failed request; 500 for anything unexpected. */
export function statusOfError(error: unknown): number {
  if (error instanceof RunNotFoundError || error instanceof RouteNotFoundError) return 404;
  if (error instanceof MethodNotAllowedError) return 405;
  if (error instanceof RequestTooLargeError) return 413;
  if (error instanceof InvalidParamsError || error instanceof InvalidDocumentError) return 400;
  if (error instanceof MarginfallError && error.name.endsWith('InputError')) return 400;
  return 500;
}

/** The response for `error`: its name and message when the caller can act on it, else a generic one. */
export function errorResponse(error: unknown, requestId: string): ApiResponse {
  const statusCode = statusOfError(error);
  if (statusCode === 500) {
    return jsonResponse(500, {
      error: 'InternalError',
      message: `the request could not be completed; quote request id ${requestId} when reporting it`,
      requestId,
    });
  }
  const { name, message } = error as MarginfallError;
  const headers: Record<string, string> =
    error instanceof MethodNotAllowedError ? { allow: error.allowed.join(', ') } : {};
  return jsonResponse(statusCode, { error: name, message, requestId }, headers);
}
