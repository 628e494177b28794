/** Step `compute` (in the Map): computes one chunk of a run's tasks into the work bucket. */
import { computeChunk } from '../../core/pipeline/compute-chunk.js';
import { createStepHandler } from '../step-handler.js';
import { computeInputSchema } from './schema.js';

export const handler = createStepHandler('compute-chunk', computeInputSchema, computeChunk);
