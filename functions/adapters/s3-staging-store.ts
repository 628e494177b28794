/** A run's work area in the work bucket: `runs/<runId>/<name>`. */
import type { S3Client } from '@aws-sdk/client-s3';
import type { StagingStore } from '../core/ports/staging-store.js';

export interface S3StagingStoreProps {
  readonly client: S3Client;
  readonly bucket: string;
}

export class S3StagingStore implements StagingStore {
  constructor(private readonly props: S3StagingStoreProps) {}
  async putText(runId: string, name: string, text: string): Promise<void> {
    void this.props;
    void runId;
    void name;
    void text;
    throw new Error('not implemented');
  }
  async getText(runId: string, name: string): Promise<string> {
    void runId;
    void name;
    throw new Error('not implemented');
  }
}
