/**
 * `ReportStore` on S3: the report archive, laid out so a person can browse it by date.
 *
 *   <prefix>/YYYY/MM/DD/<run-id>/report.pdf     application/pdf        written once
 *   <prefix>/YYYY/MM/DD/<run-id>/report.json    application/json       written once
 *   <prefix>/YYYY/MM/DD/<run-id>/inputs.json    application/json       written once
 *   <prefix>/YYYY/MM/DD/index.json              the day's published runs   (pointer, updated)
 *   <prefix>/latest.json                        the latest published run   (pointer, updated)
 *
 * YYYY/MM/DD is the business date `asOf`, never the generation time. Each artifact carries
 * user metadata `asof`, `run-id`, `generated-at`, `artifact`, `sha256` (its own bytes) and
 * `input-sha256-<name>` per input document, and is uploaded with its SHA-256 checksum
 * (`x-amz-checksum-sha256`: S3 verifies the bytes, and Object Lock buckets require a checksum).
 *
 * Never overwritten: every artifact PUT carries `If-None-Match: *` (S3 refuses an existing
 * key atomically, 412) and is preceded by a HEAD of each key, the guard for servers that
 * ignore conditional writes (s3rver does). Both end in `ReportAlreadyExistsError`.
 *
 * Complete or not at all: artifacts first, then the day index, then the latest pointer. Only
 * runs in the index are readable; a failure before the index leaves unreferenced artifacts
 * that `findUnpublishedRuns` lists. The two pointers are read-modify-write with optimistic
 * concurrency (`If-Match: <etag>`, or `If-None-Match: *` when creating): a concurrent writer
 * makes the PUT fail with 412 and the update is redone on the fresh document.
 *
 * Object Lock: see functions/adapters/REPORT-DELIVERY.md — artifacts are immutable; each pointer
 * update is a new version of the pointer object, or the pointers live in `pointerBucket`.
 */
import { createHash } from 'node:crypto';
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type PutObjectCommandInput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { z } from 'zod';
import { parseIsoDate } from '../core/dates.js';
import {
  type ArchivedArtifact,
  InvalidReportRunError,
  type PublishedRun,
  REPORT_ARTIFACT_NAMES,
  ReportAlreadyExistsError,
  type ReportArtifactName,
  type ReportArtifacts,
  ReportIntegrityError,
  ReportNotFoundError,
  ReportPublicationError,
  type ReportRun,
  type ReportRunRef,
  type ReportStore,
  type StoredArtifact,
} from '../core/ports/report-store.js';

export interface S3ReportStoreProps {
  readonly client: S3Client;
  /** The archive bucket (Object Lock-ready): artifacts, and the pointers unless `pointerBucket` is set. */
  readonly bucket: string;
  /** Where index.json and latest.json live, if not in `bucket` (see REPORT-DELIVERY.md). */
  readonly pointerBucket?: string;
  /** Top-level key prefix, without slashes at either end; default `reports`. */
  readonly prefix?: string;
  /** Keys per ListObjectsV2 page (1–1000); default 1000. */
  readonly listPageSize?: number;
  /** Attempts at a pointer update that loses a race with a concurrent writer; default 5. */
  readonly pointerUpdateAttempts?: number;
}

export const ARTIFACT_FILES: Readonly<Record<ReportArtifactName, { file: string; contentType: string }>> = {
  pdf: { file: 'report.pdf', contentType: 'application/pdf' },
  json: { file: 'report.json', contentType: 'application/json' },
  inputs: { file: 'inputs.json', contentType: 'application/json' },
};

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const INPUT_NAME = /^[a-z0-9-]{1,32}$/;
const MAX_INPUTS = 16;

/** The archive's key layout (pure; exported for tests and for tools that browse the archive). */
export class ReportKeyLayout {
  constructor(readonly prefix = 'reports') {
    if (!/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/.test(prefix)) {
      throw new RangeError(`prefix must be key segments without leading or trailing '/', got '${prefix}'`);
    }
  }
  /** `reports/2026/11/30/` for asOf 2026-11-30. */
  dayPrefix(asOf: string): string {
    return `${this.prefix}/${asOf.slice(0, 4)}/${asOf.slice(5, 7)}/${asOf.slice(8, 10)}/`;
  }
  runPrefix(ref: ReportRunRef): string {
    return `${this.dayPrefix(ref.asOf)}${ref.runId}/`;
  }
  artifactKey(ref: ReportRunRef, name: ReportArtifactName): string {
    return `${this.runPrefix(ref)}${ARTIFACT_FILES[name].file}`;
  }
  dayIndexKey(asOf: string): string {
    return `${this.dayPrefix(asOf)}index.json`;
  }
  latestKey(): string {
    return `${this.prefix}/latest.json`;
  }
}

