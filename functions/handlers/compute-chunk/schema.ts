/** Payload of the compute step: one item of the Map, `{ runId, chunkId }` (ComputeInput). */
export { computeInputSchema } from '../step-schemas.js';
