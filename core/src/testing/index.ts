/** @tessera/core/testing: fakes and fixture builders for unit tests (also for provider authors). */
// The in-memory Kubernetes API lives in kube/ (`tessera render` uses it too); tests keep finding it here.
export * from '../kube/in-memory-kube.js';
export * from '../kube/in-memory-call-log.js';
export * from '../kube/in-memory-object-cache.js';
export { sameObject } from '../kube/object-identity.js';
export * from './recording-event-recorder.js';
export * from './counting-call-recorder.js';
export * from './fixtures.js';
export * from './stub-provider.js';
export * from './wait-until.js';
export * from './drain-queue.js';
export * from './external-secret-fixtures.js';
export * from './conformance/index.js';
