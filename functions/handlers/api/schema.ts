/**
 * Parsing API Gateway REST proxy events into the API's requests: route (core/api/routes.ts),
 * path parameter, query string and JSON body, each checked with zod. Everything a caller sends
 * is either used or refused with a message naming it — unknown body fields and query
 * parameters included.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { z } from 'zod';
import { RequestInputError, RequestTooLargeError } from '../../core/api/api-errors.js';
import { type ApiRequest, RUN_REQUEST_LIMITS, type RunRequestBody } from '../../core/api/api-request.js';
import { matchRoute } from '../../core/api/routes.js';
import { parseIsoDate } from '../../core/dates.js';
import { REGIMES } from '../../core/model/params.js';
import { formatPath, parseWith } from '../parse-input.js';
import { runIdSchema } from '../step-schemas.js';

const limits = RUN_REQUEST_LIMITS;

/** The parts of a REST proxy event the API reads (API Gateway sends more). */
const proxyEventSchema = z.object({
  httpMethod: z.string(),
  path: z.string(),
  headers: z.record(z.string(), z.string().optional()).nullish(),
  multiValueQueryStringParameters: z.record(z.string(), z.array(z.string()).optional()).nullish(),
  queryStringParameters: z.record(z.string(), z.string().optional()).nullish(),
  body: z.string().nullish(),
  isBase64Encoded: z.boolean().nullish(),
  requestContext: z.object({
    requestId: z.string(),
    path: z.string().nullish(),
    domainName: z.string().nullish(),
  }),
});
type ProxyEvent = z.infer<typeof proxyEventSchema>;

const isoDate = z.string().refine((value) => parseIsoDate(value) !== undefined, 'must be a date YYYY-MM-DD');

/** A refinement that names the first repeated item of a list. */
const noDuplicates =
  (what: string) =>
  (items: readonly unknown[], context: z.core.$RefinementCtx<readonly unknown[]>): void => {
    const seen = new Set<unknown>();
    for (const [i, item] of items.entries()) {
      if (seen.has(item))
        context.addIssue({ code: 'custom', path: [i], message: `duplicate ${what} ${JSON.stringify(item)}` });
      seen.add(item);
    }
  };

const scenarioId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'must be 1–64 of A–Z a–z 0–9 . _ -, starting with a letter or digit',
  );

const shockEntry = z.strictObject({
  shock: z
    .number()
    .gt(limits.shock.above, `must be greater than ${limits.shock.above} (a price cannot fall 100%)`)
    .lte(limits.shock.atMost, `must be at most ${limits.shock.atMost} (+1000%)`)
    .optional(),
  vol: z
    .number()
    .gte(limits.vol.atLeast, `must be at least ${limits.vol.atLeast}`)
    .lte(limits.vol.atMost, `must be at most ${limits.vol.atMost}`)
    .optional(),
  liquidity: z
    .number()
    .gt(limits.liquidity.above, `must be greater than ${limits.liquidity.above}`)
    .lte(limits.liquidity.atMost, `must be at most ${limits.liquidity.atMost}`)
    .optional(),
});

