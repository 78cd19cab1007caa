/** In-memory Kubernetes API server emulator (kube-apiserver 1.32 semantics for kubectl and client-node). */
export { startKubeApiServer, start } from './start-kube-api-server.js';
export type { KubeApiServer, KubeApiServerOptions, ServiceAccountTokens } from './start-kube-api-server.js';
export type {
  FaultConfig,
  FaultController,
  FaultRule,
  UnavailableWindow,
  WatchFaults,
  WatchTarget,
} from './faults/fault-config.js';
export { RequestLog } from './observability/request-log.js';
export type { RequestFilter, RequestRecord } from './observability/request-log.js';
export type { MintOptions, VerifiedToken } from './auth/service-account-issuer.js';
