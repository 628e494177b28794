/**
 * The CDK app: the only place in infra/ that reads context or the environment. Every knob is a
 * context value (`npx cdk deploy -c stage=prod -c timeZone=Europe/London …`, or cdk.json), checked
 * by `readSettings` and passed down as typed props; infra/README.md lists them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MarginfallStack } from './marginfall-stack.js';
import { readSettings } from './settings.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const packageVersion = (JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8')) as { version: string })
  .version;

const app = new App();
const settings = readSettings((key) => {
  const value = app.node.tryGetContext(key);
  return key === 'codeVersion' && value === undefined ? packageVersion : value;
});

new MarginfallStack(app, `Marginfall-${settings.stage}`, {
  settings,
  projectRoot,
  handlersDir: `${projectRoot}functions/handlers`,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
