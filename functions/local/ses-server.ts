/**
 * Embedded SES v2-compatible server (aws-ses-v2-local 2.10.2) for tests and the local mode.
 *
 * Runs as a child process on a port the OS picks (read back from its start line), so each
 * server has its own mailbox. `SendEmailCommand` works unchanged against `endpoint`; the
 * server parses what it receives and keeps it in memory: `GET /store` returns every message
 * (subject, addresses, text and html bodies, attachments base64), `POST /clear-store` empties
 * it, and the root page is a mail viewer for a browser.
 */
import { createRequire } from 'node:module';
import { startChildServer, stopChild } from './child-server.js';

export interface LocalSesServerOptions {
  /** Port to listen on; default 0 = a free port chosen by the OS. */
  readonly port?: number;
  /** Give up if the server has not announced its address after this long (ms). */
  readonly startTimeoutMs?: number;
}

export interface LocalSesServer {
  /** Base URL for the SDK's `endpoint` and for the viewer, e.g. `http://127.0.0.1:41234`. */
  readonly endpoint: string;
  readonly port: number;
  /** Stops the child process. Idempotent. */
  stop(): Promise<void>;
}

/** SESv2Client settings for the local server (it wants an AWS signature, of any key). */
export function localSesClientConfig(endpoint: string) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  } as const;
}

export async function startSesServer(options: LocalSesServerOptions = {}): Promise<LocalSesServer> {
  const { child, port } = await startChildServer({
    script: createRequire(import.meta.url).resolve('aws-ses-v2-local/dist/cli.js'),
    args: ['--host', '127.0.0.1', '--port', String(options.port ?? 0)],
    listening: /server running at \S+:(?<port>\d+)/,
    timeoutMs: options.startTimeoutMs ?? 15_000,
  });
  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () => {
      stopped ??= stopChild(child);
      return stopped;
    },
  };
}
