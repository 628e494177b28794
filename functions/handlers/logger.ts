/**
 * The handlers' structured logger (Powertools): JSON lines with the service name, the Lambda
 * context and the log level from `POWERTOOLS_SERVICE_NAME` / `POWERTOOLS_LOG_LEVEL`.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger();
