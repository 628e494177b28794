/**
 * SesReportMailer against a real SES v2-compatible server (aws-ses-v2-local in a child
 * process), reached directly or through a proxy that records the wire bytes and can fail.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_ATTACHMENT_BYTES,
  formatSize,
  isTransientSesError,
  SesReportMailer,
  type SesReportMailerProps,
  withDownloadLink,
} from '../../../functions/adapters/ses-report-mailer.js';
import { ReportDeliveryError, type ReportEmail } from '../../../functions/core/ports/report-mailer.js';
import { closedPort, startFaultyProxy, startTestSes, type TestSes } from '../../support/ses.js';

/** A PDF-like binary with every byte value (a text round trip anywhere would corrupt it). */
function pdfBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n'));
  let state = 12345;
  for (let i = 16; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31; // ANSI C LCG: deterministic filler
    bytes[i] = (state >>> 16) & 0xff;
  }
  return bytes;
}

const DOWNLOAD_URL =
  'https://risk.venue.example/reports/2026-11-30/r-20261201-0615/report.pdf?format=pdf&inline=0';

function email(pdf: Uint8Array): ReportEmail {
  return {
    run: { asOf: '2026-11-30', runId: 'r-20261201-0615' },
    content: {
      subject: 'Marginfall 2026-11-30: worst bad debt $22.6M − fund covers 20.8% (Δ ≥ 5%)',
      text: 'Worst scenario: crash-historical\nBad debt: $22,646,141\n',
      html: '<html><body><h1>Marginfall 2026-11-30</h1><p>Bad debt: <b>$22,646,141</b></p></body></html>',
    },
    pdf: { filename: 'marginfall-2026-11-30.pdf', bytes: pdf },
    downloadUrl: DOWNLOAD_URL,
  };
}

const RECIPIENTS = {
  from: 'Marginfall Risk <risk@venue.example>',
  to: ['cro@venue.example', 'risk-desk@venue.example'],
  cc: ['compliance@venue.example'],
  bcc: ['archive@venue.example'],
} as const;

let ses: TestSes;
beforeAll(async () => {
  ses = await startTestSes();
});
afterAll(async () => {
  await ses?.stop();
});
beforeEach(async () => {
  await ses.clear();
});

/** Pauses recorded instead of waited for. */
function recordingSleep() {
  const pauses: number[] = [];
  return { pauses, sleep: async (ms: number) => void pauses.push(ms) };
}

function mailer(endpoint: string | undefined, props: Partial<SesReportMailerProps> = {}) {
  return new SesReportMailer({ client: ses.newClient(endpoint), ...RECIPIENTS, ...props });
}

