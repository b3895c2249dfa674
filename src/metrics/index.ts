export { type FailureSite, countErrorLine, countLoggedErrors, serving } from './handling.js';
export { instrumentEngine } from './instrument-engine.js';
export { instrumentPort } from './instrument-port.js';
export { HANDLE_BUCKETS, type PlatformStates, type PrometheusMetrics, createPrometheusMetrics } from './prometheus.js';
