/**
 * The active risk-parameter document in the single table (DYNAMODB-DESIGN.md, "Active
 * parameters"): one item `PARAMS` / `ACTIVE` holding the document's text as loaded, its
 * `version` and SHA-256. `storeActiveParams` (used by `marginfall load --params FILE`)
 * validates the document before it replaces the active one; a read checks the text against the
 * stored SHA-256.
 */
import { createHash } from 'node:crypto';
import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { parseJsonDocument } from '../core/json.js';
import { NoActiveParamsError, type ParamsSource } from '../core/ports/params-source.js';
import { validateParams } from '../core/validation/validate-params.js';
import {
  describeIssues,
  fromAttributeMap,
  PARTITION_KEY,
  SCHEMA_VERSION,
  SORT_KEY,
} from './dynamodb-items.js';
import { StoredRecordInvalidError } from './dynamodb-run-state-store.js';

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

export const PARAMS_PARTITION_KEY = 'PARAMS';
export const ACTIVE_PARAMS_SORT_KEY = 'ACTIVE';

const paramsItemSchema = z.object({
  entity: z.literal('params'),
  schemaVersion: z.literal(SCHEMA_VERSION),
  version: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  loadedAt: z.iso.datetime(),
  text: z.string().min(1),
});

const KEY = { [PARTITION_KEY]: { S: PARAMS_PARTITION_KEY }, [SORT_KEY]: { S: ACTIVE_PARAMS_SORT_KEY } };
const ITEM_NAME = `${PARAMS_PARTITION_KEY} / ${ACTIVE_PARAMS_SORT_KEY}`;

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class DynamoDbParamsSource implements ParamsSource {
  constructor(private readonly props: DynamoDbParamsSourceProps) {}

  async readActiveParams(): Promise<{ readonly text: string; readonly document: unknown }> {
    const response = await this.props.client.send(
      new GetItemCommand({ TableName: this.props.tableName, Key: KEY, ConsistentRead: true }),
    );
    if (response.Item === undefined) throw new NoActiveParamsError();
    const parsed = paramsItemSchema.safeParse(fromAttributeMap(response.Item), { reportInput: true });
    if (!parsed.success) throw new StoredRecordInvalidError(ITEM_NAME, describeIssues(parsed.error.issues));
    const { text, sha256 } = parsed.data;
    if (sha256Hex(text) !== sha256)
      throw new StoredRecordInvalidError(ITEM_NAME, 'the stored text does not match its SHA-256');
    return { text, document: JSON.parse(text) };
  }

  /**
   * Validates `text` as a parameter document (MODEL.md §8; `InvalidParamsError` /
   * `MalformedJsonError` name what is wrong) and makes it the active one.
   */
  async storeActiveParams(text: string, loadedAt: string): Promise<StoredParams> {
    const params = validateParams(parseJsonDocument(text, 'params'));
    const sha256 = sha256Hex(text);
    await this.props.client.send(
      new PutItemCommand({
        TableName: this.props.tableName,
        Item: {
          ...KEY,
          entity: { S: 'params' },
          schemaVersion: { N: String(SCHEMA_VERSION) },
          version: { S: params.version },
          sha256: { S: sha256 },
          loadedAt: { S: loadedAt },
          text: { S: text },
        },
      }),
    );
    return { version: params.version, sha256, bytes: Buffer.byteLength(text, 'utf8') };
  }
}
