/** Step `publish`: merges the chunks into the report, renders it and archives it (complete or not at all). */
import { publishReport } from '../../core/pipeline/publish-report.js';
import { createStepHandler } from '../step-handler.js';
import { publishInputSchema } from './schema.js';

export const handler = createStepHandler('publish-report', publishInputSchema, publishReport);
