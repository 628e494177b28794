/**
 * DynamoDB for tests: real servers (dynalite in this process; DynamoDB Local when Java and the
 * cached emulator are there), one fresh table per test, and a throttling proxy that sits
 * between the SDK and a server and makes it answer like a busy DynamoDB table:
 * `ProvisionedThroughputExceededException` for chosen requests, or a BatchWriteItem that only
 * stores part of its items and returns the rest as UnprocessedItems.
 */
import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient, ensureTable } from '../../functions/adapters/dynamodb-table.js';
import {
  type DynamoDbLocalAvailability,
  type LocalDynamoDb,
  locateDynamoDbLocal,
  startDynalite,
  startDynamoDbLocal,
} from '../../functions/local/dynamodb-server.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let tables = 0;

export interface TestTable {
  readonly client: DynamoDBClient;
  readonly tableName: string;
}

/** A new, empty table on `endpoint` and a client for it (destroy the client when done). */
export async function createTestTable(
  endpoint: string,
  options: { maxAttempts?: number } = {},
): Promise<TestTable> {
  const client = createDynamoDbClient({ region: 'us-east-1', endpoint, ...options });
  const tableName = `test-${process.pid}-${++tables}`;
  await ensureTable(client, tableName);
  return { client, tableName };
}

let located: Promise<DynamoDbLocalAvailability> | undefined;

/** Whether DynamoDB Local can run here (Java + the emulator from the npm cache); looked up once per file. */
export function dynamoDbLocalAvailability(): Promise<DynamoDbLocalAvailability> {
  located ??= locateDynamoDbLocal();
  return located;
}

export type ServerKind = LocalDynamoDb['kind'];

/** Starts a server of the given kind; DynamoDB Local must be available (see `dynamoDbLocalAvailability`). */
export async function startTestServer(kind: ServerKind): Promise<LocalDynamoDb> {
  if (kind === 'dynalite') return startDynalite({ mode: 'in-process' });
  const availability = await dynamoDbLocalAvailability();
  if (!availability.available) throw new Error(`DynamoDB Local is not available: ${availability.reason}`);
  return startDynamoDbLocal({ java: availability.java, emulatorDir: availability.emulatorDir });
}

// ---------------------------------------------------------------------------------------------
// Throttling proxy

/** What the proxy does with one request: the n-th (0-based) request of its operation. */
export type ProxyAction = 'pass' | 'throttle' | 'half-unprocessed' | 'all-unprocessed';
export type ProxyPolicy = (operation: string, n: number) => ProxyAction;

export interface ProxyStats {
  /** Requests per operation (X-Amz-Target), including the ones answered by the proxy. */
  readonly requests: Record<string, number>;
  /** Requests answered with ProvisionedThroughputExceededException. */
  throttled: number;
  /** Put requests returned as UnprocessedItems (not stored). */
  unprocessedItems: number;
  /** Most requests of each operation open at the same time. */
  readonly maxInFlight: Record<string, number>;
}

export interface ThrottlingProxy {
  readonly endpoint: string;
  readonly stats: ProxyStats;
  stop(): Promise<void>;
}

const THROTTLED_BODY = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message: 'The level of configured provisioned throughput for the table was exceeded.',
});

type WriteRequests = Record<string, unknown[]>;

export async function startThrottlingProxy(target: string, policy: ProxyPolicy): Promise<ThrottlingProxy> {
  const targetUrl = new URL(target);
  const stats: ProxyStats = { requests: {}, throttled: 0, unprocessedItems: 0, maxInFlight: {} };
  const inFlight: Record<string, number> = {};

  const forward = (headers: IncomingHttpHeaders, path: string, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const outgoing = request(
        {
          host: targetUrl.hostname,
          port: targetUrl.port,
          method: 'POST',
          path,
          headers: { ...headers, host: targetUrl.host, 'content-length': String(body.length) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 500,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown';
      const n = stats.requests[operation] ?? 0;
      stats.requests[operation] = n + 1;
      inFlight[operation] = (inFlight[operation] ?? 0) + 1;
      stats.maxInFlight[operation] = Math.max(stats.maxInFlight[operation] ?? 0, inFlight[operation]);
      const reply = (status: number, body: string | Buffer, headers: IncomingHttpHeaders = {}) => {
        const { 'content-length': _length, 'x-amz-crc32': _crc, 'transfer-encoding': _te, ...rest } = headers;
        res.writeHead(status, {
          ...rest,
          'content-type': 'application/x-amz-json-1.0',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
        inFlight[operation]!--;
      };
      try {
        const body = Buffer.concat(chunks);
        const action = policy(operation, n);
        if (action === 'throttle') {
          stats.throttled++;
          return reply(400, THROTTLED_BODY);
        }
        if (operation === 'BatchWriteItem' && action !== 'pass') {
          const parsed = JSON.parse(body.toString('utf8')) as { RequestItems: WriteRequests };
          const kept: WriteRequests = {};
          const unprocessed: WriteRequests = {};
          for (const [table, requests] of Object.entries(parsed.RequestItems)) {
            const keep = action === 'all-unprocessed' ? 0 : Math.ceil(requests.length / 2);
            if (keep > 0) kept[table] = requests.slice(0, keep);
            if (keep < requests.length) unprocessed[table] = requests.slice(keep);
            stats.unprocessedItems += requests.length - keep;
          }
          if (Object.keys(kept).length === 0)
            return reply(200, JSON.stringify({ UnprocessedItems: unprocessed }));
          const upstream = await forward(
            req.headers,
            req.url ?? '/',
            Buffer.from(JSON.stringify({ ...parsed, RequestItems: kept })),
          );
          if (upstream.status !== 200) return reply(upstream.status, upstream.body, upstream.headers);
          const answer = JSON.parse(upstream.body.toString('utf8')) as { UnprocessedItems?: WriteRequests };
          const merged: WriteRequests = { ...(answer.UnprocessedItems ?? {}) };
          for (const [table, requests] of Object.entries(unprocessed))
            merged[table] = [...(merged[table] ?? []), ...requests];
          return reply(200, JSON.stringify({ ...answer, UnprocessedItems: merged }), upstream.headers);
        }
        const upstream = await forward(req.headers, req.url ?? '/', body);
        return reply(upstream.status, upstream.body, upstream.headers);
      } catch (error) {
        return reply(500, JSON.stringify({ __type: 'InternalServerError', message: String(error) }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
