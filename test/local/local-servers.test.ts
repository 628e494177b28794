/**
 * The embedded S3 and SES servers: each starts on a free port, serves, and stops completely.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { localS3ClientConfig, startS3Server } from '../../functions/local/s3-server.js';
import { localSesClientConfig, startSesServer } from '../../functions/local/ses-server.js';

/** True when something accepts connections on the port. */
async function listening(endpoint: string): Promise<boolean> {
  return fetch(endpoint).then(
    () => true,
    () => false,
  );
}

describe('startS3Server', () => {
  it('creates the requested buckets, serves on its own port, and stops and cleans up', async () => {
    const server = await startS3Server({ buckets: ['alpha', 'beta'] });
    const client = new S3Client(localS3ClientConfig(server.endpoint));
    try {
      expect(server.endpoint).toBe(`http://127.0.0.1:${server.port}`);
      expect(server.port).toBeGreaterThan(0);
      const buckets = await client.send(new ListBucketsCommand({}));
      expect(buckets.Buckets?.map((bucket) => bucket.Name).sort()).toEqual(['alpha', 'beta']);
      expect(existsSync(server.directory)).toBe(true);
    } finally {
      client.destroy();
      await server.stop();
    }
    expect(await listening(server.endpoint)).toBe(false);
    expect(existsSync(server.directory)).toBe(false); // the temporary directory went with it
    await server.stop(); // idempotent
  });

  it('keeps a given directory, so objects survive a restart', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'marginfall-s3-test-'));
    try {
      const first = await startS3Server({ directory, buckets: ['kept'] });
      const client1 = new S3Client(localS3ClientConfig(first.endpoint));
      await client1.send(new PutObjectCommand({ Bucket: 'kept', Key: 'a/b.txt', Body: 'still here' }));
      client1.destroy();
      await first.stop();
      expect(existsSync(directory)).toBe(true);

      const second = await startS3Server({ directory });
      const client2 = new S3Client(localS3ClientConfig(second.endpoint));
      try {
        const object = await client2.send(new GetObjectCommand({ Bucket: 'kept', Key: 'a/b.txt' }));
        expect(await object.Body?.transformToString()).toBe('still here');
      } finally {
        client2.destroy();
        await second.stop();
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('fails to start, with the server output, when its port is taken', async () => {
    const first = await startS3Server();
    try {
      await expect(startS3Server({ port: first.port })).rejects.toThrow(
        /exited before it was ready.*EADDRINUSE/s,
      );
    } finally {
      await first.stop();
    }
  });
});

describe('startSesServer', () => {
  it('serves on its own port and stops completely', async () => {
    const server = await startSesServer();
    try {
      expect(server.endpoint).toBe(`http://127.0.0.1:${server.port}`);
      expect((await fetch(`${server.endpoint}/health-check`)).status).toBe(200);
      const store = await (await fetch(`${server.endpoint}/store`)).json();
      expect(store).toEqual({ templates: {}, emails: [] });
    } finally {
      await server.stop();
    }
    expect(await listening(server.endpoint)).toBe(false);
    await server.stop(); // idempotent
  });

  it('gives each server its own mailbox', async () => {
    const [a, b] = await Promise.all([startSesServer(), startSesServer()]);
    try {
      expect(a.port).not.toBe(b.port);
      const client = new SESv2Client(localSesClientConfig(a.endpoint));
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: 'risk@venue.example',
          Destination: { ToAddresses: ['cro@venue.example'] },
          Content: { Simple: { Subject: { Data: 'hello' }, Body: { Text: { Data: 'body' } } } },
        }),
      );
      client.destroy();
      const inA = (await (await fetch(`${a.endpoint}/store`)).json()) as { emails: unknown[] };
      const inB = (await (await fetch(`${b.endpoint}/store`)).json()) as { emails: unknown[] };
      expect(inA.emails).toHaveLength(1);
      expect(inB.emails).toHaveLength(0);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
