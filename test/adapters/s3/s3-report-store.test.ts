/**
 * S3ReportStore against a real S3-compatible server (s3rver in a child process).
 */
import { createHash } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportKeyLayout, S3ReportStore } from '../../../functions/adapters/s3-report-store.js';
import {
  InvalidReportRunError,
  ReportAlreadyExistsError,
  type ReportArtifacts,
  ReportIntegrityError,
  ReportNotFoundError,
  ReportPublicationError,
  type ReportRun,
} from '../../../functions/core/ports/report-store.js';
import { injectFaults, s3Error, startTestS3, type TestS3 } from '../../support/s3.js';

// SHA-256("abc"), FIPS 180-2 Appendix B.1.
const SHA256_ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
// SHA-256 of the empty message (NIST CAVP SHA256ShortMsg.rsp, Len = 0).
const SHA256_EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A PDF-like binary holding every byte value, so any text decoding on the way would show. */
function pdfBytes(seed: number, length = 4096): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set(utf8('%PDF-1.7\n'));
  for (let i = 9; i < length; i++) bytes[i] = (i * 31 + seed) % 256;
  return bytes;
}

function artifactsFor(seed: number): ReportArtifacts {
  return {
    pdf: pdfBytes(seed),
    json: utf8(`{"schemaVersion":1,"seed":${seed},"note":"Δ ≥ −5%"}\n`),
    inputs: utf8(`{"book":"book.json","seed":${seed}}\n`),
  };
}

function run(overrides: Partial<ReportRun> = {}): ReportRun {
  return {
    asOf: '2026-11-30',
    runId: 'r-20261201-0615',
    generatedAt: '2026-12-01T06:15:00.000Z',
    status: 'complete',
    headline: { worstBadDebtUsd: 22_646_141, coverageRatio: 0.208, worstScenario: 'crash-historical' },
    inputHashes: { book: SHA256_ABC, market: SHA256_EMPTY, params: SHA256_ABC, scenarios: SHA256_EMPTY },
    ...overrides,
  };
}

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.stop();
});

async function newStore(props: { listPageSize?: number } = {}) {
  const bucket = await s3.newBucket();
  return { bucket, store: new S3ReportStore({ client: s3.client, bucket, ...props }) };
}

describe('ReportKeyLayout', () => {
  it('files a run under its business date, zero-padded, browsable by year/month/day', () => {
    const layout = new ReportKeyLayout();
    expect(layout.dayPrefix('2024-02-29')).toBe('reports/2024/02/29/');
    expect(layout.artifactKey({ asOf: '2026-01-05', runId: 'x1' }, 'pdf')).toBe(
      'reports/2026/01/05/x1/report.pdf',
    );
    expect(layout.artifactKey({ asOf: '2026-01-05', runId: 'x1' }, 'json')).toBe(
      'reports/2026/01/05/x1/report.json',
    );
    expect(layout.artifactKey({ asOf: '2026-01-05', runId: 'x1' }, 'inputs')).toBe(
      'reports/2026/01/05/x1/inputs.json',
    );
    expect(layout.dayIndexKey('2026-12-31')).toBe('reports/2026/12/31/index.json');
    expect(layout.latestKey()).toBe('reports/latest.json');
    expect(new ReportKeyLayout('archive/eu').latestKey()).toBe('archive/eu/latest.json');
  });

  it('refuses a prefix that would make empty key segments', () => {
    for (const prefix of ['', '/reports', 'reports/', 'a//b']) {
      expect(() => new ReportKeyLayout(prefix), prefix).toThrow(RangeError);
    }
  });
});

