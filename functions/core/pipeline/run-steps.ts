/** Small pieces the steps share: elapsed time between two clock readings, error text. */
import type { PipelineStepName, RunState, StepTimings } from './contracts.js';

/** Milliseconds from `startIso` to `endIso` (ISO instants from the Clock port), ≥ 0. */
export function elapsedMs(startIso: string, endIso: string): number {
  return Math.max(0, Date.parse(endIso) - Date.parse(startIso));
}

/** The run's timings with one step's duration set. */
export function withTiming(state: RunState, step: PipelineStepName, ms: number): StepTimings {
  return { ...state.timings, [step]: ms };
}

/** `Name: message` of anything thrown. */
export function describeError(error: unknown): { readonly name: string; readonly message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
