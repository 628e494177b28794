/**
 * Port: delivering the daily report by email.
 *
 * The caller supplies the rendered message (subject, HTML and plain-text bodies, from the
 * email templates) and the PDF; the mailer attaches the PDF when it is small enough and
 * otherwise adds a link to the authenticated download URL to both bodies. Recipients and the
 * sender are the mailer's configuration, not the caller's. A failure to deliver is thrown as
 * `ReportDeliveryError` after the mailer's retries — never swallowed.
 */
import { MarginfallError } from '../errors.js';
import type { ReportRunRef } from './report-store.js';

/** A rendered email: the same summary as HTML and as plain text. */
export interface EmailContent {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface ReportEmail {
  /** The run the email reports on (recorded in the message headers for tracing). */
  readonly run: ReportRunRef;
  readonly content: EmailContent;
  readonly pdf: {
    /** Attachment file name, e.g. `marginfall-2026-11-30.pdf`. */
    readonly filename: string;
    readonly bytes: Uint8Array;
  };
  /** Authenticated download URL of the same PDF, linked instead when it is too large to attach. */
  readonly downloadUrl: string;
}

export interface ReportDelivery {
  /** The id the mail service gave the message. */
  readonly messageId: string;
  /** Whether the PDF went as an attachment or as a link. */
  readonly pdf: 'attached' | 'linked';
  /** Send attempts made, ≥ 1. */
  readonly attempts: number;
}

export interface ReportMailer {
  sendReport(email: ReportEmail): Promise<ReportDelivery>;
}

/** The report email could not be delivered to the mail service. */
export class ReportDeliveryError extends MarginfallError {
  override readonly name = 'ReportDeliveryError';
  constructor(
    readonly runId: string,
    /** Send attempts made before giving up, ≥ 1. */
    readonly attempts: number,
    /** True when the last failure was transient (retries ran out); false when it was permanent. */
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    const why = options?.cause instanceof Error ? `: ${options.cause.name}: ${options.cause.message}` : '';
    super(
      `report email for run ${runId} not sent after ${attempts} attempt${attempts === 1 ? '' : 's'} (${transient ? 'transient failure, retries exhausted' : 'permanent failure'})${why}`,
      options,
    );
  }
}
