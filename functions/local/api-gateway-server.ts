/**
 * A local stand-in for the API Gateway REST API in front of the api Lambda: a `node:http` server
 * that turns each request into the `APIGatewayProxyEvent` the proxy integration would deliver
 * (resource template, path parameters, single- and multi-value headers and query string, body
 * as text, a request context with a request id and the caller's identity) and writes the
 * handler's `APIGatewayProxyResult` back. The same handler code answers as in AWS.
 *
 * Differences from AWS, on purpose: requests are not IAM-signed and nothing is authorised
 * (`LOCAL_API_NOTICE` says so at start-up); an unknown resource answers 404 and a known one
 * with another method 405 (API Gateway answers 403 "Missing Authentication Token" to both);
 * there is no 29 s integration timeout. Like API Gateway, a handler that throws or returns
 * something that is not a proxy result answers 502 `{"message":"Internal server error"}`, and
 * a body over 10 MB answers 413.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { closeOnce, listenOnLoopback } from './http-listener.js';

export type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** A route of the REST API: method and resource template, e.g. `GET /runs/{runId}`. */
export interface ApiRoute {
  readonly method: string;
  readonly resource: string;
}

/** The routes the infrastructure defines for the api function (contract: handlers table). */
export const MARGINFALL_API_ROUTES: readonly ApiRoute[] = [
  { method: 'POST', resource: '/runs' },
  { method: 'GET', resource: '/runs/{runId}' },
  { method: 'GET', resource: '/reports' },
  { method: 'GET', resource: '/scenarios' },
];

/** Printed by whoever starts the server: local mode accepts unsigned requests. */
export const LOCAL_API_NOTICE =
  'local mode: requests are not IAM-signed or authorised here (in AWS every call needs SigV4)';

/** API Gateway's payload limit. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const LOCAL_ACCOUNT = '000000000000';
const LOCAL_STAGE = 'local';

export interface ApiGatewayServerOptions {
  readonly handler: ApiHandler;
  readonly routes?: readonly ApiRoute[];
  /** 0 (default) = a free port chosen by the OS. */
  readonly port?: number;
  /** Called after each response, for a request log line. */
  readonly onResponse?: (entry: {
    readonly method: string;
    readonly path: string;
    readonly status: number;
    readonly ms: number;
  }) => void;
  /** Called when the handler throws (the caller answers 502 either way). */
  readonly onHandlerError?: (error: unknown) => void;
}

export interface ApiGatewayServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`; routes are at its root (`/runs`). */
  readonly url: string;
  readonly port: number;
  /** Closes the server and every open connection. Idempotent. */
  stop(): Promise<void>;
}

export async function startApiGatewayServer(options: ApiGatewayServerOptions): Promise<ApiGatewayServer> {
  const routes = (options.routes ?? MARGINFALL_API_ROUTES).map(compileRoute);
  const server = createServer((request, response) => {
    const started = Date.now();
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    serveRequest(request, response, routes, options).then(
      (status) =>
        options.onResponse?.({ method: request.method ?? '', path, status, ms: Date.now() - started }),
      () => {
        if (!response.headersSent) writeJson(response, 500, { message: 'Internal server error' });
        else response.destroy();
      },
    );
  });
  const port = await listenOnLoopback(server, options.port ?? 0);
  return { url: `http://127.0.0.1:${port}`, port, stop: closeOnce(server) };
}

