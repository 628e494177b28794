/**
 * The HTTP API (API Gateway REST proxy, IAM-authorised): POST /runs, GET /runs/{runId},
 * GET /reports?asOf=, GET /scenarios. Parsing is in schema.ts, the logic in core/api; every
 * outcome, failures included, is a JSON response — never a stack trace.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { handleApiRequest } from '../../core/api/handle-api-request.js';
import { errorResponse } from '../../core/api/responses.js';
import { composition } from '../../shared/compose.js';
import { logger } from '../logger.js';
import { parseApiEvent } from './schema.js';

export async function handler(
  event: APIGatewayProxyEvent,
  context?: Context,
): Promise<APIGatewayProxyResult> {
  if (context !== undefined) logger.addContext(context);
  const requestId = event?.requestContext?.requestId ?? context?.awsRequestId ?? 'unknown';
  const onUnexpectedError = (error: unknown) =>
    logger.error('request failed', { requestId, error: error as Error });
  let response: APIGatewayProxyResult;
  try {
    response = await handleApiRequest(composition().api, () => parseApiEvent(event), {
      requestId,
      onUnexpectedError,
    });
  } catch (error) {
    onUnexpectedError(error);
    response = errorResponse(error, requestId);
  }
  logger.info('request', {
    method: event?.httpMethod,
    path: event?.path,
    status: response.statusCode,
    requestId,
  });
  return response;
}
