import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../../infra/settings.js';

const fromContext = (context: Readonly<Record<string, unknown>>) => readSettings((key) => context[key]);

function errorOf(context: Readonly<Record<string, unknown>>): SettingsError {
  try {
    fromContext(context);
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('no SettingsError');
}

describe('readSettings', () => {
  it('defaults: dev, 00:30 UTC daily, midnight cut-off, one-day lock outside prod', () => {
    expect(fromContext({})).toEqual({
      stage: 'dev',
      scheduleCron: 'cron(30 0 * * ? *)',
      timeZone: 'UTC',
      scheduleEnabled: true,
      eodCutoff: '24:00',
      emailIdentity: 'marginfall@example.com',
      emailFrom: 'marginfall@example.com',
      recipients: ['marginfall@example.com'],
      emailMaxAttachmentBytes: 7_340_032,
      reportRetentionDays: 1,
      reportTransitionDays: 90,
      workRetentionDays: 3,
      accessLogRetentionDays: 365,
      logRetentionDays: 90,
      mapMaxConcurrency: 40,
      chunkTasks: 8,
      computeMemoryMb: 3008,
      apiRateLimit: 10,
      apiBurstLimit: 20,
      linkTtlSeconds: 900,
      codeVersion: 'unversioned',
      logLevel: 'INFO',
    });
  });

  it('prod keeps reports seven years (2,557 days) unless told otherwise', () => {
    expect(fromContext({ stage: 'prod' }).reportRetentionDays).toBe(2557);
    expect(fromContext({ stage: 'prod', reportRetentionDays: '3653' }).reportRetentionDays).toBe(3653);
  });

  it('reads -c values as strings: bare cron fields, recipients list, domain identity, flags', () => {
    const settings = fromContext({
      stage: 'staging',
      scheduleCron: '15  6 ? * MON-FRI *',
      timeZone: 'America/New_York',
      eodCutoff: '17:00',
      emailIdentity: 'risk.example.org',
      emailFrom: 'reports@risk.example.org',
      recipients: ' cro@venue.example ,desk@venue.example,',
      scheduleEnabled: 'false',
      logRetentionDays: '30',
      logLevel: 'debug',
      apiRateLimit: '4',
    });
    expect(settings).toMatchObject({
      scheduleCron: 'cron(15 6 ? * MON-FRI *)',
      timeZone: 'America/New_York',
      recipients: ['cro@venue.example', 'desk@venue.example'],
      scheduleEnabled: false,
      logRetentionDays: 30,
      logLevel: 'DEBUG',
      apiRateLimit: 4,
      apiBurstLimit: 8,
    });
  });

  it.each([
    [{ stage: 'Prod' }, 'stage', 'lower-case'],
    [{ scheduleCron: 'cron(30 0 * * ?)' }, 'scheduleCron', 'six-field'],
    [{ timeZone: 'Europe/Londres' }, 'timeZone', 'IANA'],
    [{ eodCutoff: '24:30' }, 'eodCutoff', 'HH:MM'],
    [{ emailIdentity: 'risk.example.org', emailFrom: 'a@other.example' }, 'emailFrom', 'risk.example.org'],
    [{ emailIdentity: 'a@risk.example.org', emailFrom: 'b@risk.example.org' }, 'emailFrom', 'identity'],
    [{ recipients: 'cro@venue.example,not-an-address' }, 'recipients', 'not-an-address'],
    [{ alarmEmail: 'oncall' }, 'alarmEmail', 'email address'],
    [{ reportRetentionDays: '0' }, 'reportRetentionDays', 'from 1'],
    [{ logRetentionDays: '42' }, 'logRetentionDays', 'one of'],
    [{ computeMemoryMb: '1024' }, 'computeMemoryMb', 'from 1769'],
    [{ scheduleEnabled: 'yes' }, 'scheduleEnabled', 'true or false'],
    [{ logLevel: 'TRACE' }, 'logLevel', 'DEBUG'],
  ])('%o is refused naming %s', (context, key, reason) => {
    const error = errorOf(context);
    expect(error.key).toBe(key);
    expect(error.message).toContain(`context "${key}"`);
    expect(error.reason).toContain(reason);
  });
});
