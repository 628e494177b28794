/**
 * Short-lived download links to archived report files: S3 presigned GET URLs, signed with the
 * caller's credentials (in Lambda, its role's: a link stops working when either its lifetime
 * or the role session ends, whichever is first). Nothing is fetched or checked here — a link
 * to a missing key answers 404 when used. `filename` sets the name a browser saves it under.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface S3ReportLinksProps {
  readonly client: S3Client;
  /** The report archive bucket. */
  readonly bucket: string;
  /** Lifetime of a link, seconds (1 to 604 800, the SigV4 limit). */
  readonly ttlSeconds: number;
  /** The current instant, ms since the epoch, for `expiresAt` (default `Date.now`). */
  readonly now?: () => number;
}

export interface ReportLink {
  readonly url: string;
  /** ISO-8601 UTC instant after which the link is refused. */
  readonly expiresAt: string;
}

/** File names a browser may save under: no quotes, slashes or control characters. */
const FILENAME = /^[A-Za-z0-9._-]{1,128}$/;

export class S3ReportLinks {
  private readonly now: () => number;

  constructor(private readonly props: S3ReportLinksProps) {
    if (!Number.isInteger(props.ttlSeconds) || props.ttlSeconds < 1 || props.ttlSeconds > 604_800) {
      throw new RangeError(`ttlSeconds must be a whole number from 1 to 604800, got ${props.ttlSeconds}`);
    }
    this.now = props.now ?? Date.now;
  }

  /** A link to `key` in the archive bucket, valid for the configured lifetime from now. */
  async linkTo(key: string, filename?: string): Promise<ReportLink> {
    if (filename !== undefined && !FILENAME.test(filename)) {
      throw new RangeError(`filename must be 1–128 of A–Z a–z 0–9 . _ -, got '${filename}'`);
    }
    // SigV4 dates have whole seconds: the link expires `ttlSeconds` after the signing second.
    const signedAt = Math.floor(this.now() / 1000) * 1000;
    const url = await getSignedUrl(
      this.props.client,
      new GetObjectCommand({
        Bucket: this.props.bucket,
        Key: key,
        ...(filename === undefined
          ? {}
          : { ResponseContentDisposition: `attachment; filename="${filename}"` }),
      }),
      { expiresIn: this.props.ttlSeconds, signingDate: new Date(signedAt) },
    );
    return { url, expiresAt: new Date(signedAt + this.props.ttlSeconds * 1000).toISOString() };
  }
}
