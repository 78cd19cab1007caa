export {};
export * from './emulators/onepassword/index.js';
export { startKubeApiServer, RequestLog as KubeRequestLog } from './emulators/kube-apiserver/index.js';
export type {
  KubeApiServer,
  KubeApiServerOptions,
  ServiceAccountTokens,
  FaultConfig as KubeFaultConfig,
  FaultController as KubeFaultController,
  FaultRule as KubeFaultRule,
  RequestFilter as KubeRequestFilter,
  RequestRecord as KubeRequestRecord,
} from './emulators/kube-apiserver/index.js';
