/**
 * The deployment's settings: every knob of the infrastructure, typed, with its default and its
 * check. `infra/app.ts` reads the CDK context and hands the raw values to `readSettings`;
 * everything below the app takes `MarginfallSettings` as props. infra/README.md lists the knobs.
 */

/** CloudWatch Logs retention periods (days) that CloudFormation accepts. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export interface MarginfallSettings {
  /** Deployment stage: lower-case letters, digits and dashes (dev, staging, prod). */
  readonly stage: string;
  /** EventBridge Scheduler expression of the daily run, `cron(min hour dom month dow year)`. */
  readonly scheduleCron: string;
  /** IANA time zone of the schedule and of the end-of-day cut-off, e.g. `Europe/London`. */
  readonly timeZone: string;
  /** False: the schedule is created disabled (runs only on demand). */
  readonly scheduleEnabled: boolean;
  /** End of the business day in `timeZone`, `HH:MM`; `24:00` = the midnight ending the day. */
  readonly eodCutoff: string;
  /** SES identity the reports are sent from: a domain (`example.com`) or one email address. */
  readonly emailIdentity: string;
  /** Sender address; must be the identity itself or an address of the identity's domain. */
  readonly emailFrom: string;
  /** Recipients of the daily email (at least one). */
  readonly recipients: readonly string[];
  /** Largest PDF attached to the daily email, bytes; a larger one is linked. */
  readonly emailMaxAttachmentBytes: number;
  /** S3 Object Lock (COMPLIANCE) default retention of published reports, days. */
  readonly reportRetentionDays: number;
  /** Days after which report versions move to S3 Glacier Instant Retrieval. */
  readonly reportTransitionDays: number;
  /** Days staged run inputs and chunk outputs are kept in the work bucket. */
  readonly workRetentionDays: number;
  /** Days S3 server access logs are kept. */
  readonly accessLogRetentionDays: number;
  /** CloudWatch Logs retention of the functions, the state machine and the API access log, days. */
  readonly logRetentionDays: (typeof LOG_RETENTION_DAYS)[number];
  /** Email address subscribed to the alarm topic; absent = no subscription. */
  readonly alarmEmail?: string;
  /** Compute chunks running at once (Map MaxConcurrency). */
  readonly mapMaxConcurrency: number;
  /** Calculation tasks per compute chunk. */
  readonly chunkTasks: number;
  /** Memory of the compute-chunk function, MB (CPU grows with it: 1,769 MB = 1 vCPU). */
  readonly computeMemoryMb: number;
  /** API steady-state requests per second and burst, per stage. */
  readonly apiRateLimit: number;
  readonly apiBurstLimit: number;
  /** Lifetime of presigned report links, seconds. */
  readonly linkTtlSeconds: number;
  /** Version of the deployed code, printed in every report. */
  readonly codeVersion: string;
  /** Classification line of the reports; absent = the report builder's default. */
  readonly classification?: string;
  /** Powertools log level of every function. */
  readonly logLevel: LogLevel;
}

/** An unusable context value: names the key and the reason. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`context "${key}": ${reason}`);
  }
}

/** Reads one raw context value by key (`app.node.tryGetContext`); undefined when not given. */
export type ContextLookup = (key: string) => unknown;

