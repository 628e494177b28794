/**
 * `ReportMailer` on Amazon SES v2: the daily report email as one raw MIME message.
 *
 * The message is composed with nodemailer's MailComposer: multipart/alternative with the
 * plain-text and HTML summaries, inside multipart/mixed with the PDF as `application/pdf`
 * when the PDF is at most `maxAttachmentBytes`. A larger PDF is not attached; instead a
 * paragraph linking the authenticated download URL is added to both bodies. It is sent with
 * SendEmailCommand `Content.Raw`; the envelope recipients are given explicitly in
 * `Destination`, so Bcc recipients receive it without appearing in any header.
 *
 * Transient failures (throttling, HTTP 5xx, dropped or refused connections) are retried
 * with capped exponential backoff and full jitter (./retry.ts); a permanent failure
 * (MessageRejected, unverified sender, paused account, bad request) is not retried. Either
 * way the caller gets `ReportDeliveryError` with the attempt count and the SDK error as
 * `cause`. Build the SESv2Client with `maxAttempts: 1` so this policy is the only one
 * (otherwise the SDK's own retries multiply the attempts).
 *
 * A retried send whose first attempt reached SES but whose response was lost can deliver the
 * message twice; the run-level idempotency of the daily job is what prevents a second email
 * for the same run, not this adapter.
 */
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import {
  type ReportDelivery,
  ReportDeliveryError,
  type ReportEmail,
  type ReportMailer,
} from '../core/ports/report-mailer.js';
import { RetryExhaustedError, retryWithBackoff } from './retry.js';

export interface SesReportMailerProps {
  readonly client: SESv2Client;
  /** Sender, a verified SES identity, e.g. `Marginfall Risk <risk@venue.example>`. */
  readonly from: string;
  /** At least one recipient. */
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly bcc?: readonly string[];
  readonly replyTo?: readonly string[];
  /** Largest PDF sent as an attachment, in bytes; default `DEFAULT_MAX_ATTACHMENT_BYTES`. */
  readonly maxAttachmentBytes?: number;
  /** SES configuration set (event publishing, dedicated IPs), if any. */
  readonly configurationSetName?: string;
  /** Send attempts including the first (default 4), and the backoff bounds in ms (default 200 / 5 000). */
  readonly retry?: {
    readonly maxAttempts?: number;
    readonly baseDelayMs?: number;
    readonly maxDelayMs?: number;
    readonly sleep?: (ms: number) => Promise<void>;
  };
}

/**
 * 7 MiB. Base64 turns 3 bytes into 4 characters plus a line break every 76, so the attached
 * PDF becomes ≈ 9.5 MB, which keeps the whole message under the 10 MB that many receiving
 * mail systems accept (SES itself takes up to 40 MB).
 */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 7 * 1024 * 1024;

/** SES v2 error names that will fail the same way however often they are retried. */
const PERMANENT_ERRORS = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'BadRequestException',
  'NotFoundException',
  'LimitExceededException',
]);

