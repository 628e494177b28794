/** The HTTP API's pure logic: routes, operations, error mapping. */
export * from './api-deps.js';
export * from './api-errors.js';
export * from './api-operations.js';
export * from './api-request.js';
export * from './handle-api-request.js';
export * from './responses.js';
export * from './routes.js';