const EMAIL = /^[^\s@,]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Turns the raw context values into checked settings; throws `SettingsError` on the first bad one. */
export function readSettings(lookup: ContextLookup): MarginfallSettings {
  const text = (key: string, fallback?: string): string | undefined => {
    const value = lookup(key);
    if (value === undefined || value === null || String(value).trim() === '') return fallback;
    return String(value).trim();
  };
  const required = (key: string, fallback: string): string => text(key, fallback) ?? fallback;
  const integer = (key: string, fallback: number, min: number, max: number): number => {
    const raw = text(key);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      throw new SettingsError(key, `must be a whole number from ${min} to ${max} (got "${raw}")`);
    }
    return Number(raw);
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const raw = text(key);
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false')
      throw new SettingsError(key, `must be true or false (got "${raw}")`);
    return raw === 'true';
  };

  const stage = required('stage', 'dev');
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
    throw new SettingsError('stage', `must be 1–20 lower-case letters, digits and dashes (got "${stage}")`);
  }

  // EventBridge Scheduler cron: six fields, minute hour day-of-month month day-of-week year.
  const cronRaw = required('scheduleCron', 'cron(30 0 * * ? *)');
  const cronFields = /^cron\((.*)\)$/.exec(cronRaw)?.[1] ?? cronRaw;
  if (cronFields.trim().split(/\s+/).length !== 6) {
    throw new SettingsError(
      'scheduleCron',
      `must be a six-field scheduler cron such as "cron(30 0 * * ? *)" (got "${cronRaw}")`,
    );
  }
  const scheduleCron = `cron(${cronFields.trim().split(/\s+/).join(' ')})`;

  const timeZone = required('timeZone', 'UTC');
  if (!isValidTimeZone(timeZone)) {
    throw new SettingsError(
      'timeZone',
      `must be an IANA time zone such as Europe/London (got "${timeZone}")`,
    );
  }

  const eodCutoff = required('eodCutoff', '24:00');
  if (!/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(eodCutoff)) {
    throw new SettingsError('eodCutoff', `must be HH:MM from 00:00 to 24:00 (got "${eodCutoff}")`);
  }

  const emailFrom = required('emailFrom', text('emailIdentity') ?? 'marginfall@example.com');
  if (!EMAIL.test(emailFrom))
    throw new SettingsError('emailFrom', `must be an email address (got "${emailFrom}")`);
  const emailIdentity = required('emailIdentity', emailFrom);
  if (EMAIL.test(emailIdentity)) {
    if (emailIdentity.toLowerCase() !== emailFrom.toLowerCase()) {
      throw new SettingsError(
        'emailFrom',
        `must be the identity ${emailIdentity} itself (got "${emailFrom}")`,
      );
    }
  } else if (DOMAIN.test(emailIdentity)) {
    if (!emailFrom.toLowerCase().endsWith(`@${emailIdentity.toLowerCase()}`)) {
      throw new SettingsError('emailFrom', `must be an address of ${emailIdentity} (got "${emailFrom}")`);
    }
  } else {
    throw new SettingsError('emailIdentity', `must be a domain or an email address (got "${emailIdentity}")`);
  }

  const recipients = (text('recipients') ?? emailFrom)
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  for (const address of recipients) {
    if (!EMAIL.test(address)) throw new SettingsError('recipients', `"${address}" is not an email address`);
  }
  if (recipients.length === 0 || recipients.length > 50) {
    throw new SettingsError('recipients', `must list 1 to 50 addresses (got ${recipients.length})`);
  }

  const alarmEmail = text('alarmEmail');
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) {
    throw new SettingsError('alarmEmail', `must be an email address (got "${alarmEmail}")`);
  }

  // A COMPLIANCE lock cannot be shortened or lifted by anyone: outside prod the default is one
  // day, so test deployments can be emptied; prod keeps reports seven years.
  const reportRetentionDays = integer('reportRetentionDays', stage === 'prod' ? 2557 : 1, 1, 36_500);
  const logRetentionRaw = integer('logRetentionDays', 90, 1, 3653);
  const logRetentionDays = LOG_RETENTION_DAYS.find((days) => days === logRetentionRaw);
  if (logRetentionDays === undefined) {
    throw new SettingsError('logRetentionDays', `must be one of ${LOG_RETENTION_DAYS.join(', ')}`);
  }

  const logLevel = required('logLevel', 'INFO').toUpperCase();
  if (logLevel !== 'DEBUG' && logLevel !== 'INFO' && logLevel !== 'WARN' && logLevel !== 'ERROR') {
    throw new SettingsError('logLevel', `must be DEBUG, INFO, WARN or ERROR (got "${logLevel}")`);
  }

  const apiRateLimit = integer('apiRateLimit', 10, 1, 10_000);
  const classification = text('classification');
  if (classification !== undefined && classification.length > 120) {
    throw new SettingsError('classification', 'must be at most 120 characters');
  }
  const codeVersion = required('codeVersion', 'unversioned');
  if (codeVersion.length > 64) throw new SettingsError('codeVersion', 'must be at most 64 characters');
  return {
    stage,
    scheduleCron,
    timeZone,
    scheduleEnabled: flag('scheduleEnabled', true),
    eodCutoff,
    emailIdentity,
    emailFrom,
    recipients,
    emailMaxAttachmentBytes: integer('emailMaxAttachmentBytes', 7 * 1024 * 1024, 1, 40 * 1024 * 1024),
    reportRetentionDays,
    reportTransitionDays: integer('reportTransitionDays', 90, 0, 36_500),
    workRetentionDays: integer('workRetentionDays', 3, 1, 365),
    accessLogRetentionDays: integer('accessLogRetentionDays', 365, 1, 36_500),
    logRetentionDays,
    ...(alarmEmail === undefined ? {} : { alarmEmail }),
    mapMaxConcurrency: integer('mapMaxConcurrency', 40, 1, 1000),
    chunkTasks: integer('chunkTasks', 8, 1, 1000),
    computeMemoryMb: integer('computeMemoryMb', 3008, 1769, 10_240),
    apiRateLimit,
    apiBurstLimit: integer('apiBurstLimit', 2 * apiRateLimit, 1, 10_000),
    linkTtlSeconds: integer('linkTtlSeconds', 900, 60, 43_200),
    codeVersion,
    ...(classification === undefined ? {} : { classification }),
    logLevel,
  };
}