describe('S3ReportStore: publishing and reading back', () => {
  it('writes the three artifacts and both pointers under the date layout, nothing else', async () => {
    const { bucket, store } = await newStore();
    const published = await store.putRunArtifacts(run(), artifactsFor(1));

    expect(await s3.listKeys(bucket)).toEqual([
      'reports/2026/11/30/index.json',
      'reports/2026/11/30/r-20261201-0615/inputs.json',
      'reports/2026/11/30/r-20261201-0615/report.json',
      'reports/2026/11/30/r-20261201-0615/report.pdf',
      'reports/latest.json',
    ]);
    expect(published.artifacts.pdf).toMatchObject({
      key: 'reports/2026/11/30/r-20261201-0615/report.pdf',
      contentType: 'application/pdf',
      size: 4096,
    });
    expect(published.artifacts.json.contentType).toBe('application/json');
    expect(published.artifacts.inputs.key).toBe('reports/2026/11/30/r-20261201-0615/inputs.json');
  });

  it('records the SHA-256 of each artifact (FIPS 180-2 "abc" and empty-message vectors)', async () => {
    const { store } = await newStore();
    const published = await store.putRunArtifacts(run(), {
      pdf: utf8('abc'),
      json: new Uint8Array(0),
      inputs: utf8('abc'),
    });
    expect(published.artifacts.pdf.sha256).toBe(SHA256_ABC);
    expect(published.artifacts.json.sha256).toBe(SHA256_EMPTY);
    expect(published.artifacts.json.size).toBe(0);
    expect(published.artifacts.inputs.sha256).toBe(SHA256_ABC);
  });

  it('stores Content-Type, Content-Disposition and the run metadata on every artifact', async () => {
    const { bucket, store } = await newStore();
    const artifacts = artifactsFor(2);
    const published = await store.putRunArtifacts(run(), artifacts);

    const pdf = await s3.client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: published.artifacts.pdf.key }),
    );
    expect(pdf.ContentType).toBe('application/pdf');
    expect(pdf.ContentLength).toBe(4096);
    expect(pdf.ContentDisposition).toBe('inline; filename="marginfall-2026-11-30-r-20261201-0615.pdf"');
    expect(pdf.Metadata).toEqual({
      asof: '2026-11-30',
      'run-id': 'r-20261201-0615',
      'generated-at': '2026-12-01T06:15:00.000Z',
      artifact: 'pdf',
      sha256: createHash('sha256').update(artifacts.pdf).digest('hex'),
      'input-sha256-book': SHA256_ABC,
      'input-sha256-market': SHA256_EMPTY,
      'input-sha256-params': SHA256_ABC,
      'input-sha256-scenarios': SHA256_EMPTY,
    });

    const json = await s3.client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: published.artifacts.json.key }),
    );
    expect(json.ContentType).toBe('application/json');
    expect(json.ContentDisposition).toBe(
      'inline; filename="marginfall-2026-11-30-r-20261201-0615-report.json"',
    );
    expect(json.Metadata?.artifact).toBe('json');

    const inputs = await s3.client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: published.artifacts.inputs.key }),
    );
    expect(inputs.ContentType).toBe('application/json');
    expect(inputs.Metadata?.sha256).toBe(createHash('sha256').update(artifacts.inputs).digest('hex'));
  });

  it('reads every artifact back byte for byte, with its content type and metadata', async () => {
    const { store } = await newStore();
    const artifacts = artifactsFor(3);
    await store.putRunArtifacts(run(), artifacts);
    const ref = { asOf: '2026-11-30', runId: 'r-20261201-0615' };

    const pdf = await store.readReport(ref, 'pdf');
    expect(Buffer.from(pdf.bytes).equals(Buffer.from(artifacts.pdf))).toBe(true);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.metadata['run-id']).toBe('r-20261201-0615');

    const json = await store.readReport(ref); // default: the JSON report
    expect(json.name).toBe('json');
    expect(new TextDecoder().decode(json.bytes)).toBe('{"schemaVersion":1,"seed":3,"note":"Δ ≥ −5%"}\n');
    expect(json.run.headline).toEqual({
      worstBadDebtUsd: 22_646_141,
      coverageRatio: 0.208,
      worstScenario: 'crash-historical',
    });

    const inputs = await store.readReport(ref, 'inputs');
    expect(Buffer.from(inputs.bytes).equals(Buffer.from(artifacts.inputs))).toBe(true);
  });

  it('lists a day with its runs oldest first, each with status, generatedAt and headline figures', async () => {
    const { bucket, store } = await newStore();
    // Published out of order: the index sorts by generatedAt.
    await store.putRunArtifacts(
      run({ runId: 'rerun-0930', generatedAt: '2026-12-01T09:30:00Z', status: 'complete-with-rejections' }),
      artifactsFor(4),
    );
    await store.putRunArtifacts(run({ runId: 'daily-0615' }), artifactsFor(5));
    await store.putRunArtifacts(run({ asOf: '2026-11-27', runId: 'daily-0615' }), artifactsFor(6));

    const day = await store.listDay('2026-11-30');
    expect(day.map((entry) => [entry.runId, entry.generatedAt, entry.status])).toEqual([
      ['daily-0615', '2026-12-01T06:15:00.000Z', 'complete'],
      ['rerun-0930', '2026-12-01T09:30:00Z', 'complete-with-rejections'],
    ]);
    expect(day[0]?.headline.worstBadDebtUsd).toBe(22_646_141);
    expect(await store.listDay('2026-11-27')).toHaveLength(1);
    expect(await store.listDay('2026-11-28')).toEqual([]);

    // The stored index is a human-readable JSON document.
    const index = JSON.parse(
      new TextDecoder().decode(await s3.readBytes(bucket, 'reports/2026/11/30/index.json')),
    );
    expect(index.schemaVersion).toBe(1);
    expect(index.asOf).toBe('2026-11-30');
    expect(index.runs.map((entry: { runId: string }) => entry.runId)).toEqual(['daily-0615', 'rerun-0930']);
  });

  it('moves the latest pointer to the latest asOf, then the latest generatedAt, never back', async () => {
    const { bucket, store } = await newStore();
    expect(await store.readLatest()).toBeUndefined();

    await store.putRunArtifacts(run({ asOf: '2026-11-30', runId: 'd30' }), artifactsFor(7));
    expect((await store.readLatest())?.runId).toBe('d30');

    // A backfill of an earlier business date, generated later, does not take the pointer.
    await store.putRunArtifacts(
      run({ asOf: '2026-11-27', runId: 'backfill-27', generatedAt: '2026-12-01T10:00:00Z' }),
      artifactsFor(8),
    );
    expect((await store.readLatest())?.runId).toBe('d30');

    // A re-run of the same date generated later does.
    await store.putRunArtifacts(
      run({ asOf: '2026-11-30', runId: 'd30-rerun', generatedAt: '2026-12-01T11:00:00Z' }),
      artifactsFor(9),
    );
    const latest = await store.readLatest();
    expect(latest?.runId).toBe('d30-rerun');
    expect(latest?.artifacts.pdf.key).toBe('reports/2026/11/30/d30-rerun/report.pdf');

    const pointer = JSON.parse(new TextDecoder().decode(await s3.readBytes(bucket, 'reports/latest.json')));
    expect(pointer.index).toBe('reports/2026/11/30/index.json');
    expect(pointer.run.runId).toBe('d30-rerun');
  });

  it('keeps the pointers in a separate bucket when one is configured', async () => {
    const archive = await s3.newBucket();
    const pointers = await s3.newBucket();
    const store = new S3ReportStore({ client: s3.client, bucket: archive, pointerBucket: pointers });
    const artifacts = artifactsFor(10);
    await store.putRunArtifacts(run(), artifacts);

    expect(await s3.listKeys(archive)).toEqual([
      'reports/2026/11/30/r-20261201-0615/inputs.json',
      'reports/2026/11/30/r-20261201-0615/report.json',
      'reports/2026/11/30/r-20261201-0615/report.pdf',
    ]);
    expect(await s3.listKeys(pointers)).toEqual(['reports/2026/11/30/index.json', 'reports/latest.json']);
    const pdf = await store.readReport(run(), 'pdf');
    expect(Buffer.from(pdf.bytes).equals(Buffer.from(artifacts.pdf))).toBe(true);
  });
});

