/** Step `finish`: marks the run succeeded. */
import { finishRun } from '../../core/pipeline/finish-run.js';
import { createStepHandler } from '../step-handler.js';
import { finishInputSchema } from './schema.js';

export const handler = createStepHandler('finish-run', finishInputSchema, finishRun);
