/** What the API's operations need: the pipeline's dependencies and links to archived files. */
import type { PipelineDeps } from '../pipeline/deps.js';

/** A short-lived download link. */
export interface ReportLink {
  readonly url: string;
  /** ISO-8601 UTC instant after which the link is refused. */
  readonly expiresAt: string;
}

/** Download links to objects of the report archive (presigned S3 URLs in AWS). */
export interface ReportLinks {
  /** A link to the archive object `key`; `filename` is the name a browser saves it under. */
  linkTo(key: string, filename?: string): Promise<ReportLink>;
}

export interface ApiDeps {
  readonly pipeline: PipelineDeps;
  readonly links: ReportLinks;
}
