/** Payload of the finish step: `{ runId }`. */
export { runRefSchema as finishInputSchema } from '../step-schemas.js';
