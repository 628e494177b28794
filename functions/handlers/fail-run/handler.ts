/** Step `fail`: records which step failed and why. */
import { failRun } from '../../core/pipeline/fail-run.js';
import { createStepHandler } from '../step-handler.js';
import { failInputSchema } from './schema.js';

export const handler = createStepHandler('fail-run', failInputSchema, failRun);