// ---- documents: the run as given, and the two pointer objects as stored -------------------

const sha256Schema = z.string().regex(SHA256_HEX, 'must be a SHA-256 as 64 lowercase hex digits');
const asOfField = z
  .string()
  .refine((value) => parseIsoDate(value) !== undefined, 'must be a date YYYY-MM-DD');

const runSchema = z.object({
  asOf: asOfField,
  runId: z.string().regex(RUN_ID, 'must be 1–128 of A–Z a–z 0–9 . _ -, starting with a letter or digit'),
  generatedAt: z.iso.datetime({ message: 'must be an ISO-8601 UTC instant such as 2026-12-01T06:15:00Z' }),
  status: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
  headline: z.record(
    z.string().min(1).max(64),
    z.union([z.number(), z.string().max(200)], { message: 'must be a finite number or a short string' }),
  ),
  inputHashes: z
    .record(z.string().regex(INPUT_NAME, 'names must be 1–32 of a–z 0–9 -'), sha256Schema)
    .refine((hashes) => Object.keys(hashes).length <= MAX_INPUTS, `at most ${MAX_INPUTS} inputs`),
});

const artifactSchema = z.object({
  key: z.string().min(1),
  contentType: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: sha256Schema,
});

const publishedRunSchema = runSchema.extend({
  artifacts: z.object({ pdf: artifactSchema, json: artifactSchema, inputs: artifactSchema }),
});

const dayIndexSchema = z.object({
  schemaVersion: z.literal(1),
  asOf: asOfField,
  runs: z.array(publishedRunSchema),
});

const latestSchema = z.object({
  schemaVersion: z.literal(1),
  /** Key of the day index that lists the run. */
  index: z.string().min(1),
  run: publishedRunSchema,
});

export type DayIndexDocument = z.infer<typeof dayIndexSchema>;
export type LatestDocument = z.infer<typeof latestSchema>;

function invalid(error: z.ZodError, prefix = ''): InvalidReportRunError {
  const issue = error.issues[0];
  const field = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return new InvalidReportRunError(field || 'run', issue?.message ?? 'invalid');
}

function validateRun(run: ReportRun): ReportRun {
  const parsed = runSchema.safeParse(run);
  if (!parsed.success) throw invalid(parsed.error);
  return run;
}

function validateRef(ref: ReportRunRef): void {
  const parsed = runSchema.pick({ asOf: true, runId: true }).safeParse(ref);
  if (!parsed.success) throw invalid(parsed.error);
}

function validateAsOf(asOf: string): void {
  const parsed = asOfField.safeParse(asOf);
  if (!parsed.success) throw invalid(parsed.error, 'asOf');
}

/** Later asOf, then later generatedAt, then larger run id sorts after. */
export function compareRuns(a: ReportRun, b: ReportRun): number {
  if (a.asOf !== b.asOf) return a.asOf < b.asOf ? -1 : 1;
  const byTime = Date.parse(a.generatedAt) - Date.parse(b.generatedAt);
  if (byTime !== 0) return byTime;
  return a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// ---- S3 error classification ---------------------------------------------------------------

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404;
}

/** 412: the condition failed; 409 ConditionalRequestConflict: a concurrent conditional write won. */
function isConditionFailure(error: unknown): boolean {
  const status = statusOf(error);
  return status === 412 || status === 409;
}

// ---- the store -----------------------------------------------------------------------------

interface Versioned<T> {
  readonly document: T;
  readonly etag: string | undefined;
}

export class S3ReportStore implements ReportStore {
  readonly layout: ReportKeyLayout;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly pointerBucket: string;
  private readonly listPageSize: number;
  private readonly pointerUpdateAttempts: number;

  constructor(props: S3ReportStoreProps) {
    this.client = props.client;
    this.bucket = props.bucket;
    this.pointerBucket = props.pointerBucket ?? props.bucket;
    this.layout = new ReportKeyLayout(props.prefix);
    this.listPageSize = props.listPageSize ?? 1000;
    this.pointerUpdateAttempts = props.pointerUpdateAttempts ?? 5;
    if (!Number.isInteger(this.listPageSize) || this.listPageSize < 1 || this.listPageSize > 1000) {
      throw new RangeError(`listPageSize must be a whole number from 1 to 1000, got ${props.listPageSize}`);
    }
    if (!Number.isInteger(this.pointerUpdateAttempts) || this.pointerUpdateAttempts < 1) {
      throw new RangeError(
        `pointerUpdateAttempts must be a whole number ≥ 1, got ${props.pointerUpdateAttempts}`,
      );
    }
  }