describe('S3ReportStore: nothing is overwritten', () => {
  it('refuses a run id already published for the day and leaves the stored bytes as they were', async () => {
    const { bucket, store } = await newStore();
    const original = artifactsFor(11);
    await store.putRunArtifacts(run(), original);

    const error = await store
      .putRunArtifacts(run({ status: 'second try' }), artifactsFor(12))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ReportAlreadyExistsError);
    expect(error).toMatchObject({
      asOf: '2026-11-30',
      runId: 'r-20261201-0615',
      key: 'reports/2026/11/30/index.json',
    });

    const stored = await s3.readBytes(bucket, 'reports/2026/11/30/r-20261201-0615/report.pdf');
    expect(Buffer.from(stored).equals(Buffer.from(original.pdf))).toBe(true);
    const day = await store.listDay('2026-11-30');
    expect(day.map((entry) => entry.status)).toEqual(['complete']);
  });

  it('refuses a run whose artifact exists although unpublished, before writing anything (HEAD guard)', async () => {
    const { bucket, store } = await newStore();
    const orphanKey = 'reports/2026/11/30/r-20261201-0615/report.json';
    await s3.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: orphanKey, Body: 'left by an earlier attempt' }),
    );

    const error = await store.putRunArtifacts(run(), artifactsFor(13)).catch((e) => e);
    expect(error).toBeInstanceOf(ReportAlreadyExistsError);
    expect(error.key).toBe(orphanKey);
    expect(await s3.listKeys(bucket)).toEqual([orphanKey]);
    expect(new TextDecoder().decode(await s3.readBytes(bucket, orphanKey))).toBe(
      'left by an earlier attempt',
    );
  });

  it('sends every artifact PUT as a conditional create and maps a 412 to ReportAlreadyExistsError', async () => {
    const { bucket } = await newStore();
    const client = s3.newClient();
    const seen = injectFaults(client, ({ command, input }) => {
      if (command === 'PutObjectCommand' && input.Key?.endsWith('/report.pdf')) {
        throw s3Error(412, 'PreconditionFailed'); // what S3 answers when the key appeared meanwhile
      }
    });
    const store = new S3ReportStore({ client, bucket });
    const error = await store.putRunArtifacts(run(), artifactsFor(14)).catch((e) => e);
    expect(error).toBeInstanceOf(ReportAlreadyExistsError);
    expect(error.key).toBe('reports/2026/11/30/r-20261201-0615/report.pdf');

    const artifactPuts = seen.filter((r) => r.command === 'PutObjectCommand');
    expect(artifactPuts).toHaveLength(3);
    for (const put of artifactPuts) {
      expect(put.input.IfNoneMatch).toBe('*');
      expect(typeof put.input.ChecksumSHA256).toBe('string');
    }
    // The pdf's checksum is its SHA-256 in base64 (what S3 and Object Lock check).
    const pdfPut = artifactPuts.find((r) => r.input.Key?.endsWith('.pdf'));
    expect(pdfPut?.input.ChecksumSHA256).toBe(createHash('sha256').update(pdfBytes(14)).digest('base64'));
    // Nothing was published.
    expect(await s3.listKeys(bucket)).not.toContain('reports/2026/11/30/index.json');
  });
});

