/**
 * A real S3-compatible server (s3rver, child process) for adapter tests: one server per test
 * file, a fresh bucket per test, and a way to make chosen requests fail for failure-path tests.
 */
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { type LocalS3Server, localS3ClientConfig, startS3Server } from '../../functions/local/s3-server.js';

export interface TestS3 {
  readonly server: LocalS3Server;
  /** A client with the settings s3rver needs and no SDK retries (a failure shows at once). */
  readonly client: S3Client;
  /** Another client on the same server, e.g. to attach fault-injecting middleware. */
  newClient(overrides?: Partial<S3ClientConfig>): S3Client;
  /** Creates and returns a bucket no other test uses. */
  newBucket(): Promise<string>;
  /** Every key in `bucket`, sorted. */
  listKeys(bucket: string): Promise<string[]>;
  readBytes(bucket: string, key: string): Promise<Uint8Array>;
  stop(): Promise<void>;
}

export async function startTestS3(): Promise<TestS3> {
  const server = await startS3Server();
  const clients: S3Client[] = [];
  const newClient = (overrides: Partial<S3ClientConfig> = {}) => {
    const client = new S3Client({ ...localS3ClientConfig(server.endpoint), maxAttempts: 1, ...overrides });
    clients.push(client);
    return client;
  };
  const client = newClient();
  let buckets = 0;
  return {
    server,
    client,
    newClient,
    async newBucket() {
      buckets += 1;
      const bucket = `archive-${buckets}-${process.pid}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      return bucket;
    },
    async listKeys(bucket) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
        );
        keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ''));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
      return keys.sort();
    },
    async readBytes(bucket, key) {
      const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return (await response.Body?.transformToByteArray()) ?? new Uint8Array();
    },
    async stop() {
      for (const each of clients) each.destroy();
      await server.stop();
    },
  };
}

/** What a fault rule sees of a request: the command name and its input. */
export interface S3Request {
  readonly command: string;
  readonly input: { readonly Bucket?: string; readonly Key?: string; readonly [field: string]: unknown };
}

/**
 * Adds a middleware to `client` that calls `fault` before each request is sent; whatever it
 * throws fails the request as the server's error would. Returns the requests seen.
 */
export function injectFaults(
  client: S3Client,
  fault: (request: S3Request) => Promise<void> | void,
): S3Request[] {
  const seen: S3Request[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = { command: context.commandName ?? '', input: args.input as S3Request['input'] };
      seen.push(request);
      await fault(request);
      return next(args);
    },
    { step: 'initialize', name: 'testFaults' },
  );
  return seen;
}

/** An error shaped like the SDK's for an S3 response with this status (500 = server fault). */
export function s3Error(status: number, name: string): S3ServiceException {
  return new S3ServiceException({
    name,
    message: `injected ${status} ${name}`,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}
