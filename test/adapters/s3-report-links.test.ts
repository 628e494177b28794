import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ReportLinks } from '../../functions/adapters/s3-report-links.js';
import { startTestS3, type TestS3 } from '../support/s3.js';

let s3: TestS3;
let bucket: string;
const KEY = 'reports/2026/11/30/2026-11-30-adhoc-abc/report.pdf';
const BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00]);

beforeAll(async () => {
  s3 = await startTestS3();
  bucket = await s3.newBucket();
  await s3.client.send(
    new PutObjectCommand({ Bucket: bucket, Key: KEY, Body: BYTES, ContentType: 'application/pdf' }),
  );
});
afterAll(async () => {
  await s3?.stop();
});

describe('S3ReportLinks', () => {
  it('links to the stored bytes, with the file name to save under and the expiry instant', async () => {
    const signedAt = Date.parse('2026-12-01T06:15:00.400Z');
    const links = new S3ReportLinks({ client: s3.client, bucket, ttlSeconds: 900, now: () => Date.now() });
    const link = await links.linkTo(KEY, 'marginfall-2026-11-30.pdf');
    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="marginfall-2026-11-30.pdf"',
    );
    const url = new URL(link.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');

    const fixed = new S3ReportLinks({ client: s3.client, bucket, ttlSeconds: 900, now: () => signedAt });
    const fixedLink = await fixed.linkTo(KEY);
    expect(fixedLink.expiresAt).toBe('2026-12-01T06:30:00.000Z');
    expect(new URL(fixedLink.url).searchParams.get('X-Amz-Date')).toBe('20261201T061500Z');
  });

  it('an expired link is refused', async () => {
    const links = new S3ReportLinks({
      client: s3.client,
      bucket,
      ttlSeconds: 1,
      now: () => Date.now() - 60_000,
    });
    const response = await fetch((await links.linkTo(KEY)).url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('expired');
  });

  it('refuses a lifetime beyond what SigV4 allows and an unsafe file name', async () => {
    expect(() => new S3ReportLinks({ client: s3.client, bucket, ttlSeconds: 604_801 })).toThrow(
      'ttlSeconds must be a whole number from 1 to 604800, got 604801',
    );
    const links = new S3ReportLinks({ client: s3.client, bucket, ttlSeconds: 60 });
    await expect(links.linkTo(KEY, 'a"b.pdf')).rejects.toThrow(
      "filename must be 1–128 of A–Z a–z 0–9 . _ -, got 'a\"b.pdf'",
    );
  });
});