describe('S3ReportStore: complete or not at all', () => {
  async function storeFailing(failOn: (key: string) => boolean) {
    const { bucket, store: healthy } = await newStore();
    const client = s3.newClient();
    injectFaults(client, ({ command, input }) => {
      if (command === 'PutObjectCommand' && failOn(input.Key ?? '')) throw s3Error(503, 'SlowDown');
    });
    return { bucket, healthy, failing: new S3ReportStore({ client, bucket }) };
  }

  it('an artifact write failure publishes nothing and leaves the previous latest in place', async () => {
    const { healthy, failing } = await storeFailing((key) => key.endsWith('/report.json'));
    await healthy.putRunArtifacts(run({ asOf: '2026-11-27', runId: 'earlier' }), artifactsFor(15));

    const error = await failing.putRunArtifacts(run(), artifactsFor(16)).catch((e) => e);
    expect(error).toBeInstanceOf(ReportPublicationError);
    expect(error).toMatchObject({ stage: 'artifacts', published: false });
    expect(error.cause.name).toBe('SlowDown');

    expect(await healthy.listDay('2026-11-30')).toEqual([]);
    expect((await healthy.readLatest())?.runId).toBe('earlier');
    await expect(healthy.readReport(run(), 'pdf')).rejects.toBeInstanceOf(ReportNotFoundError);
    // The PDF and inputs that did get written are found as an unpublished run.
    expect(await healthy.findUnpublishedRuns('2026-11-30')).toEqual(['r-20261201-0615']);
  });

  it('a failing existence check (HEAD) stops the run before anything is written', async () => {
    const { bucket } = await newStore();
    const client = s3.newClient();
    injectFaults(client, ({ command }) => {
      if (command === 'HeadObjectCommand') throw s3Error(500, 'InternalError');
    });
    const error = await new S3ReportStore({ client, bucket })
      .putRunArtifacts(run(), artifactsFor(22))
      .catch((e) => e);
    expect(error).toMatchObject({ name: 'ReportPublicationError', stage: 'artifacts', published: false });
    expect(error.cause.name).toBe('InternalError');
    expect(await s3.listKeys(bucket)).toEqual([]);
  });

  it('a day-index write failure publishes nothing', async () => {
    const { healthy, failing } = await storeFailing((key) => key.endsWith('/index.json'));
    const error = await failing.putRunArtifacts(run(), artifactsFor(17)).catch((e) => e);
    expect(error).toMatchObject({ name: 'ReportPublicationError', stage: 'index', published: false });
    expect(await healthy.listDay('2026-11-30')).toEqual([]);
    expect(await healthy.readLatest()).toBeUndefined();
    expect(await healthy.findUnpublishedRuns('2026-11-30')).toEqual(['r-20261201-0615']);
  });

  it('a latest-pointer write failure leaves the run published in its day index and says so', async () => {
    const { healthy, failing } = await storeFailing((key) => key.endsWith('latest.json'));
    const error = await failing.putRunArtifacts(run(), artifactsFor(18)).catch((e) => e);
    expect(error).toMatchObject({ name: 'ReportPublicationError', stage: 'latest', published: true });
    expect((await healthy.listDay('2026-11-30')).map((entry) => entry.runId)).toEqual(['r-20261201-0615']);
    expect(await healthy.readLatest()).toBeUndefined();
    expect(await healthy.findUnpublishedRuns('2026-11-30')).toEqual([]);
  });

  it('redoes a day-index update that lost a race, keeping the concurrent run', async () => {
    const { bucket, store: other } = await newStore();
    const client = s3.newClient();
    let raced = false;
    const seen = injectFaults(client, async ({ command, input }) => {
      if (command === 'PutObjectCommand' && input.Key?.endsWith('/index.json') && !raced) {
        raced = true;
        // Another writer publishes between our read of the index and our write of it…
        await other.putRunArtifacts(
          run({ runId: 'concurrent', generatedAt: '2026-12-01T06:16:00Z' }),
          artifactsFor(19),
        );
        // …so S3 refuses our If-Match write.
        throw s3Error(412, 'PreconditionFailed');
      }
    });
    const store = new S3ReportStore({ client, bucket });
    await store.putRunArtifacts(run(), artifactsFor(20));

    expect((await store.listDay('2026-11-30')).map((entry) => entry.runId)).toEqual([
      'r-20261201-0615',
      'concurrent',
    ]);
    const indexPuts = seen.filter(
      (r) => r.command === 'PutObjectCommand' && r.input.Key?.endsWith('index.json'),
    );
    expect(indexPuts).toHaveLength(2);
    expect(indexPuts[0]?.input.IfNoneMatch).toBe('*'); // first write: creating the index
    expect(indexPuts[1]?.input.IfMatch).toMatch(/^"[0-9a-f]{32}"$/); // redo: conditional on the fresh ETag
    expect((await store.readLatest())?.runId).toBe('concurrent'); // generated a minute later
  });

  it('gives up on a pointer after the configured number of lost races', async () => {
    const { bucket } = await newStore();
    const client = s3.newClient();
    const seen = injectFaults(client, ({ command, input }) => {
      if (command === 'PutObjectCommand' && input.Key?.endsWith('/index.json'))
        throw s3Error(412, 'PreconditionFailed');
    });
    const store = new S3ReportStore({ client, bucket, pointerUpdateAttempts: 3 });
    const error = await store.putRunArtifacts(run(), artifactsFor(21)).catch((e) => e);
    expect(error).toMatchObject({ name: 'ReportPublicationError', stage: 'index', published: false });
    expect(
      seen.filter((r) => r.command === 'PutObjectCommand' && r.input.Key?.endsWith('index.json')),
    ).toHaveLength(3);
  });
});

