import type { Authenticator } from '../auth/authenticator.js';
import type { ServiceAccountIssuer } from '../auth/service-account-issuer.js';
import type { ResourceRegistry } from '../discovery/resource-registry.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { RequestLog } from '../observability/request-log.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { WatchHub } from '../watch/watch-hub.js';

/** Server-wide settings the handlers read. */
export interface EmulatorSettings {
  /** `127.0.0.1:<port>` (for `serverAddressByClientCIDRs`). */
  serverAddress: string;
  /** `https://127.0.0.1:<port>`. */
  url: string;
  /** Interval of BOOKMARK events on watches that allow them. */
  readonly bookmarkIntervalMs: number;
}

/** Everything a handler may use. */
export interface EmulatorContext {
  readonly store: ObjectStore;
  readonly registry: ResourceRegistry;
  readonly hub: WatchHub;
  readonly faults: FaultInjector;
  readonly requestLog: RequestLog;
  readonly authenticator: Authenticator;
  readonly issuer: ServiceAccountIssuer;
  readonly settings: EmulatorSettings;
}
