/** Payload of the publish step: `{ runId }` (other fields of the state are ignored). */
export { runRefSchema as publishInputSchema } from '../step-schemas.js';
