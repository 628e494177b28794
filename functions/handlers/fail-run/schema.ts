/** Payload of the fail step, built by every task's Catch: `{ runId, step, error: { name, message } }` (FailInput). */
export { failInputSchema } from '../step-schemas.js';