describe('SesReportMailer: the delivered message', () => {
  it('arrives with subject, addresses, both bodies and the PDF attached byte for byte', async () => {
    const proxy = await startFaultyProxy(ses.server.endpoint);
    try {
      const pdf = pdfBytes(200_000);
      const delivery = await mailer(proxy.endpoint).sendReport(email(pdf));
      expect(delivery).toMatchObject({ pdf: 'attached', attempts: 1 });

      // What the server stored (its own parse of the message).
      const [stored, ...others] = await ses.emails();
      expect(others).toEqual([]);
      expect(delivery.messageId).toBe(stored?.messageId);
      expect(stored?.subject).toBe(
        'Marginfall 2026-11-30: worst bad debt $22.6M − fund covers 20.8% (Δ ≥ 5%)',
      );
      expect(stored?.from).toBe('"Marginfall Risk" <risk@venue.example>');
      expect(stored?.destination.to).toEqual(['cro@venue.example, risk-desk@venue.example']);
      expect(stored?.destination.cc).toEqual(['compliance@venue.example']);
      expect(stored?.body.text).toBe('Worst scenario: crash-historical\nBad debt: $22,646,141\n');
      expect(stored?.body.html).toContain('<p>Bad debt: <b>$22,646,141</b></p>');
      expect(stored?.attachments).toHaveLength(1);
      expect(stored?.attachments[0]).toMatchObject({
        filename: 'marginfall-2026-11-30.pdf',
        contentType: 'application/pdf',
        size: 200_000,
      });
      expect(Buffer.from(stored?.attachments[0]?.content ?? '', 'base64').equals(Buffer.from(pdf))).toBe(
        true,
      );

      // What went over the wire, parsed independently with mailparser.
      expect(proxy.requests).toHaveLength(1);
      const request = JSON.parse(proxy.requests[0]?.body ?? '{}');
      expect(proxy.requests[0]?.path).toBe('/v2/email/outbound-emails');
      expect(request.FromEmailAddress).toBe('Marginfall Risk <risk@venue.example>');
      expect(request.Destination).toEqual({
        ToAddresses: ['cro@venue.example', 'risk-desk@venue.example'],
        CcAddresses: ['compliance@venue.example'],
        BccAddresses: ['archive@venue.example'],
      });
      const raw = Buffer.from(request.Content.Raw.Data, 'base64');
      const message = await simpleParser(raw);
      expect(message.subject).toBe(stored?.subject);
      const to = Array.isArray(message.to) ? message.to : [message.to];
      expect(to.flatMap((group) => group?.value.map((address) => address.address))).toEqual([
        'cro@venue.example',
        'risk-desk@venue.example',
      ]);
      expect(message.bcc).toBeUndefined(); // Bcc recipients are envelope-only
      expect(raw.toString('latin1')).not.toMatch(/^bcc:/im);
      expect(message.text).toBe('Worst scenario: crash-historical\nBad debt: $22,646,141\n');
      expect(message.html).toContain('<h1>Marginfall 2026-11-30</h1>');
      expect(message.headers.get('x-marginfall-run-id')).toBe('r-20261201-0615');
      expect(message.headers.get('x-marginfall-as-of')).toBe('2026-11-30');
      expect(message.attachments).toHaveLength(1);
      expect(message.attachments[0]?.contentType).toBe('application/pdf');
      expect(message.attachments[0]?.content.equals(Buffer.from(pdf))).toBe(true);
      // The text and HTML summaries are alternatives of one another, the PDF is beside them.
      expect(raw.toString('latin1')).toMatch(/Content-Type: multipart\/mixed/);
      expect(raw.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/);
    } finally {
      await proxy.stop();
    }
  });

  it('attaches a PDF of exactly the limit and links one byte larger instead', async () => {
    const limited = mailer(undefined, { maxAttachmentBytes: 1000 });

    const atLimit = await limited.sendReport(email(pdfBytes(1000)));
    expect(atLimit.pdf).toBe('attached');
    const tooLarge = await limited.sendReport(email(pdfBytes(1001)));
    expect(tooLarge.pdf).toBe('linked');

    const [first, second] = await ses.emails();
    expect(first?.attachments).toHaveLength(1);
    expect(first?.body.text).not.toContain(DOWNLOAD_URL);
    expect(second?.attachments).toEqual([]);
    expect(second?.body.text).toBe(
      'Worst scenario: crash-historical\nBad debt: $22,646,141\n\n' +
        'The PDF report (1,001 bytes) is larger than the 1,000 bytes attachment limit, so it is not attached.\n' +
        `Download it (sign-in required): ${DOWNLOAD_URL}\n`,
    );
    const html = second?.body.html ?? '';
    expect(html).toContain(`<a href="${DOWNLOAD_URL.replace('&', '&amp;')}">Download the PDF report</a>`);
    expect(html.indexOf('Download the PDF report')).toBeLessThan(html.indexOf('</body>'));
  });

  it('keeps the default limit at 7 MiB and writes sizes as people read them', () => {
    expect(DEFAULT_MAX_ATTACHMENT_BYTES).toBe(7 * 1024 * 1024);
    expect(formatSize(0)).toBe('0 bytes');
    expect(formatSize(999_999)).toBe('999,999 bytes');
    expect(formatSize(1_000_000)).toBe('1.0 MB');
    expect(formatSize(DEFAULT_MAX_ATTACHMENT_BYTES)).toBe('7.3 MB'); // 7,340,032 B
    expect(formatSize(12_345_678)).toBe('12.3 MB');
  });
});

