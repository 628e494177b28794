/** Payload of the stage step: the execution's input, `{ runId }` (StageInput). */
export { runRefSchema as stageInputSchema } from '../step-schemas.js';
