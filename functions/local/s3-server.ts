/**
 * Embedded S3-compatible server (s3rver 3.7.1) for tests and the local mode.
 *
 * s3rver runs as a child process under `node --openssl-legacy-provider`: it encrypts
 * ListObjectsV2 continuation tokens with a cipher that OpenSSL 3 only offers through the
 * legacy provider, so without the flag every paginated listing fails with 500. It listens on
 * a port the OS picks, read back from its start line, so two servers never race for a port.
 *
 * What s3rver does not do, measured against 3.7.1: it ignores `If-None-Match` / `If-Match`
 * on PUT (conditional writes) and `Content-MD5`, and ignores `MaxKeys` when a `Delimiter` is
 * given. Clients must use path-style addressing and send checksums only when an operation
 * requires them (`localS3ClientConfig`); with the SDK's default checksum mode, uploads are
 * stored with their aws-chunked framing, i.e. corrupted. Signatures are not verified.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer, stopChild } from './child-server.js';

export interface LocalS3ServerOptions {
  /** Where objects are kept. Default: a new temporary directory, deleted by `stop()`. */
  readonly directory?: string;
  /** Buckets to create at start-up (kept across restarts when `directory` is kept). */
  readonly buckets?: readonly string[];
  /** Port to listen on; default 0 = a free port chosen by the OS. */
  readonly port?: number;
  /** Give up if the server has not announced its address after this long (ms). */
  readonly startTimeoutMs?: number;
}

export interface LocalS3Server {
  /** Base URL for the SDK's `endpoint`, e.g. `http://127.0.0.1:41234`. */
  readonly endpoint: string;
  readonly port: number;
  readonly directory: string;
  /** Stops the child process and, if the directory was temporary, deletes it. Idempotent. */
  stop(): Promise<void>;
}

/** Access key and secret that s3rver expects (it checks the key id, not the signature). */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** S3Client settings that s3rver needs; spread into `new S3Client({...})`. */
export function localS3ClientConfig(endpoint: string) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: LOCAL_S3_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  } as const;
}

export async function startS3Server(options: LocalS3ServerOptions = {}): Promise<LocalS3Server> {
  const temporary = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 'marginfall-s3-')));
  const args = ['-d', directory, '-a', '127.0.0.1', '-p', String(options.port ?? 0), '--silent'];
  for (const bucket of options.buckets ?? []) args.push('--configure-bucket', bucket);
  try {
    const { child, port } = await startChildServer({
      script: createRequire(import.meta.url).resolve('s3rver/bin/s3rver.js'),
      nodeArgs: ['--openssl-legacy-provider'],
      args,
      listening: /S3rver listening on \S+:(?<port>\d+)/,
      timeoutMs: options.startTimeoutMs ?? 15_000,
    });
    let stopped: Promise<void> | undefined;
    const stop = async () => {
      await stopChild(child);
      if (temporary) await rm(directory, { recursive: true, force: true });
    };
    return {
      endpoint: `http://127.0.0.1:${port}`,
      port,
      directory,
      stop: () => {
        stopped ??= stop();
        return stopped;
      },
    };
  } catch (error) {
    if (temporary) await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