describe('S3ReportStore: listing with pagination', () => {
  it('follows ListObjectsV2 pages to find every unpublished run of a day', async () => {
    const bucket = await s3.newBucket();
    const client = s3.newClient();
    const seen = injectFaults(client, () => undefined);
    const store = new S3ReportStore({ client, bucket, listPageSize: 2 });
    for (let i = 1; i <= 5; i++) {
      await store.putRunArtifacts(
        run({ runId: `run-${i}`, generatedAt: `2026-12-01T0${i}:00:00Z` }),
        artifactsFor(30 + i),
      );
    }
    for (const orphan of ['orphan-a/report.pdf', 'orphan-b/report.pdf', 'orphan-b/report.json']) {
      await s3.client.send(
        new PutObjectCommand({ Bucket: bucket, Key: `reports/2026/11/30/${orphan}`, Body: 'x' }),
      );
    }
    // Another day's objects are outside the prefix.
    await s3.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'reports/2026/11/29/orphan-c/report.pdf', Body: 'x' }),
    );

    const listsBefore = seen.filter((r) => r.command === 'ListObjectsV2Command').length;
    expect(await store.findUnpublishedRuns('2026-11-30')).toEqual(['orphan-a', 'orphan-b']);
    const lists = seen.filter((r) => r.command === 'ListObjectsV2Command').slice(listsBefore);
    // Under reports/2026/11/30/: 5 runs × 3 artifacts + index.json + 3 orphan objects = 19 keys,
    // 2 per page → ⌈19 / 2⌉ = 10 pages, each asked with MaxKeys 2, all but the first with a token.
    expect(lists).toHaveLength(10);
    expect(lists.every((r) => r.input.MaxKeys === 2 && r.input.Prefix === 'reports/2026/11/30/')).toBe(true);
    expect(lists.slice(1).every((r) => typeof r.input.ContinuationToken === 'string')).toBe(true);
    expect((await store.listDay('2026-11-30')).map((entry) => entry.runId)).toEqual([
      'run-1',
      'run-2',
      'run-3',
      'run-4',
      'run-5',
    ]);
  });
});

