/**
 * What the composition chooses from the configuration. Building it makes no network call, so
 * these need no server; the adapters themselves are tested against real servers elsewhere.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessRunLauncher } from '../../functions/adapters/in-process-run-launcher.js';
import { SesReportMailer } from '../../functions/adapters/ses-report-mailer.js';
import { SfnRunLauncher } from '../../functions/adapters/sfn-run-launcher.js';
import type { RunState } from '../../functions/core/pipeline/contracts.js';
import type { ReportEmail } from '../../functions/core/ports/report-mailer.js';
import { scenarioLibrary } from '../../functions/core/scenarios/library.js';
import { type Composition, composeFromConfig } from '../../functions/shared/compose.js';
import { ConfigError, loadConfig } from '../../functions/shared/config.js';

const ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:ReportPipeline';
const built: Composition[] = [];
const compose = (env: Record<string, string>) => {
  const composition = composeFromConfig(loadConfig(env));
  built.push(composition);
  return composition;
};
afterEach(() => {
  for (const composition of built.splice(0)) composition.destroy();
});

describe('composeFromConfig', () => {
  it('starts runs in Step Functions when a state machine is configured', () => {
    const composition = compose({
      MARGINFALL_STATE_MACHINE_ARN: ARN,
      AWS_LAMBDA_FUNCTION_NAME: 'marginfall-api',
    });
    expect(composition.pipeline.launcher).toBeInstanceOf(SfnRunLauncher);
    expect(composition.inProcess).toBeUndefined();
  });

  it('runs them in process without one (local mode), and exposes that launcher', () => {
    const composition = compose({});
    expect(composition.inProcess).toBeInstanceOf(InProcessRunLauncher);
    expect(composition.pipeline.launcher).toBe(composition.inProcess);
  });

  it('inside Lambda without a state machine, refuses to start a run and names the variable', async () => {
    const composition = compose({ AWS_LAMBDA_FUNCTION_NAME: 'marginfall-api' });
    expect(composition.inProcess).toBeUndefined();
    const launch = composition.pipeline.launcher.launch({ runId: '2026-11-30-adhoc-1' } as RunState);
    await expect(launch).rejects.toThrow(ConfigError);
    await expect(launch).rejects.toThrow(
      'configuration: MARGINFALL_STATE_MACHINE_ARN: must be set for a Lambda function to start runs',
    );
  });

  it('sends email through SES when sender and recipients are set, and otherwise fails naming the missing one', async () => {
    const email = { run: { asOf: '2026-11-30', runId: 'r' } } as ReportEmail;
    expect(
      compose({ MARGINFALL_EMAIL_FROM: 'risk@venue.example', MARGINFALL_EMAIL_TO: 'cro@venue.example' })
        .pipeline.mailer,
    ).toBeInstanceOf(SesReportMailer);
    await expect(
      compose({ MARGINFALL_EMAIL_TO: 'cro@venue.example' }).pipeline.mailer.sendReport(email),
    ).rejects.toThrow('configuration: MARGINFALL_EMAIL_FROM: must be set to send the daily report email');
    await expect(
      compose({ MARGINFALL_EMAIL_FROM: 'risk@venue.example' }).pipeline.mailer.sendReport(email),
    ).rejects.toThrow('configuration: MARGINFALL_EMAIL_TO: must be set to send the daily report email');
  });

  it('passes the settings on: chunk size, code version, classification, attachment limit, the daily set', () => {
    const { pipeline } = compose({
      MARGINFALL_CHUNK_TASKS: '5',
      MARGINFALL_CODE_VERSION: '2.0.1',
      MARGINFALL_CLASSIFICATION: 'Restricted',
      MARGINFALL_EMAIL_MAX_ATTACHMENT_BYTES: '1000',
    });
    expect(pipeline).toMatchObject({
      chunkTasks: 5,
      codeVersion: '2.0.1',
      classification: 'Restricted',
      emailMaxAttachmentBytes: 1000,
      defaultScenarioIds: scenarioLibrary.scenarios.map((scenario) => scenario.id),
    });
    expect(pipeline.newRunSuffix()).toMatch(/^[0-9a-f]{16}$/);
    expect(pipeline.newRunSuffix()).not.toBe(pipeline.newRunSuffix());
  });
});
