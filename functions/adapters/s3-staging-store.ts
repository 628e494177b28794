/**
 * A run's work area in the work bucket: `runs/<runId>/<name>`, UTF-8 JSON text. The bucket is
 * private to the pipeline and expires objects after a few days (see the infrastructure); the
 * SDK's own retries cover transient failures.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { StagedObjectMissingError, type StagingStore } from '../core/ports/staging-store.js';

export interface S3StagingStoreProps {
  readonly client: S3Client;
  readonly bucket: string;
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const NAME = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

function isNotFound(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}

export class S3StagingStore implements StagingStore {
  constructor(private readonly props: S3StagingStoreProps) {}

  /** `runs/<runId>/<name>`; run ids and names are checked so a key never escapes its run's folder. */
  objectKey(runId: string, name: string): string {
    if (!RUN_ID.test(runId))
      throw new RangeError(`run id must be 1–128 of A–Z a–z 0–9 . _ -, got "${runId}"`);
    if (!NAME.test(name) || name.includes('..'))
      throw new RangeError(`staged object name must be lowercase path segments, got "${name}"`);
    return `runs/${runId}/${name}`;
  }

  async putText(runId: string, name: string, text: string): Promise<void> {
    await this.props.client.send(
      new PutObjectCommand({
        Bucket: this.props.bucket,
        Key: this.objectKey(runId, name),
        Body: Buffer.from(text, 'utf8'),
        ContentType: 'application/json; charset=utf-8',
      }),
    );
  }

  async getText(runId: string, name: string): Promise<string> {
    try {
      const response = await this.props.client.send(
        new GetObjectCommand({ Bucket: this.props.bucket, Key: this.objectKey(runId, name) }),
      );
      return (await response.Body?.transformToString('utf8')) ?? '';
    } catch (error) {
      if (isNotFound(error)) throw new StagedObjectMissingError(runId, name);
      throw error;
    }
  }
}