describe('S3ReportStore: integrity and validation', () => {
  it('refuses to return an artifact whose stored bytes no longer match the published hash', async () => {
    const { bucket, store } = await newStore();
    const published = await store.putRunArtifacts(run(), artifactsFor(40));
    // s3rver allows a plain overwrite; a tampered or corrupted object must not be served.
    await s3.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: published.artifacts.pdf.key, Body: 'tampered' }),
    );

    const error = await store.readReport(run(), 'pdf').catch((e) => e);
    expect(error).toBeInstanceOf(ReportIntegrityError);
    expect(error.message).toContain(published.artifacts.pdf.sha256);
  });

  it('reports a published artifact that is missing, and a malformed index', async () => {
    const { bucket, store } = await newStore();
    await store.putRunArtifacts(run(), artifactsFor(41));
    const index = JSON.parse(
      new TextDecoder().decode(await s3.readBytes(bucket, 'reports/2026/11/30/index.json')),
    );
    index.runs[0].artifacts.json.key = 'reports/2026/11/30/r-20261201-0615/gone.json';
    await s3.client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'reports/2026/11/30/index.json',
        Body: JSON.stringify(index),
      }),
    );
    await expect(store.readReport(run())).rejects.toMatchObject({
      name: 'ReportIntegrityError',
      key: 'reports/2026/11/30/r-20261201-0615/gone.json',
    });

    index.runs[0].artifacts.json.sha256 = 'not-a-hash';
    await s3.client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'reports/2026/11/30/index.json',
        Body: JSON.stringify(index),
      }),
    );
    await expect(store.listDay('2026-11-30')).rejects.toMatchObject({
      name: 'ReportIntegrityError',
      key: 'reports/2026/11/30/index.json',
      reason: expect.stringContaining('runs.0.artifacts.json.sha256'),
    });
  });

  it('reads an unknown run as not found', async () => {
    const { store } = await newStore();
    await store.putRunArtifacts(run(), artifactsFor(42));
    await expect(store.readReport({ asOf: '2026-11-30', runId: 'nope' })).rejects.toBeInstanceOf(
      ReportNotFoundError,
    );
    await expect(store.readReport({ asOf: '2026-11-29', runId: 'r-20261201-0615' })).rejects.toBeInstanceOf(
      ReportNotFoundError,
    );
  });

  it.each([
    ['asOf', { asOf: '2026-02-29' }], // 2026 is not a leap year
    ['asOf', { asOf: '30/11/2026' }],
    ['runId', { runId: '../latest' }],
    ['runId', { runId: 'a/b' }],
    ['runId', { runId: '' }],
    ['runId', { runId: 'x'.repeat(129) }],
    ['generatedAt', { generatedAt: '2026-12-01 06:15' }],
    ['status', { status: '' }],
    ['headline.coverageRatio', { headline: { coverageRatio: Number.NaN } }],
    ['inputHashes.book', { inputHashes: { book: SHA256_ABC.toUpperCase() } }],
    ['inputHashes.Book', { inputHashes: { Book: SHA256_ABC } }],
  ] as const)('refuses an invalid %s before writing anything (%j)', async (field, override) => {
    const { bucket, store } = await newStore();
    const error = await store
      .putRunArtifacts(run(override as Partial<ReportRun>), artifactsFor(43))
      .catch((e) => e);
    expect(error).toBeInstanceOf(InvalidReportRunError);
    expect(error.field).toBe(field);
    expect(await s3.listKeys(bucket)).toEqual([]);
  });

  it('validates the date and run id of reads too', async () => {
    const { store } = await newStore();
    await expect(store.listDay('2026-13-01')).rejects.toMatchObject({
      name: 'InvalidReportRunError',
      field: 'asOf',
    });
    await expect(store.findUnpublishedRuns('yesterday')).rejects.toBeInstanceOf(InvalidReportRunError);
    await expect(store.readReport({ asOf: '2026-11-30', runId: '../x' })).rejects.toMatchObject({
      field: 'runId',
    });
  });
});
