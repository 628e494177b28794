/**
 * `npm run synth && npx tsx test/infra/bundle-smoke.ts [stage]`: runs the synthesised Lambda
 * bundles (cdk.out) through one daily run, each step in its own Node process as a cold Lambda
 * would start, with the deployment's variables pointed at dynalite, s3rver and
 * aws-ses-v2-local. Checks what the unit tests cannot: the ES module bundles load, CommonJS
 * dependencies resolve through the `require` banner, and publish-report finds its fonts.
 * Not part of `vitest run` (a synthesis with bundling takes over a minute); exits non-zero on
 * any failure. The run record is created by the daily-run source handler with a launcher that
 * records instead of starting an execution; this script plays the state machine.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { StageOutput } from '../../functions/core/pipeline/contracts.js';
import { composeFromConfig, installComposition } from '../../functions/shared/compose.js';
import { loadConfig } from '../../functions/shared/config.js';
import { createTestTable, startTestServer } from '../support/dynamodb.js';
import { fixedClock, seedTable } from '../support/pipeline.js';
import { startTestS3 } from '../support/s3.js';
import { startTestSes } from '../support/ses.js';
import { PROJECT_ROOT } from './synth-stack.js';

const AS_OF = '2026-11-30';
const stage = process.argv[2] ?? 'dev';

interface TemplateResource {
  readonly Type: string;
  readonly Properties: { readonly Code?: { readonly S3Key?: string } };
}

/** Asset folder of each function's bundle, by handler name without dashes (as in logical IDs). */
function bundleFolders(): Record<string, string> {
  const cdkOut = join(PROJECT_ROOT, 'cdk.out');
  const template = JSON.parse(readFileSync(join(cdkOut, `Marginfall-${stage}.template.json`), 'utf8')) as {
    Resources: Record<string, TemplateResource>;
  };
  const folders: Record<string, string> = {};
  for (const [id, resource] of Object.entries(template.Resources)) {
    const name = /^Compute(.+)Function[0-9A-F]{8}$/.exec(id)?.[1];
    const key = resource.Properties.Code?.S3Key;
    if (resource.Type === 'AWS::Lambda::Function' && name && key) {
      folders[name] = join(cdkOut, `asset.${key.replace(/\.zip$/, '')}`);
    }
  }
  return folders;
}

const folders = bundleFolders();
const [dynamodb, s3, ses] = await Promise.all([startTestServer('dynalite'), startTestS3(), startTestSes()]);
const table = await createTestTable(dynamodb.endpoint);
let failed = false;
try {
  const [reports, work] = await Promise.all([s3.newBucket(), s3.newBucket()]);
  const env: Record<string, string> = {
    MARGINFALL_TABLE: table.tableName,
    MARGINFALL_DYNAMODB_ENDPOINT: dynamodb.endpoint,
    MARGINFALL_S3_ENDPOINT: s3.server.endpoint,
    MARGINFALL_SES_ENDPOINT: ses.server.endpoint,
    MARGINFALL_REPORTS_BUCKET: reports,
    MARGINFALL_WORK_BUCKET: work,
    MARGINFALL_EMAIL_FROM: 'risk@venue.example',
    MARGINFALL_EMAIL_TO: 'cro@venue.example',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  };
  await seedTable(table, { clients: 300, seed: 11, asOf: AS_OF });
  installComposition(
    composeFromConfig(loadConfig(env), {
      clock: fixedClock('2026-12-01T06:15:00.000Z'),
      launcher: { launch: async () => {} },
    }),
  );
  const daily = (await import('../../functions/handlers/daily-run/handler.js')).handler;
  const { runId } = (await daily({})) as { runId: string };

  /** One bundled handler in its own Node process (the servers keep running in this one). */
  const invoke = async (name: string, event: unknown): Promise<unknown> => {
    const folder = folders[name];
    if (!folder) throw new Error(`no bundle for ${name} in cdk.out (run npm run synth first)`);
    const started = Date.now();
    const script = `const { handler } = await import(${JSON.stringify(join(folder, 'index.mjs'))});
      process.stdout.write('\\n@@' + JSON.stringify(await handler(${JSON.stringify(event)}, { functionName: '${name}', awsRequestId: 'smoke' })));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--enable-source-maps', '--input-type=module', '-e', script],
      { env: { PATH: process.env.PATH, ...env }, cwd: folder, maxBuffer: 1e8, timeout: 300_000 },
    );
    const result = JSON.parse(stdout.slice(stdout.lastIndexOf('\n@@') + 3));
    console.log(`${name.padEnd(14)} ${String(Date.now() - started).padStart(6)} ms`);
    return result;
  };

  const staged = (await invoke('stagerun', { runId })) as StageOutput;
  for (const chunkId of staged.chunkIds) await invoke('computechunk', { runId, chunkId });
  await invoke('publishreport', { runId });
  await invoke('emailreport', { runId });
  const finished = (await invoke('finishrun', { runId })) as { status: string };
  const mails = await ses.emails();
  const pdf = mails[0]?.attachments.find((attachment) => attachment.contentType === 'application/pdf');
  const pdfBytes = pdf ? Buffer.from(pdf.content, 'base64') : Buffer.alloc(0);
  console.log(
    `${staged.taskCount} tasks in ${staged.chunkIds.length} chunks; run ${finished.status}; ` +
      `${mails.length} email(s); PDF ${pdfBytes.length} bytes`,
  );
  if (
    finished.status !== 'succeeded' ||
    mails.length !== 1 ||
    pdfBytes.subarray(0, 5).toString() !== '%PDF-'
  ) {
    throw new Error('the bundled run did not end with one emailed PDF');
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  table.client.destroy();
  await Promise.all([dynamodb.stop(), s3.stop(), ses.stop()]);
}
process.exit(failed ? 1 : 0);
