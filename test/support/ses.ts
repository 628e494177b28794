/**
 * A real SES v2-compatible server (aws-ses-v2-local, child process) for mailer tests, and a
 * small HTTP proxy in front of it that records every request and can answer the first ones
 * with an error — the "SES is having a bad minute" case.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESv2Client, type SESv2ClientConfig } from '@aws-sdk/client-sesv2';
import {
  type LocalSesServer,
  localSesClientConfig,
  startSesServer,
} from '../../functions/local/ses-server.js';

/** One message as aws-ses-v2-local keeps it (its own mailparser reading of what it received). */
export interface StoredEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: string[]; readonly cc: string[]; readonly bcc: string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly attachments: readonly {
    readonly content: string; // base64
    readonly contentType: string;
    readonly filename?: string;
    readonly size: number;
  }[];
}

export interface TestSes {
  readonly server: LocalSesServer;
  /** A client for `endpoint` (default the server) with SDK retries off: the mailer retries. */
  newClient(endpoint?: string, overrides?: Partial<SESv2ClientConfig>): SESv2Client;
  /** The messages received so far, oldest first. */
  emails(): Promise<StoredEmail[]>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestSes(): Promise<TestSes> {
  const server = await startSesServer();
  const clients: SESv2Client[] = [];
  return {
    server,
    newClient(endpoint = server.endpoint, overrides = {}) {
      const client = new SESv2Client({ ...localSesClientConfig(endpoint), maxAttempts: 1, ...overrides });
      clients.push(client);
      return client;
    },
    async emails() {
      const response = await fetch(`${server.endpoint}/store`);
      const store = (await response.json()) as { emails: StoredEmail[] };
      return store.emails;
    },
    async clear() {
      await fetch(`${server.endpoint}/clear-store`, { method: 'POST' });
    },
    async stop() {
      for (const client of clients) client.destroy();
      await server.stop();
    },
  };
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  /** What the proxy answered: the injected status, or the upstream's. */
  readonly status: number;
}

export interface FaultyProxy {
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  stop(): Promise<void>;
}

/**
 * An HTTP proxy to `target` that answers the first `failures` requests itself with `status`
 * and an AWS JSON error of type `errorType`, and forwards the rest unchanged.
 */
export async function startFaultyProxy(
  target: string,
  fault: { readonly failures: number; readonly status?: number; readonly errorType?: string } = {
    failures: 0,
  },
): Promise<FaultyProxy> {
  const requests: RecordedRequest[] = [];
  let failuresLeft = fault.failures;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const record = (status: number) =>
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        body: body.toString('utf8'),
        status,
      });

    if (failuresLeft > 0) {
      failuresLeft -= 1;
      const status = fault.status ?? 500;
      const errorType = fault.errorType ?? 'InternalFailure';
      record(status);
      response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': errorType });
      response.end(JSON.stringify({ message: `injected ${status} ${errorType}` }));
      return;
    }
    const upstream = await fetch(new URL(request.url ?? '/', target), {
      method: request.method,
      headers: forwardable(request.headers),
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
    });
    const answer = Buffer.from(await upstream.arrayBuffer());
    record(upstream.status);
    response.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
    });
    response.end(answer);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || ['host', 'content-length', 'connection', 'transfer-encoding'].includes(name))
      continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** A local port nothing listens on (bound by the OS, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