interface CompiledRoute extends ApiRoute {
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

function compileRoute(route: ApiRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.resource
    .split('/')
    .map((part) => {
      const parameter = /^\{([A-Za-z0-9_]+)\}$/.exec(part);
      if (!parameter) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(parameter[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { ...route, method: route.method.toUpperCase(), pattern: new RegExp(`^${source}/?$`), names };
}

/** Answers one request; resolves with the status written. */
async function serveRequest(
  request: IncomingMessage,
  response: ServerResponse,
  routes: readonly CompiledRoute[],
  options: ApiGatewayServerOptions,
): Promise<number> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = (request.method ?? 'GET').toUpperCase();
  const matches = routes
    .map((route) => ({ route, match: route.pattern.exec(url.pathname) }))
    .filter((candidate) => candidate.match !== null);
  if (matches.length === 0) {
    return writeJson(response, 404, { message: `Not Found: no resource ${url.pathname}` });
  }
  const found = matches.find((candidate) => candidate.route.method === method);
  if (!found?.match) {
    const allowed = matches.map((candidate) => candidate.route.method).join(', ');
    response.setHeader('allow', allowed);
    return writeJson(response, 405, { message: `Method ${method} not allowed on ${url.pathname}` });
  }
  const body = await readBody(request);
  if (body === undefined) return writeJson(response, 413, { message: 'Request Too Long' });

  const requestId = randomUUID();
  const event = buildProxyEvent(request, url, found.route, found.match, body, requestId);
  let result: unknown;
  try {
    result = await options.handler(event, localLambdaContext('marginfall-api-local', requestId));
  } catch (error) {
    options.onHandlerError?.(error);
    return writeJson(response, 502, { message: 'Internal server error' });
  }
  if (!isProxyResult(result)) return writeJson(response, 502, { message: 'Internal server error' });
  return writeProxyResult(response, result, requestId);
}

/**
 * The request body as text; undefined when it is over the limit (the rest is read and dropped,
 * so that the client gets the 413 rather than a reset connection).
 */
async function readBody(request: IncomingMessage): Promise<string | null | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) return undefined;
  return size === 0 ? null : Buffer.concat(chunks).toString('utf8');
}

function buildProxyEvent(
  request: IncomingMessage,
  url: URL,
  route: CompiledRoute,
  match: RegExpExecArray,
  body: string | null,
  requestId: string,
): APIGatewayProxyEvent {
  // Header names as the client sent them (API Gateway keeps their case); last value wins in `headers`.
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i]!;
    const value = request.rawHeaders[i + 1]!;
    headers[name] = value;
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  }
  const query: Record<string, string> = {};
  const multiValueQuery: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    query[name] = value;
    multiValueQuery[name] = [...(multiValueQuery[name] ?? []), value];
  }
  const pathParameters: Record<string, string> = {};
  route.names.forEach((name, i) => {
    pathParameters[name] = decodeURIComponent(match[i + 1] ?? '');
  });
  const now = Date.now();
  const sourceIp = request.socket.remoteAddress ?? '127.0.0.1';
  const hasQuery = Object.keys(query).length > 0;
  return {
    resource: route.resource,
    path: url.pathname,
    httpMethod: route.method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiValueQuery : null,
    pathParameters: route.names.length > 0 ? pathParameters : null,
    stageVariables: null,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: LOCAL_ACCOUNT,
      apiId: 'local',
      authorizer: undefined,
      protocol: `HTTP/${request.httpVersion}`,
      httpMethod: route.method,
      identity: {
        accessKey: null,
        accountId: LOCAL_ACCOUNT,
        apiKey: null,
        apiKeyId: null,
        caller: 'local',
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp,
        user: 'local',
        userAgent: request.headers['user-agent'] ?? null,
        userArn: `arn:aws:iam::${LOCAL_ACCOUNT}:user/local`,
      },
      // Routes are served at the root (as behind a custom domain without a base path), so links
      // the handler builds from this path point back here.
      path: url.pathname,
      stage: LOCAL_STAGE,
      requestId,
      requestTime: new Date(now).toUTCString(),
      requestTimeEpoch: now,
      resourceId: route.resource,
      resourcePath: route.resource,
    },
  };
}

/** A Lambda context for a local invocation of `functionName` (deadline: `timeoutMs` from now). */
export function localLambdaContext(functionName: string, requestId: string, timeoutMs = 29_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:${LOCAL_ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

function isProxyResult(value: unknown): value is APIGatewayProxyResult {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Record<string, unknown>;
  return (
    Number.isInteger(result.statusCode) &&
    (result.statusCode as number) >= 100 &&
    (result.statusCode as number) <= 599 &&
    (result.body === undefined || typeof result.body === 'string')
  );
}

function writeProxyResult(
  response: ServerResponse,
  result: APIGatewayProxyResult,
  requestId: string,
): number {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    headers[name.toLowerCase()] = values.map(String);
  headers['content-type'] ??= 'application/json';
  headers['x-amzn-requestid'] = requestId;
  const body = Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');
  response.writeHead(result.statusCode, { ...headers, 'content-length': String(body.length) });
  response.end(body);
  return result.statusCode;
}

function writeJson(response: ServerResponse, status: number, body: unknown): number {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  response.end(text);
  return status;
}
