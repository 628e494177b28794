/**
 * The CDK app: the only place in infra/ that reads context or the environment.
 * `npx cdk synth -c stage=prod`
 */
import { App } from 'aws-cdk-lib';
import { MarginfallStack } from './marginfall-stack.js';

const app = new App();
const stage = String(app.node.tryGetContext('stage') ?? 'dev');
if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
  throw new Error(`context "stage" must be lower-case letters, digits and dashes (got "${stage}")`);
}

new MarginfallStack(app, `Marginfall-${stage}`, {
  stage,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
