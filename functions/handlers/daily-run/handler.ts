/**
 * The daily trigger (EventBridge Scheduler): requests the daily run of the business date that
 * has just closed (end-of-day cut-off and time zone from the configuration), or of the date
 * given for a catch-up (trigger `backfill`). A repeated invocation for the same date and
 * parameters finds the same run and starts nothing (requestRun's idempotency).
 */
import type { Context } from 'aws-lambda';
import { businessDateClosedAt } from '../../core/pipeline/business-date.js';
import { requestRun } from '../../core/pipeline/request-run.js';
import { composition } from '../../shared/compose.js';
import { logger } from '../logger.js';
import { parseDailyRunEvent } from './schema.js';

export interface DailyRunResult {
  readonly runId: string;
  readonly asOf: string;
  readonly status: string;
  /** False when the day's run already existed. */
  readonly created: boolean;
}

export async function handler(event: unknown, context?: Context): Promise<DailyRunResult> {
  if (context !== undefined) logger.addContext(context);
  try {
    const { pipeline, config } = composition();
    const { asOf, retryFailed } = parseDailyRunEvent(event);
    const close = { cutoff: config.pipeline.eodCutoff, timeZone: config.pipeline.timeZone };
    const { state, created } = await requestRun(
      pipeline,
      {
        asOf: asOf ?? businessDateClosedAt(pipeline.clock.nowIso(), close),
        reportType: 'daily',
        trigger: asOf === undefined ? 'schedule' : 'backfill',
      },
      { retryFailed: retryFailed === true },
    );
    logger.info(created ? 'daily run requested' : 'daily run already requested', {
      runId: state.runId,
      asOf: state.asOf,
    });
    return { runId: state.runId, asOf: state.asOf, status: state.status, created };
  } catch (error) {
    // The scheduler retries, then parks the event in its dead-letter queue.
    logger.error('daily run not requested', { error: error as Error });
    throw error;
  }
}
