/**
 * The local API Gateway stand-in: requests become proxy events for the handler (resource,
 * path parameters, headers, query string, body), results go back as HTTP responses, and the
 * failure answers are API Gateway's.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ApiGatewayServer,
  MAX_BODY_BYTES,
  startApiGatewayServer,
} from '../../functions/local/api-gateway-server.js';
import { startLocalApi } from '../../functions/local/local-handlers.js';

interface Seen {
  readonly event: APIGatewayProxyEvent;
  readonly context: Context;
}

let server: ApiGatewayServer;
const seen: Seen[] = [];
const logged: { method: string; path: string; status: number }[] = [];
let answer: (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

beforeAll(async () => {
  server = await startApiGatewayServer({
    handler: async (event, context) => {
      seen.push({ event, context });
      return answer(event);
    },
    onResponse: ({ method, path, status }) => logged.push({ method, path, status }),
    onHandlerError: () => {},
  });
});

afterAll(async () => {
  await server.stop();
});

beforeEach(() => {
  seen.length = 0;
  logged.length = 0;
  answer = async (event) => ({ statusCode: 200, body: JSON.stringify({ resource: event.resource }) });
});

describe('startApiGatewayServer', () => {
  it('delivers POST /runs as a proxy event and writes the result back', async () => {
    answer = async () => ({
      statusCode: 202,
      headers: { 'Content-Type': 'application/json', 'X-Run-Id': '2026-11-30-adhoc-a1' },
      body: '{"runId":"2026-11-30-adhoc-a1"}',
    });
    const response = await fetch(`${server.url}/runs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 'one' },
      body: '{"asOf":"2026-11-30"}',
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-run-id')).toBe('2026-11-30-adhoc-a1');
    expect(response.headers.get('x-amzn-requestid')).toBe(seen[0]?.event.requestContext.requestId);
    expect(await response.json()).toEqual({ runId: '2026-11-30-adhoc-a1' });

    expect(seen).toHaveLength(1);
    const { event, context } = seen[0]!;
    expect(event.resource).toBe('/runs');
    expect(event.path).toBe('/runs');
    expect(event.httpMethod).toBe('POST');
    expect(event.body).toBe('{"asOf":"2026-11-30"}');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.pathParameters).toBeNull();
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
    expect(event.headers['Content-Type']).toBe('application/json');
    expect(event.multiValueHeaders['X-Trace']).toEqual(['one']);
    expect(event.requestContext.resourcePath).toBe('/runs');
    expect(event.requestContext.httpMethod).toBe('POST');
    expect(event.requestContext.stage).toBe('local');
    expect(event.requestContext.identity.sourceIp).toMatch(/127\.0\.0\.1/);
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.awsRequestId).toBe(event.requestContext.requestId);
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
    expect(logged).toEqual([{ method: 'POST', path: '/runs', status: 202 }]);
  });

  it('matches resource templates, decodes path parameters and keeps repeated query values', async () => {
    const response = await fetch(`${server.url}/runs/2026-11-30-daily%2Dx?a=1&b=2&a=3`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ resource: '/runs/{runId}' });
    const { event } = seen[0]!;
    expect(event.httpMethod).toBe('GET');
    expect(event.path).toBe('/runs/2026-11-30-daily%2Dx');
    expect(event.pathParameters).toEqual({ runId: '2026-11-30-daily-x' });
    expect(event.queryStringParameters).toEqual({ a: '3', b: '2' });
    expect(event.multiValueQueryStringParameters).toEqual({ a: ['1', '3'], b: ['2'] });
    expect(event.body).toBeNull();

    await fetch(`${server.url}/reports?asOf=2026-11-30`);
    expect(seen[1]?.event.queryStringParameters).toEqual({ asOf: '2026-11-30' });
    expect(seen[1]?.event.resource).toBe('/reports');
  });

  it('answers an unknown resource 404 and another method 405 without calling the handler', async () => {
    const missing = await fetch(`${server.url}/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Not Found: no resource /nothing' });
    const wrong = await fetch(`${server.url}/runs`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    await wrong.arrayBuffer();
    expect(seen).toHaveLength(0);
  });

  it('answers 502 like API Gateway when the handler throws or returns no proxy result', async () => {
    answer = async () => {
      throw new Error('boom');
    };
    const thrown = await fetch(`${server.url}/scenarios`);
    expect(thrown.status).toBe(502);
    expect(await thrown.json()).toEqual({ message: 'Internal server error' });

    answer = async () => ({ body: 'no status' }) as unknown as APIGatewayProxyResult;
    const malformed = await fetch(`${server.url}/scenarios`);
    expect(malformed.status).toBe(502);
    expect(await malformed.text()).toBe('{"message":"Internal server error"}');
  });

  it('decodes a base64 result body and joins multi-value headers', async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    answer = async () => ({
      statusCode: 200,
      headers: { 'content-type': 'application/pdf' },
      multiValueHeaders: { 'x-part': ['a', 'b'] },
      body: bytes.toString('base64'),
      isBase64Encoded: true,
    });
    const response = await fetch(`${server.url}/scenarios`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-part')).toBe('a, b');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('refuses a body over 10 MB with 413', async () => {
    const response = await fetch(`${server.url}/runs`, {
      method: 'POST',
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Too Long' });
    expect(seen).toHaveLength(0);
  });

  it('stops: the port is closed afterwards, and stop is idempotent', async () => {
    const other = await startApiGatewayServer({ handler: async () => ({ statusCode: 204, body: '' }) });
    expect((await fetch(`${other.url}/scenarios`)).status).toBe(204);
    await other.stop();
    await expect(fetch(`${other.url}/scenarios`)).rejects.toThrow();
    await other.stop();
  });
});

describe('startLocalApi', () => {
  it('refuses a taken port given on the command line in one line, and falls back from a taken default', async () => {
    await expect(startLocalApi({ port: server.port, preferredPort: 3000 })).rejects.toThrow(
      `port ${server.port} is in use: choose another with --port, or --port 0 for a free one`,
    );
    const fallback = await startLocalApi({ preferredPort: server.port });
    try {
      expect(fallback.port).not.toBe(server.port);
      expect(fallback.port).toBeGreaterThan(0);
    } finally {
      await fallback.stop();
    }
  });
});
