/** The report pipeline's use cases (one per state-machine step, plus the request and the in-process run). */
export * from './compute-chunk.js';
export * from './contracts.js';
export * from './deps.js';
export * from './email-report.js';
export * from './fail-run.js';
export * from './finish-run.js';
export * from './pipeline-errors.js';
export * from './prepared-cache.js';
export * from './publish-report.js';
export * from './request-run.js';
export * from './run-pipeline.js';
export * from './stage-run.js';