describe('SesReportMailer: failures are retried, then reported', () => {
  it('retries two 500s with backoff and delivers exactly once on the third attempt', async () => {
    const proxy = await startFaultyProxy(ses.server.endpoint, { failures: 2, status: 500 });
    try {
      const { pauses, sleep } = recordingSleep();
      const pdf = pdfBytes(5_000);
      const delivery = await mailer(proxy.endpoint, {
        retry: { sleep, baseDelayMs: 200, maxDelayMs: 5_000 },
      }).sendReport(email(pdf));
      expect(delivery).toMatchObject({ attempts: 3, pdf: 'attached' });
      expect(proxy.requests.map((request) => request.status)).toEqual([500, 500, 200]);
      // Full jitter: pause after attempt n lies in [0, 200 · 2^(n−1)) → [0, 200) then [0, 400).
      expect(pauses).toHaveLength(2);
      expect(pauses[0]).toBeGreaterThanOrEqual(0);
      expect(pauses[0]).toBeLessThan(200);
      expect(pauses[1]).toBeLessThan(400);

      const stored = await ses.emails();
      expect(stored).toHaveLength(1);
      expect(Buffer.from(stored[0]?.attachments[0]?.content ?? '', 'base64').equals(Buffer.from(pdf))).toBe(
        true,
      );
    } finally {
      await proxy.stop();
    }
  });

  it('reports a server that keeps failing after the configured attempts', async () => {
    const proxy = await startFaultyProxy(ses.server.endpoint, {
      failures: 10,
      status: 429,
      errorType: 'TooManyRequestsException',
    });
    try {
      const { pauses, sleep } = recordingSleep();
      const error = await mailer(proxy.endpoint, { retry: { maxAttempts: 3, sleep } })
        .sendReport(email(pdfBytes(100)))
        .catch((e) => e);
      expect(error).toBeInstanceOf(ReportDeliveryError);
      expect(error).toMatchObject({ runId: 'r-20261201-0615', attempts: 3, transient: true });
      expect(error.cause.name).toBe('TooManyRequestsException');
      expect(error.message).toContain('not sent after 3 attempts');
      expect(proxy.requests).toHaveLength(3);
      expect(pauses).toHaveLength(2);
      expect(await ses.emails()).toEqual([]);
    } finally {
      await proxy.stop();
    }
  });

  it('reports an unreachable endpoint (connection refused) after retrying', async () => {
    const port = await closedPort();
    const { pauses, sleep } = recordingSleep();
    const error = await mailer(`http://127.0.0.1:${port}`, { retry: { maxAttempts: 4, sleep } })
      .sendReport(email(pdfBytes(100)))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ReportDeliveryError);
    expect(error).toMatchObject({ attempts: 4, transient: true });
    expect(error.cause.code).toBe('ECONNREFUSED');
    expect(pauses).toHaveLength(3);
  });

  it('does not retry a permanent rejection, and reports it', async () => {
    const proxy = await startFaultyProxy(ses.server.endpoint, {
      failures: 1,
      status: 400,
      errorType: 'MessageRejected',
    });
    try {
      const { pauses, sleep } = recordingSleep();
      const error = await mailer(proxy.endpoint, { retry: { sleep } })
        .sendReport(email(pdfBytes(100)))
        .catch((e) => e);
      expect(error).toBeInstanceOf(ReportDeliveryError);
      expect(error).toMatchObject({ attempts: 1, transient: false });
      expect(error.cause.name).toBe('MessageRejected');
      expect(error.message).toContain('permanent failure');
      expect(proxy.requests).toHaveLength(1);
      expect(pauses).toEqual([]);
      expect(await ses.emails()).toEqual([]);
    } finally {
      await proxy.stop();
    }
  });
});