  async putRunArtifacts(run: ReportRun, artifacts: ReportArtifacts): Promise<PublishedRun> {
    validateRun(run);
    const published: PublishedRun = {
      asOf: run.asOf,
      runId: run.runId,
      generatedAt: run.generatedAt,
      status: run.status,
      headline: { ...run.headline },
      inputHashes: { ...run.inputHashes },
      artifacts: {
        pdf: this.describe(run, 'pdf', artifacts.pdf),
        json: this.describe(run, 'json', artifacts.json),
        inputs: this.describe(run, 'inputs', artifacts.inputs),
      },
    };

    // Only a refusal to overwrite passes through as is; any other failure is reported with
    // the stage it happened in, which tells the caller whether the run got published.
    const stage = async (name: ReportPublicationError['stage'], step: () => Promise<void>) => {
      try {
        await step();
      } catch (error) {
        if (error instanceof ReportAlreadyExistsError) throw error;
        throw new ReportPublicationError(run.asOf, run.runId, name, { cause: error });
      }
    };
    await stage('artifacts', async () => {
      await this.refuseExisting(published);
      await this.writeArtifacts(published, artifacts);
    });
    await stage('index', () => this.addToDayIndex(published));
    await stage('latest', () => this.moveLatestPointer(published));
    return published;
  }

  async listDay(asOf: string): Promise<readonly PublishedRun[]> {
    validateAsOf(asOf);
    return (await this.readDayIndex(asOf))?.document.runs ?? [];
  }

