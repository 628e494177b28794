/** Step `email` (daily runs): sends the published report once. */
import { emailReport } from '../../core/pipeline/email-report.js';
import { createStepHandler } from '../step-handler.js';
import { emailInputSchema } from './schema.js';

export const handler = createStepHandler('email-report', emailInputSchema, emailReport);
