/** Operator-wide settings the store and ClusterExternalSecret controllers read (from CLI flags). */

/** Settings shared by controllers; bound under the `ControllerSettings` token. */
export interface ControllerSettings {
  /** Stores whose `spec.controller` is set to another value are ignored. @default 'default' */
  readonly controllerClass: string;
  /** Revalidation interval of stores without `spec.refreshInterval` (`--store-requeue-interval`). @default 300000 (5m) */
  readonly storeRequeueIntervalMs: number;
  /** Namespace recheck interval of ClusterExternalSecrets without `spec.refreshTime`. @default 3600000 (1h) */
  readonly clusterExternalSecretRefreshMs: number;
}

/** ESO's defaults. */
export const defaultControllerSettings: ControllerSettings = {
  controllerClass: 'default',
  storeRequeueIntervalMs: 5 * 60_000,
  clusterExternalSecretRefreshMs: 60 * 60_000,
};
