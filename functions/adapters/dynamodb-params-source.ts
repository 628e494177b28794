/** The active risk-parameter document in the single table (see DYNAMODB-DESIGN.md, "Active parameters"). */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ParamsSource } from '../core/ports/params-source.js';

export interface DynamoDbParamsSourceProps {
  readonly client: DynamoDBClient;
  readonly tableName: string;
}

/** What `storeActiveParams` stored. */
export interface StoredParams {
  readonly version: string;
  /** SHA-256 of the stored text, 64 lowercase hex digits. */
  readonly sha256: string;
  readonly bytes: number;
}

export class DynamoDbParamsSource implements ParamsSource {
  constructor(private readonly props: DynamoDbParamsSourceProps) {}
  async readActiveParams(): Promise<{ readonly text: string; readonly document: unknown }> {
    void this.props;
    throw new Error('not implemented');
  }
  /** Validates `text` as a parameter document and makes it the active one. */
  async storeActiveParams(text: string, loadedAt: string): Promise<StoredParams> {
    void text;
    void loadedAt;
    throw new Error('not implemented');
  }
}
