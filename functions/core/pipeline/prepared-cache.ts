/**
 * Prepared calculations kept between the steps of a run in one process. Preparing (validation,
 * the engine, the margin block) costs more than a chunk of eight cascades on a large book, and
 * every compute chunk, and the publish step, needs it: in the local mode, and in a warm Lambda
 * that takes several chunks of the same run, the first step prepares and the next ones reuse
 * it. Entries are keyed by the run and the SHA-256 of its staged documents, so a re-staged run
 * never finds a stale one. Tasks never modify a prepared calculation (calculate.ts), so sharing
 * it changes no output.
 */
import { type PreparedCalculation, prepareCalculation } from '../calculation/calculate.js';
import type { DocumentDigests, DocumentTexts } from './staged-run.js';
import { parseDocumentTexts } from './staged-run.js';

export class PreparedCalculationCache {
  private readonly entries = new Map<string, PreparedCalculation>();

  /** `capacity`: prepared calculations kept at once (least recently used goes first), ≥ 1. */
  constructor(readonly capacity = 1) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a whole number ≥ 1, got ${capacity}`);
  }

  get(key: string): PreparedCalculation | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, prepared: PreparedCalculation): void {
    this.entries.delete(key);
    this.entries.set(key, prepared);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }
}

function cacheKey(runId: string, digests: DocumentDigests): string {
  return [runId, digests.book, digests.market, digests.params, digests.scenarios].join(':');
}

/**
 * The prepared calculation of a run's staged documents: from the cache when there is one
 * holding it, else prepared from the texts (`texts` is only called then).
 */
export async function prepareStaged(
  cache: PreparedCalculationCache | undefined,
  runId: string,
  digests: DocumentDigests,
  texts: () => Promise<DocumentTexts> | DocumentTexts,
): Promise<PreparedCalculation> {
  const key = cacheKey(runId, digests);
  const hit = cache?.get(key);
  if (hit !== undefined) return hit;
  const documents = parseDocumentTexts(await texts());
  // Another step of this run may have prepared it while the texts were read.
  const raced = cache?.get(key);
  if (raced !== undefined) return raced;
  const prepared = prepareCalculation(documents);
  cache?.set(key, prepared);
  return prepared;
}
