/**
 * The DynamoDB client and the table's key schema, for every DynamoDB adapter.
 *
 * Throttling (`ProvisionedThroughputExceededException`, `ThrottlingException`, 5xx) is retried
 * by the SDK's standard retry strategy — exponential backoff with full jitter — up to
 * `maxAttempts` per request; `BatchWriteItem`'s partial successes (UnprocessedItems) are not
 * errors and are retried by the snapshot writer itself.
 *
 * In AWS the table belongs to the infrastructure (with TTL on `expiresAt` and point-in-time
 * recovery); `ensureTable` creates the same key schema on a local server.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { PARTITION_KEY, SORT_KEY } from './dynamodb-items.js';

export interface DynamoDbClientSettings {
  readonly region: string;
  /** A local or alternative endpoint; absent = AWS. */
  readonly endpoint?: string;
  /** Attempts per request including the first (default 10): throttling during a bulk load is expected. */
  readonly maxAttempts?: number;
}

/** Local servers do not verify signatures; the SDK still needs a key pair to sign with. */
const LOCAL_CREDENTIALS = { accessKeyId: 'marginfall', secretAccessKey: 'local' } as const;

export function createDynamoDbClient(settings: DynamoDbClientSettings): DynamoDBClient {
  return new DynamoDBClient({
    region: settings.region,
    maxAttempts: settings.maxAttempts ?? 10,
    retryMode: 'standard',
    ...(settings.endpoint === undefined
      ? {}
      : { endpoint: settings.endpoint, credentials: LOCAL_CREDENTIALS }),
  });
}

/** Creates the table (string `pk` + `sk`, on demand) unless it exists; resolves once it is ACTIVE. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [
          { AttributeName: PARTITION_KEY, AttributeType: 'S' },
          { AttributeName: SORT_KEY, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
          { AttributeName: SORT_KEY, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus === 'ACTIVE') return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}