  async readReport(ref: ReportRunRef, artifact: ReportArtifactName = 'json'): Promise<StoredArtifact> {
    validateRef(ref);
    const run = (await this.readDayIndex(ref.asOf))?.document.runs.find((entry) => entry.runId === ref.runId);
    if (run === undefined) throw new ReportNotFoundError(ref.asOf, ref.runId);
    const expected = run.artifacts[artifact];
    let response: GetObjectCommandOutput;
    try {
      response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: expected.key }));
    } catch (error) {
      if (isNotFound(error))
        throw new ReportIntegrityError(expected.key, 'published but missing', { cause: error });
      throw error;
    }
    const bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array();
    const actual = sha256Hex(bytes);
    if (actual !== expected.sha256) {
      throw new ReportIntegrityError(
        expected.key,
        `SHA-256 ${actual} differs from the published ${expected.sha256}`,
      );
    }
    return {
      run,
      name: artifact,
      contentType: response.ContentType ?? expected.contentType,
      bytes,
      metadata: { ...(response.Metadata ?? {}) },
    };
  }

  async readLatest(): Promise<PublishedRun | undefined> {
    return (await this.readLatestDocument())?.document.run;
  }

  async findUnpublishedRuns(asOf: string): Promise<readonly string[]> {
    validateAsOf(asOf);
    const dayPrefix = this.layout.dayPrefix(asOf);
    const stored = new Set<string>();
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: dayPrefix,
          MaxKeys: this.listPageSize,
          ContinuationToken: continuationToken,
        }),
      );
      for (const object of page.Contents ?? []) {
        const rest = object.Key?.slice(dayPrefix.length) ?? '';
        const slash = rest.indexOf('/');
        if (slash > 0) stored.add(rest.slice(0, slash));
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken !== undefined);
    const published = new Set((await this.listDay(asOf)).map((run) => run.runId));
    return [...stored].filter((runId) => !published.has(runId)).sort();
  }

  // ---- writing ----

  private describe(run: ReportRun, name: ReportArtifactName, bytes: Uint8Array): ArchivedArtifact {
    return {
      key: this.layout.artifactKey(run, name),
      contentType: ARTIFACT_FILES[name].contentType,
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
    };
  }

  /** The HEAD guard: fail before writing anything if the run is indexed or any artifact exists. */
  private async refuseExisting(run: PublishedRun): Promise<void> {
    const index = await this.readDayIndex(run.asOf);
    if (index?.document.runs.some((entry) => entry.runId === run.runId)) {
      throw new ReportAlreadyExistsError(run.asOf, run.runId, this.layout.dayIndexKey(run.asOf));
    }
    const found = await Promise.all(
      REPORT_ARTIFACT_NAMES.map(async (name) => {
        const key = run.artifacts[name].key;
        try {
          await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
          return key;
        } catch (error) {
          if (isNotFound(error)) return undefined;
          throw error;
        }
      }),
    );
    const existing = found.find((key) => key !== undefined);
    if (existing !== undefined) throw new ReportAlreadyExistsError(run.asOf, run.runId, existing);
  }

  private async writeArtifacts(run: PublishedRun, artifacts: ReportArtifacts): Promise<void> {
    const results = await Promise.allSettled(
      REPORT_ARTIFACT_NAMES.map((name) => this.writeArtifact(run, name, artifacts[name])),
    );
    const failures = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    );
    // A conflict explains the outcome better than, say, a throttled sibling upload.
    const conflict = failures.find((reason) => reason instanceof ReportAlreadyExistsError);
    if (conflict !== undefined || failures.length > 0) throw conflict ?? failures[0];
  }

  private async writeArtifact(run: PublishedRun, name: ReportArtifactName, bytes: Uint8Array): Promise<void> {
    const artifact = run.artifacts[name];
    const extension = ARTIFACT_FILES[name].file.slice(ARTIFACT_FILES[name].file.lastIndexOf('.'));
    const suffix = name === 'pdf' ? '' : `-${name === 'json' ? 'report' : 'inputs'}`;
    const metadata: Record<string, string> = {
      asof: run.asOf,
      'run-id': run.runId,
      'generated-at': run.generatedAt,
      artifact: name,
      sha256: artifact.sha256,
    };
    for (const [input, hash] of Object.entries(run.inputHashes)) metadata[`input-sha256-${input}`] = hash;
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: artifact.key,
          Body: bytes,
          ContentType: artifact.contentType,
          ContentDisposition: `inline; filename="marginfall-${run.asOf}-${run.runId}${suffix}${extension}"`,
          Metadata: metadata,
          ChecksumSHA256: Buffer.from(artifact.sha256, 'hex').toString('base64'),
          IfNoneMatch: '*',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ReportAlreadyExistsError(run.asOf, run.runId, artifact.key, { cause: error });
      }
      throw error;
    }
  }

  private async addToDayIndex(run: PublishedRun): Promise<void> {
    const key = this.layout.dayIndexKey(run.asOf);
    await this.updatePointer(key, async () => {
      const current = await this.readDayIndex(run.asOf);
      const runs = current?.document.runs ?? [];
      if (runs.some((entry) => entry.runId === run.runId)) {
        throw new ReportAlreadyExistsError(run.asOf, run.runId, key);
      }
      const document: DayIndexDocument = {
        schemaVersion: 1,
        asOf: run.asOf,
        runs: [...runs, run].sort((a, b) => compareRuns(a, b)) as DayIndexDocument['runs'],
      };
      return { document, etag: current?.etag };
    });
  }

  private async moveLatestPointer(run: PublishedRun): Promise<void> {
    await this.updatePointer(this.layout.latestKey(), async () => {
      const current = await this.readLatestDocument();
      if (current !== undefined && compareRuns(current.document.run, run) > 0) return undefined;
      const document: LatestDocument = {
        schemaVersion: 1,
        index: this.layout.dayIndexKey(run.asOf),
        run: run as LatestDocument['run'],
      };
      return { document, etag: current?.etag };
    });
  }

  /**
   * Optimistic read-modify-write of a pointer object: `next` reads the current version and
   * returns the replacement (or undefined to leave it); the PUT is conditional on that version.
   */
  private async updatePointer(
    key: string,
    next: () => Promise<Versioned<unknown> | undefined>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const update = await next();
      if (update === undefined) return;
      const body = Buffer.from(`${JSON.stringify(update.document, null, 2)}\n`, 'utf8');
      const input: PutObjectCommandInput = {
        Bucket: this.pointerBucket,
        Key: key,
        Body: body,
        ContentType: 'application/json',
        CacheControl: 'no-cache',
        ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
        ...(update.etag === undefined ? { IfNoneMatch: '*' } : { IfMatch: update.etag }),
      };
      try {
        await this.client.send(new PutObjectCommand(input));
        return;
      } catch (error) {
        if (!isConditionFailure(error) || attempt >= this.pointerUpdateAttempts) throw error;
      }
    }
  }

  // ---- reading the pointers ----

  private readDayIndex(asOf: string): Promise<Versioned<DayIndexDocument> | undefined> {
    return this.readPointer(this.layout.dayIndexKey(asOf), dayIndexSchema, 'day index');
  }

  private readLatestDocument(): Promise<Versioned<LatestDocument> | undefined> {
    return this.readPointer(this.layout.latestKey(), latestSchema, 'latest pointer');
  }

  private async readPointer<T>(
    key: string,
    schema: z.ZodType<T>,
    what: string,
  ): Promise<Versioned<T> | undefined> {
    let text: string;
    let etag: string | undefined;
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.pointerBucket, Key: key }));
      text = (await response.Body?.transformToString('utf-8')) ?? '';
      etag = response.ETag;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ReportIntegrityError(key, `${what} is not JSON`, { cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ReportIntegrityError(
        key,
        `${what} is malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
      );
    }
    return { document: parsed.data, etag };
  }
}
