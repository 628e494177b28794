/** Step `stage`: reads the run's snapshot, parameters and scenarios into the work bucket and plans the chunks. */
import { stageRun } from '../../core/pipeline/stage-run.js';
import { createStepHandler } from '../step-handler.js';
import { stageInputSchema } from './schema.js';

export const handler = createStepHandler('stage-run', stageInputSchema, stageRun);
