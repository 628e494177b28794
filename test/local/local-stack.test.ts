/**
 * The local stack: three servers on free ports, the table and both buckets ready, an
 * environment the configuration accepts, data kept across restarts (or wiped with `fresh`),
 * and nothing left listening after `stop()`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { createDynamoDbClient } from '../../functions/adapters/dynamodb-table.js';
import { LOCAL_RESOURCES, type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { localS3ClientConfig } from '../../functions/local/s3-server.js';
import { localSesClientConfig } from '../../functions/local/ses-server.js';
import { loadConfig } from '../../functions/shared/config.js';

async function listening(endpoint: string): Promise<boolean> {
  return fetch(endpoint).then(
    () => true,
    () => false,
  );
}

function clientsFor(stack: LocalStack) {
  const dynamodb = createDynamoDbClient({ region: stack.region, endpoint: stack.endpoints.dynamodb });
  const s3 = new S3Client(localS3ClientConfig(stack.endpoints.s3));
  return {
    dynamodb,
    s3,
    destroy() {
      dynamodb.destroy();
      s3.destroy();
    },
  };
}

const KEY = { pk: { S: 'TEST#kept' }, sk: { S: 'ITEM' } };

describe('startLocalStack', () => {
  it('serves DynamoDB, S3 and SES with the table and buckets, and points the configuration at them', async () => {
    const stack = await startLocalStack({ dynamodbMode: 'in-process' });
    const clients = clientsFor(stack);
    const ses = new SESv2Client(localSesClientConfig(stack.endpoints.ses));
    try {
      const table = await clients.dynamodb.send(new DescribeTableCommand({ TableName: stack.tableName }));
      expect(table.Table?.TableStatus).toBe('ACTIVE');
      expect(table.Table?.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      const buckets = await clients.s3.send(new ListBucketsCommand({}));
      expect(buckets.Buckets?.map((bucket) => bucket.Name).sort()).toEqual(
        [LOCAL_RESOURCES.reportsBucket, LOCAL_RESOURCES.workBucket].sort(),
      );

      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: LOCAL_RESOURCES.emailFrom,
          Destination: { ToAddresses: [LOCAL_RESOURCES.emailTo] },
          Content: { Simple: { Subject: { Data: 'hello' }, Body: { Text: { Data: 'body' } } } },
        }),
      );
      const store = (await (await fetch(`${stack.endpoints.ses}/store`)).json()) as {
        emails: { subject: string }[];
      };
      expect(store.emails.map((email) => email.subject)).toEqual(['hello']);
      const viewer = await fetch(stack.emailViewerUrl);
      expect(viewer.status).toBe(200);
      expect(viewer.headers.get('content-type')).toMatch(/text\/html/);
      await viewer.arrayBuffer();

      expect(stack.env).toMatchObject({
        MARGINFALL_TABLE: stack.tableName,
        MARGINFALL_REPORTS_BUCKET: stack.reportsBucket,
        MARGINFALL_WORK_BUCKET: stack.workBucket,
        MARGINFALL_DYNAMODB_ENDPOINT: stack.endpoints.dynamodb,
        MARGINFALL_S3_ENDPOINT: stack.endpoints.s3,
        MARGINFALL_SES_ENDPOINT: stack.endpoints.ses,
        MARGINFALL_STAGE: 'local',
      });
      const config = loadConfig(stack.env);
      expect(config.dynamodb.tableName).toBe(stack.tableName);
      expect(config.dynamodb.endpoint).toBe(stack.endpoints.dynamodb);
      expect(existsSync(stack.dataDir)).toBe(true);
    } finally {
      ses.destroy();
      clients.destroy();
      await stack.stop();
    }
    for (const endpoint of Object.values(stack.endpoints)) expect(await listening(endpoint)).toBe(false);
    expect(existsSync(stack.dataDir)).toBe(false); // temporary data went with it
    await stack.stop(); // idempotent
  });

  it('keeps the table and the buckets in dataDir across restarts, and starts clean with fresh', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'marginfall-stack-test-'));
    try {
      const first = await startLocalStack({ dataDir });
      const c1 = clientsFor(first);
      await c1.dynamodb.send(
        new PutItemCommand({ TableName: first.tableName, Item: { ...KEY, v: { N: '7' } } }),
      );
      await c1.s3.send(new PutObjectCommand({ Bucket: first.reportsBucket, Key: 'a/b.txt', Body: 'kept' }));
      c1.destroy();
      await first.stop();
      expect(existsSync(dataDir)).toBe(true);

      const second = await startLocalStack({ dataDir });
      const c2 = clientsFor(second);
      try {
        const item = await c2.dynamodb.send(new GetItemCommand({ TableName: second.tableName, Key: KEY }));
        expect(item.Item?.v).toEqual({ N: '7' });
        const object = await c2.s3.send(
          new GetObjectCommand({ Bucket: second.reportsBucket, Key: 'a/b.txt' }),
        );
        expect(await object.Body?.transformToString()).toBe('kept');
      } finally {
        c2.destroy();
        await second.stop();
      }

      const third = await startLocalStack({ dataDir, fresh: true });
      const c3 = clientsFor(third);
      try {
        const item = await c3.dynamodb.send(new GetItemCommand({ TableName: third.tableName, Key: KEY }));
        expect(item.Item).toBeUndefined();
        await expect(
          c3.s3.send(new GetObjectCommand({ Bucket: third.reportsBucket, Key: 'a/b.txt' })),
        ).rejects.toThrow(/NoSuchKey|does not exist/);
      } finally {
        c3.destroy();
        await third.stop();
      }
      for (const endpoint of Object.values(third.endpoints)) expect(await listening(endpoint)).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
