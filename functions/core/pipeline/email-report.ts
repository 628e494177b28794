/** Use case (step `email`, daily runs only): send the published report once. */

import type { RunRef } from './contracts.js';
import type { PipelineDeps } from './deps.js';

export type EmailOutcome = RunRef & { readonly email: 'sent' | 'already-sent' | 'not-daily' };

export async function emailReport(deps: PipelineDeps, input: RunRef): Promise<EmailOutcome> {
  void deps;
  void input;
  throw new Error('not implemented');
}