describe('SesReportMailer: pieces', () => {
  it('classifies SES errors: throttling, 5xx and dropped connections retry; rejections do not', () => {
    const sdkError = (name: string, status?: number, extra: object = {}) =>
      Object.assign(new Error(name), {
        name,
        $metadata: status === undefined ? {} : { httpStatusCode: status },
        ...extra,
      });
    expect(isTransientSesError(sdkError('TooManyRequestsException', 429))).toBe(true);
    expect(isTransientSesError(sdkError('InternalFailure', 500))).toBe(true);
    expect(isTransientSesError(sdkError('ServiceUnavailable', 503))).toBe(true);
    expect(isTransientSesError(sdkError('Whatever', undefined, { $retryable: {} }))).toBe(true);
    expect(isTransientSesError(sdkError('TimeoutError'))).toBe(true);
    expect(isTransientSesError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientSesError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);

    expect(isTransientSesError(sdkError('MessageRejected', 400))).toBe(false);
    expect(isTransientSesError(sdkError('MailFromDomainNotVerifiedException', 400))).toBe(false);
    expect(isTransientSesError(sdkError('SendingPausedException', 400))).toBe(false);
    // Daily quota reached: retrying within the run cannot help.
    expect(isTransientSesError(sdkError('LimitExceededException', 400))).toBe(false);
    expect(isTransientSesError(sdkError('BadRequestException', 400))).toBe(false);
    expect(isTransientSesError(Object.assign(new Error('no such host'), { code: 'ENOTFOUND' }))).toBe(false);
    expect(isTransientSesError('a string')).toBe(false);
    expect(isTransientSesError(undefined)).toBe(false);
  });

  it('puts the download paragraph before </body>, or at the end when there is none, escaped', () => {
    const content = {
      subject: 's',
      text: 'Summary.\n\n\n',
      html: '<html><body><p>Summary</p></body></html>',
    };
    // 12,345,678 B = 12.3 MB; 7 MiB = 7,340,032 B = 7.3 MB.
    const linked = withDownloadLink(content, 'https://x.example/r?a=1&b="2"', 12_345_678, 7 * 1024 * 1024);
    expect(linked.subject).toBe('s');
    expect(linked.text).toBe(
      'Summary.\n\nThe PDF report (12.3 MB) is larger than the 7.3 MB attachment limit, so it is not attached.\n' +
        'Download it (sign-in required): https://x.example/r?a=1&b="2"\n',
    );
    expect(linked.html).toBe(
      '<html><body><p>Summary</p><p>The PDF report (12.3 MB) is larger than the 7.3 MB attachment limit, so it ' +
        'is not attached. <a href="https://x.example/r?a=1&amp;b=&quot;2&quot;">Download the PDF report</a> ' +
        '(sign-in required).</p>\n</body></html>',
    );
    const fragment = withDownloadLink(
      { ...content, html: '<p>Summary</p>' },
      'https://x.example/r',
      8e6,
      7e6,
    );
    expect(fragment.html).toBe(
      '<p>Summary</p>\n<p>The PDF report (8.0 MB) is larger than the 7.0 MB attachment limit, so it is not ' +
        'attached. <a href="https://x.example/r">Download the PDF report</a> (sign-in required).</p>\n',
    );
  });

  it('needs at least one recipient and a whole, non-negative attachment limit', () => {
    const client = ses.newClient();
    expect(() => new SesReportMailer({ client, from: RECIPIENTS.from, to: [] })).toThrow(RangeError);
    expect(
      () =>
        new SesReportMailer({ client, from: RECIPIENTS.from, to: ['a@x.example'], maxAttachmentBytes: -1 }),
    ).toThrow(RangeError);
    expect(
      () =>
        new SesReportMailer({ client, from: RECIPIENTS.from, to: ['a@x.example'], maxAttachmentBytes: 1.5 }),
    ).toThrow(RangeError);
  });
});
