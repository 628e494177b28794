/**
 * zod shapes of the state machine's payloads (functions/core/pipeline/contracts.ts). Fields a
 * step does not use are ignored: a state may pass on more than the next step reads.
 */
import { z } from 'zod';
import type { ComputeInput, FailInput, PipelineStepName, RunRef } from '../core/pipeline/contracts.js';
import { PIPELINE_STEPS } from '../core/pipeline/contracts.js';

/** Run ids: `<asOf>-<daily|adhoc>-<suffix>`, URL-safe (they also name Step Functions executions). */
export const runIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'must be a run id (1–128 of A–Z a–z 0–9 . _ -)');

export const runRefSchema: z.ZodType<RunRef> = z.object({ runId: runIdSchema });

export const computeInputSchema: z.ZodType<ComputeInput> = z.object({
  runId: runIdSchema,
  chunkId: z.number().int('must be a whole number').min(0, 'must be ≥ 0'),
});

export const failInputSchema: z.ZodType<FailInput> = z.object({
  runId: runIdSchema,
  step: z.enum(PIPELINE_STEPS as [PipelineStepName, ...PipelineStepName[]]),
  error: z.object({ name: z.string(), message: z.string() }),
});
