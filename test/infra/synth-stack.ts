/**
 * Synthesises the Marginfall stack for the infra tests: cdk-nag's AwsSolutions checks on (an
 * unacknowledged finding makes `synthStack` throw), no bundling (`aws:cdk:bundling-stacks`
 * empty: the functions are still defined from their entry paths), no CloudFormation
 * validation plugin, and a temporary output directory removed by `dispose`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MarginfallStack } from '../../infra/marginfall-stack.js';
import { readSettings } from '../../infra/settings.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const HANDLERS_DIR = join(PROJECT_ROOT, 'functions', 'handlers');

export interface SynthesisedStack {
  readonly stack: MarginfallStack;
  readonly template: Template;
  /** The template as plain JSON. */
  readonly json: { readonly Resources: Readonly<Record<string, CfnResource>> };
  /** CloudFormation logical ID of a construct's default resource. */
  logicalId(construct: { readonly node: { readonly defaultChild?: unknown } }): string;
  dispose(): void;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** Synthesises the stack with these context values (as `-c key=value` would give them). */
export function synthStack(context: Readonly<Record<string, string>> = {}): SynthesisedStack {
  const outdir = mkdtempSync(join(tmpdir(), 'marginfall-cdk-'));
  const dispose = () => rmSync(outdir, { recursive: true, force: true });
  try {
    const app = new App({
      outdir,
      builtinCloudFormationValidation: false,
      context: { 'aws:cdk:bundling-stacks': [], ...context },
    });
    // The real entry paths: a missing handler fails here (NodejsFunction checks the file exists).
    const stack = new MarginfallStack(app, 'MarginfallTest', {
      settings: readSettings((key) => app.node.tryGetContext(key)),
      projectRoot: PROJECT_ROOT,
      handlersDir: HANDLERS_DIR,
      env: { account: '123456789012', region: 'eu-west-2' },
    });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    app.synth();
    const template = Template.fromStack(stack);
    return {
      stack,
      template,
      json: template.toJSON() as SynthesisedStack['json'],
      logicalId: (construct) =>
        stack.resolve((construct.node.defaultChild as { logicalId: string }).logicalId),
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  }
}
