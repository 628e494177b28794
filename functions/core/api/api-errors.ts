/**
 * Typed errors of the HTTP API edge. The core knows no HTTP; `responses.ts` maps these (and
 * the core's own input errors) to statuses.
 */
import { MarginfallError } from '../errors.js';

/** A request field is missing or unusable; `field` is its path in the request (`scenarios[2].shocks.BTC.shock`). */
export class RequestInputError extends MarginfallError {
  override readonly name = 'RequestInputError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** The request body is larger than the API accepts. */
export class RequestTooLargeError extends MarginfallError {
  override readonly name = 'RequestTooLargeError';
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`body: must be at most ${maxBytes} bytes, got ${bytes}`);
  }
}

/** No route has this path. */
export class RouteNotFoundError extends MarginfallError {
  override readonly name = 'RouteNotFoundError';
  constructor(
    readonly method: string,
    readonly path: string,
  ) {
    super(`no resource ${path}`);
  }
}

/** A route has this path but not this method. */
export class MethodNotAllowedError extends MarginfallError {
  override readonly name = 'MethodNotAllowedError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly allowed: readonly string[],
  ) {
    super(`${method} is not allowed on ${path} (allowed: ${allowed.join(', ')})`);
  }
}
