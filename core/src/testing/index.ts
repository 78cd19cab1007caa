/** @tessera/core/testing: fakes and fixture builders for unit tests (also for provider authors). */
export * from './in-memory-kube.js';
export * from './in-memory-object-cache.js';
export * from './recording-event-recorder.js';
export * from './counting-call-recorder.js';
export * from './fixtures.js';
export * from './stub-provider.js';
export * from './wait-until.js';
export * from './external-secret-fixtures.js';
export * from './conformance/index.js';
