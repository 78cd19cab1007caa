/** The provider conformance suite (see `describe-provider-conformance.ts`). */
export * from './conformance-adapter.js';
export { ConformanceWorld, type ConformanceRun, type ReadyCondition } from './conformance-world.js';
export {
  CaseHarness,
  CASE_REFRESH_INTERVAL,
  REFRESH_DUE_MS,
  SECRET_LIMIT_BYTES,
  resolveCapabilities,
  type ConformanceCase,
  type ConformanceCaseGroup,
  type ResolvedCapabilities,
} from './conformance-case.js';
export { CONFORMANCE_CASE_GROUPS, describeProviderConformance } from './describe-provider-conformance.js';
