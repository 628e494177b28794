/** Payload of the email step: `{ runId }`. */
export { runRefSchema as emailInputSchema } from '../step-schemas.js';
