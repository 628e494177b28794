import { Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export interface MarginfallStackProps extends StackProps {
  /** Deployment stage, e.g. dev, staging, prod. */
  readonly stage: string;
}

/**
 * The Marginfall deployment. The stack only composes constructs (storage, compute,
 * orchestration, API, alerts); each construct owns its resources.
 */
export class MarginfallStack extends Stack {
  constructor(scope: Construct, id: string, props: MarginfallStackProps) {
    super(scope, id, {
      ...props,
      description: `Marginfall margin-contagion stress testing (${props.stage})`,
    });
    Tags.of(this).add('application', 'marginfall');
    Tags.of(this).add('stage', props.stage);
  }
}