/** Network failures below HTTP that a later attempt can get past. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
]);

/** Whether an error from `SESv2Client.send` is worth another attempt. */
export function isTransientSesError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, $metadata, $retryable } = error as {
    name?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
  };
  if (name !== undefined && PERMANENT_ERRORS.has(name)) return false;
  if ($retryable) return true;
  const status = $metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500 || status === 429;
  if (name === 'TooManyRequestsException' || name === 'TimeoutError' || name === 'RequestTimeout')
    return true;
  return code !== undefined && TRANSIENT_NETWORK_CODES.has(code);
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A size as people read it: MB (10^6 bytes) with one decimal from 1 MB, else grouped bytes. */
export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${String(bytes).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} bytes`;
}

/**
 * Adds the download link to the bodies of an email whose PDF is not attached. The HTML
 * paragraph goes before `</body>` when the document has one, else at the end.
 */
export function withDownloadLink(
  content: ReportEmail['content'],
  downloadUrl: string,
  pdfBytes: number,
  maxAttachmentBytes: number,
): ReportEmail['content'] {
  const why = `The PDF report (${formatSize(pdfBytes)}) is larger than the ${formatSize(maxAttachmentBytes)} attachment limit, so it is not attached.`;
  const text = `${content.text.replace(/\s*$/, '')}\n\n${why}\nDownload it (sign-in required): ${downloadUrl}\n`;
  const paragraph = `<p>${escapeHtml(why)} <a href="${escapeHtml(downloadUrl)}">Download the PDF report</a> (sign-in required).</p>`;
  const bodyEnd = content.html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  const html =
    bodyEnd >= 0
      ? `${content.html.slice(0, bodyEnd)}${paragraph}\n${content.html.slice(bodyEnd)}`
      : `${content.html}\n${paragraph}\n`;
  return { subject: content.subject, text, html };
}

export class SesReportMailer implements ReportMailer {
  private readonly maxAttachmentBytes: number;

  constructor(private readonly props: SesReportMailerProps) {
    this.maxAttachmentBytes = props.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
    if (props.to.length === 0) throw new RangeError('SesReportMailer needs at least one recipient in `to`');
    if (!Number.isInteger(this.maxAttachmentBytes) || this.maxAttachmentBytes < 0) {
      throw new RangeError(`maxAttachmentBytes must be a whole number ≥ 0, got ${props.maxAttachmentBytes}`);
    }
  }

  /** The raw RFC 5322 message for `email`, and whether the PDF is attached or linked. */
  async composeMessage(
    email: ReportEmail,
  ): Promise<{ readonly raw: Buffer; readonly pdf: 'attached' | 'linked' }> {
    const attach = email.pdf.bytes.byteLength <= this.maxAttachmentBytes;
    const content = attach
      ? email.content
      : withDownloadLink(
          email.content,
          email.downloadUrl,
          email.pdf.bytes.byteLength,
          this.maxAttachmentBytes,
        );
    const { from, to, cc, replyTo } = this.props;
    const composer = new MailComposer({
      from,
      to: [...to],
      cc: cc === undefined ? undefined : [...cc],
      replyTo: replyTo === undefined ? undefined : [...replyTo],
      subject: content.subject,
      text: content.text,
      html: content.html,
      headers: { 'X-Marginfall-Run-Id': email.run.runId, 'X-Marginfall-As-Of': email.run.asOf },
      attachments: attach
        ? [
            {
              filename: email.pdf.filename,
              content: Buffer.from(
                email.pdf.bytes.buffer,
                email.pdf.bytes.byteOffset,
                email.pdf.bytes.byteLength,
              ),
              contentType: 'application/pdf',
            },
          ]
        : [],
      // Nothing in a report email may make the composer read a file or fetch a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    return { raw: await composer.compile().build(), pdf: attach ? 'attached' : 'linked' };
  }

  async sendReport(email: ReportEmail): Promise<ReportDelivery> {
    const { raw, pdf } = await this.composeMessage(email);
    const { to, cc, bcc, from, configurationSetName, retry } = this.props;
    const command = new SendEmailCommand({
      FromEmailAddress: from,
      Destination: { ToAddresses: [...to], CcAddresses: [...(cc ?? [])], BccAddresses: [...(bcc ?? [])] },
      Content: { Raw: { Data: raw } },
      ConfigurationSetName: configurationSetName,
    });
    let attempts = 0;
    try {
      const response = await retryWithBackoff(
        (attempt) => {
          attempts = attempt;
          return this.props.client.send(command);
        },
        {
          maxAttempts: retry?.maxAttempts ?? 4,
          baseDelayMs: retry?.baseDelayMs ?? 200,
          maxDelayMs: retry?.maxDelayMs ?? 5_000,
          isRetryable: isTransientSesError,
          sleep: retry?.sleep,
        },
      );
      return { messageId: response.MessageId ?? '', pdf, attempts };
    } catch (error) {
      const exhausted = error instanceof RetryExhaustedError;
      throw new ReportDeliveryError(email.run.runId, attempts, exhausted, {
        cause: exhausted ? error.cause : error,
      });
    }
  }
}
