/**
 * The local DynamoDB servers start, answer the SDK and stop; a missing Java is reported, not thrown.
 */
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoDbClient, ensureTable } from '../../functions/adapters/dynamodb-table.js';
import { locateDynamoDbLocal, startDynalite } from '../../functions/local/dynamodb-server.js';
// Silences the SDK's Node 20 notice, as for every DynamoDB test.
import '../support/dynamodb.js';

describe('dynalite', () => {
  it('runs as a child process on a port of its own and stops', async () => {
    const server = await startDynalite({ mode: 'child' });
    expect(server.kind).toBe('dynalite');
    expect(server.pid).toBeGreaterThan(0);
    expect(server.endpoint).toBe(`http://127.0.0.1:${server.port}`);
    const client = createDynamoDbClient({ region: 'us-east-1', endpoint: server.endpoint, maxAttempts: 1 });
    try {
      await ensureTable(client, 'child-table');
      await ensureTable(client, 'child-table'); // a second call finds it
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual(['child-table']);
      await server.stop();
      await server.stop(); // idempotent
      await expect(client.send(new ListTablesCommand({}))).rejects.toThrow();
    } finally {
      client.destroy();
    }
  });
});

describe('DynamoDB Local', () => {
  it('says why it cannot run when there is no Java', async () => {
    const availability = await locateDynamoDbLocal({ java: '/nonexistent/java' });
    expect(availability).toEqual({
      available: false,
      reason: 'Java is not available (/nonexistent/java -version failed): DynamoDB Local needs a JRE',
    });
  });
});