/** MODEL.md §6/§8 scenario form. */
const inlineScenario = z.strictObject({
  id: scenarioId,
  name: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  kind: z.enum(['historical', 'hypothetical']).optional(),
  window: z.tuple([isoDate, isoDate]).optional(),
  shocks: z
    .record(
      z.string().regex(/^(\*|[A-Za-z0-9._-]{1,32})$/, 'keys must be "*" or an asset symbol'),
      shockEntry,
    )
    .refine((shocks) => Object.keys(shocks).length > 0, 'must shock at least one asset (or "*")')
    .refine((shocks) => Object.keys(shocks).length <= 100, 'must have at most 100 entries'),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export const runRequestBodySchema: z.ZodType<RunRequestBody> = z
  .strictObject({
    asOf: isoDate,
    scenarioIds: z
      .array(scenarioId)
      .min(1, 'must not be empty (leave it out for the daily set)')
      .max(limits.maxScenarios, `must have at most ${limits.maxScenarios} ids`)
      .superRefine(noDuplicates('scenario id'))
      .optional(),
    scenarios: z
      .array(inlineScenario)
      .min(1, 'must not be empty (leave it out)')
      .max(limits.maxScenarios, `must have at most ${limits.maxScenarios} scenarios`)
      .optional(),
    regimes: z
      .array(z.enum(REGIMES))
      .min(1, 'must not be empty (leave it out for every regime)')
      .superRefine(noDuplicates('regime'))
      .optional(),
    clientIds: z
      .array(z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters'))
      .min(1, 'must not be empty (leave it out for the whole book)')
      .max(limits.maxClientIds, `must have at most ${limits.maxClientIds} ids`)
      .superRefine(noDuplicates('client id'))
      .optional(),
    params: z
      .record(z.string(), z.unknown(), { error: 'must be a risk-parameter document (a JSON object)' })
      .optional(),
  })
  .superRefine((body, context) => {
    const total = (body.scenarioIds?.length ?? 0) + (body.scenarios?.length ?? 0);
    if (total > limits.maxScenarios) {
      context.addIssue({
        code: 'custom',
        path: ['scenarios'],
        message: `scenarioIds and scenarios together must be at most ${limits.maxScenarios}, got ${total}`,
      });
    }
    const seen = new Set<string>();
    for (const [i, scenario] of (body.scenarios ?? []).entries()) {
      if (seen.has(scenario.id)) {
        context.addIssue({
          code: 'custom',
          path: ['scenarios', i, 'id'],
          message: `duplicate scenario id "${scenario.id}"`,
        });
      }
      seen.add(scenario.id);
    }
  }) as z.ZodType<RunRequestBody>;

function inputError(problem: { field: string; reason: string }, prefix = ''): RequestInputError {
  const field =
    prefix === '' ? problem.field : problem.field === '(input)' ? prefix : `${prefix}.${problem.field}`;
  return new RequestInputError(field, problem.reason);
}

function header(event: ProxyEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}

/**
 * Scheme, host and stage path the caller used (`https://abc.execute-api.eu-west-1.amazonaws.com/prod`).
 * Behind API Gateway (`requestContext.domainName` set) the request context's path is the event's
 * path behind the stage or base-path mapping; without it (a gateway serving paths as they are,
 * like the local one) the Host header and the bare path.
 */
function publicBaseUrl(event: ProxyEvent): string {
  const domainName = event.requestContext.domainName ?? undefined;
  const contextPath = event.requestContext.path ?? '';
  const basePath =
    domainName !== undefined && contextPath.endsWith(event.path)
      ? contextPath.slice(0, contextPath.length - event.path.length)
      : '';
  const host = domainName ?? header(event, 'host');
  if (host === undefined) return basePath;
  const scheme = header(event, 'x-forwarded-proto') ?? (domainName !== undefined ? 'https' : 'http');
  return `${scheme}://${host}${basePath}`;
}

/** The query string as name → values, refusing names the route does not take and repeated values. */
function readQuery(event: ProxyEvent, allowed: readonly string[]): Record<string, string> {
  const multi = event.multiValueQueryStringParameters ?? {};
  const single = event.queryStringParameters ?? {};
  const query: Record<string, string> = {};
  for (const name of new Set([...Object.keys(single), ...Object.keys(multi)])) {
    if (!allowed.includes(name)) {
      const expected = allowed.length === 0 ? 'this resource takes none' : `expected ${allowed.join(', ')}`;
      throw new RequestInputError(name, `is not a known query parameter (${expected})`);
    }
    const values = multi[name] ?? (single[name] === undefined ? [] : [single[name]]);
    if (values.length > 1) throw new RequestInputError(name, 'must be given once');
    query[name] = values[0] ?? '';
  }
  return query;
}

/** The JSON body: decoded, within the size limit, parsed. */
function readJsonBody(event: ProxyEvent): unknown {
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > limits.maxBodyBytes) throw new RequestTooLargeError(bytes.length, limits.maxBodyBytes);
  const text = bytes.toString('utf8');
  if (text.trim() === '')
    throw new RequestInputError('body', 'is required: a JSON object such as {"asOf": "2026-11-30"}');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RequestInputError('body', `is not valid JSON: ${(error as Error).message}`);
  }
}

/** The API request an API Gateway proxy event carries; throws the API's typed errors. */
export function parseApiEvent(event: APIGatewayProxyEvent | unknown): ApiRequest {
  const envelope = proxyEventSchema.safeParse(event);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw new Error(
      `not an API Gateway proxy event: ${formatPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const proxy = envelope.data;
  const { route, params } = matchRoute(proxy.httpMethod, proxy.path);
  switch (route.operation) {
    case 'createRun': {
      readQuery(proxy, []);
      const body = parseWith(runRequestBodySchema, readJsonBody(proxy));
      if (!body.ok) throw inputError(body.problem);
      return { operation: 'createRun', body: body.value, baseUrl: publicBaseUrl(proxy) };
    }
    case 'describeRun': {
      readQuery(proxy, []);
      const runId = parseWith(runIdSchema, params.runId);
      if (!runId.ok) throw inputError(runId.problem, 'runId');
      return { operation: 'describeRun', runId: runId.value };
    }
    case 'listReports': {
      const { asOf } = readQuery(proxy, ['asOf']);
      if (asOf === undefined)
        throw new RequestInputError('asOf', 'is required: GET /reports?asOf=YYYY-MM-DD');
      const date = parseWith(isoDate, asOf);
      if (!date.ok) throw inputError(date.problem, 'asOf');
      return { operation: 'listReports', asOf: date.value };
    }
    case 'listScenarios':
      readQuery(proxy, []);
      return { operation: 'listScenarios' };
  }
}
