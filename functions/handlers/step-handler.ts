/**
 * The shape of every state-machine step handler: parse the payload with the step's schema,
 * call its use case with the process's pipeline dependencies, log the outcome, return the
 * use case's JSON (the next state's input). A payload that does not fit fails with
 * `StepInputError` (the state machine does not retry `*InputError`s); a use-case error is
 * logged and rethrown unchanged, so the state machine sees its name.
 */
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { MarginfallError } from '../core/errors.js';
import type { PipelineDeps } from '../core/pipeline/deps.js';
import { composition } from '../shared/compose.js';
import { logger } from './logger.js';
import { parseWith } from './parse-input.js';

/** A step received a payload it cannot use (a wiring fault of the state machine, never retried). */
export class StepInputError extends MarginfallError {
  override readonly name = 'StepInputError';
  constructor(
    readonly step: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${step}: ${field}: ${reason}`);
  }
}

/** Parses a step payload; throws `StepInputError` naming the field. */
export function parseStepInput<T>(step: string, schema: z.ZodType<T>, event: unknown): T {
  const parsed = parseWith(schema, event);
  if (!parsed.ok) throw new StepInputError(step, parsed.problem.field, parsed.problem.reason);
  return parsed.value;
}

export function createStepHandler<I extends { readonly runId: string }, O>(
  step: string,
  schema: z.ZodType<I>,
  useCase: (deps: PipelineDeps, input: I) => Promise<O>,
): (event: unknown, context?: Context) => Promise<O> {
  return async (event, context) => {
    if (context !== undefined) logger.addContext(context);
    const input = parseStepInput(step, schema, event);
    const started = performance.now();
    try {
      const output = await useCase(composition().pipeline, input);
      logger.info(`${step} done`, { step, runId: input.runId, ms: Math.round(performance.now() - started) });
      return output;
    } catch (error) {
      logger.error(`${step} failed`, { step, runId: input.runId, error: error as Error });
      throw error;
    }
  };
}
