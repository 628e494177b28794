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
import { type MarginfallSettings, readSettings, SettingsError } from './settings.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const packageVersion = (JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8')) as { version: string })
  .version;

const app = new App();

/** The settings from the context; a bad value stops synthesis with one line naming it. */
function readAppSettings(): MarginfallSettings {
  try {
    return readSettings((key) => {
      const value = app.node.tryGetContext(key);
      return key === 'codeVersion' && value === undefined ? packageVersion : value;
    });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
const settings = readAppSettings();

new MarginfallStack(app, `Marginfall-${settings.stage}`, {
  settings,
  projectRoot,
  handlersDir: `${projectRoot}functions/handlers`,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
