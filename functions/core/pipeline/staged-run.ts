/**
 * The objects a run keeps in its staging area (`runs/<runId>/<name>`), and their shapes:
 *
 * - `book.json`, `market.json`, `params.json`, `scenarios.json` — the four calculation
 *   documents as text (MODEL.md §8), exactly the bytes whose SHA-256 the report names;
 * - `source.json` — the snapshot items the position source could not use, as rejected
 *   records, so that the report's data quality counts them (received = accepted + rejected);
 * - `plan.json` — the compute chunks, each a list of calculation tasks, and the digests;
 * - `chunks/<id>.json` — one chunk's task outputs (exact JSON, see exact-json.ts);
 * - `email.json` — the daily email's rendered content, written by the publish step.
 */
import type { CalculationDocuments, CalculationTask, TaskOutput } from '../calculation/calculate.js';
import type { RecordCount, RejectedRecord } from '../model/rejection.js';
import type { EmailContent } from '../ports/report-mailer.js';
import type { StagingStore } from '../ports/staging-store.js';
import { parseExact, stringifyExact } from './exact-json.js';

export const DOCUMENT_NAMES = ['book', 'market', 'params', 'scenarios'] as const;
export type DocumentName = (typeof DOCUMENT_NAMES)[number];

export type DocumentTexts = Readonly<Record<DocumentName, string>>;
export type DocumentDigests = Readonly<Record<DocumentName, string>>;

/** Snapshot items the source rejected, as the report lists them, and how many of each kind. */
export interface StagedSourceRejections {
  readonly rejected: readonly RejectedRecord[];
  /** Added to the calculation's own counts of the same kinds. */
  readonly counts: {
    readonly marketAssets: RecordCount;
    readonly clients: RecordCount;
    readonly subaccounts: RecordCount;
  };
}

export interface ComputePlan {
  /** Tasks of each chunk, chunk ids are positions in this list. */
  readonly chunks: readonly (readonly CalculationTask[])[];
  readonly taskCount: number;
  /** SHA-256 of each staged document text. */
  readonly digests: DocumentDigests;
}

const documentObject = (name: DocumentName) => `${name}.json`;
const SOURCE = 'source.json';
const PLAN = 'plan.json';
const EMAIL = 'email.json';

export function chunkObjectName(chunkId: number): string {
  return `chunks/${String(chunkId).padStart(5, '0')}.json`;
}

export async function putDocumentTexts(staging: StagingStore, runId: string, texts: DocumentTexts) {
  await Promise.all(DOCUMENT_NAMES.map((name) => staging.putText(runId, documentObject(name), texts[name])));
}

export async function readDocumentTexts(staging: StagingStore, runId: string): Promise<DocumentTexts> {
  const [book, market, params, scenarios] = await Promise.all(
    DOCUMENT_NAMES.map((name) => staging.getText(runId, documentObject(name))),
  );
  return { book: book!, market: market!, params: params!, scenarios: scenarios! };
}

export function parseDocumentTexts(texts: DocumentTexts): CalculationDocuments {
  return {
    book: JSON.parse(texts.book),
    market: JSON.parse(texts.market),
    params: JSON.parse(texts.params),
    scenarios: JSON.parse(texts.scenarios),
  };
}

export async function putSourceRejections(
  staging: StagingStore,
  runId: string,
  source: StagedSourceRejections,
) {
  await staging.putText(runId, SOURCE, JSON.stringify(source));
}

export async function readSourceRejections(
  staging: StagingStore,
  runId: string,
): Promise<StagedSourceRejections> {
  return JSON.parse(await staging.getText(runId, SOURCE)) as StagedSourceRejections;
}

export async function putPlan(staging: StagingStore, runId: string, plan: ComputePlan) {
  await staging.putText(runId, PLAN, JSON.stringify(plan));
}

export async function readPlan(staging: StagingStore, runId: string): Promise<ComputePlan> {
  return JSON.parse(await staging.getText(runId, PLAN)) as ComputePlan;
}

export async function putChunkOutputs(
  staging: StagingStore,
  runId: string,
  chunkId: number,
  outputs: readonly TaskOutput[],
) {
  await staging.putText(runId, chunkObjectName(chunkId), stringifyExact(outputs));
}

export async function readChunkOutputs(
  staging: StagingStore,
  runId: string,
  chunkId: number,
): Promise<readonly TaskOutput[]> {
  return parseExact(await staging.getText(runId, chunkObjectName(chunkId))) as TaskOutput[];
}

export async function putEmailContent(staging: StagingStore, runId: string, content: EmailContent) {
  await staging.putText(runId, EMAIL, JSON.stringify(content));
}

export async function readEmailContent(staging: StagingStore, runId: string): Promise<EmailContent> {
  return JSON.parse(await staging.getText(runId, EMAIL)) as EmailContent;
}
