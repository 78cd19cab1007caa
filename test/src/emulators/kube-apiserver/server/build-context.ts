import { Authenticator } from '../auth/authenticator.js';
import { accessReviewHandler, tokenReviewHandler } from '../auth/review-handlers.js';
import type { ServiceAccountIssuer } from '../auth/service-account-issuer.js';
import { ResourceRegistry } from '../discovery/resource-registry.js';
import type { FaultConfig } from '../faults/fault-config.js';
import { FaultInjector } from '../faults/fault-injector.js';
import { builtinTypes } from '../kinds/builtin-types.js';
import { RequestLog } from '../observability/request-log.js';
import { ObjectStore } from '../storage/object-store.js';
import { WatchHub } from '../watch/watch-hub.js';
import type { EmulatorContext } from './emulator-context.js';

/** Inputs of the in-process server state. */
export interface ContextOptions {
  readonly seed: number;
  readonly faults?: FaultConfig;
  readonly issuer: ServiceAccountIssuer;
  readonly adminToken: string;
  readonly acceptAnyToken: boolean;
  readonly watchHistorySize: number;
  readonly bookmarkIntervalMs: number;
}

/** Wires store, watch hub, registry (with the built-in kinds), faults, request log and authentication. */
export function buildContext(o: ContextOptions): EmulatorContext {
  const store = new ObjectStore();
  const hub = new WatchHub(store, o.watchHistorySize);
  const registry = new ResourceRegistry();
  const faults = new FaultInjector(o.seed, {
    openWatches: () => hub.open(),
    compactHistory: () => hub.compact(store.currentRv),
  });
  if (o.faults) faults.configure({ seed: o.seed, ...o.faults });
  const authenticator = new Authenticator(o.adminToken, o.issuer, store, o.acceptAnyToken);
  const tokenReview = tokenReviewHandler(authenticator, o.adminToken, o.issuer.issuer);
  for (const type of builtinTypes({ tokenReview, accessReview: accessReviewHandler }))
    registry.register(type);
  return {
    store,
    hub,
    registry,
    faults,
    requestLog: new RequestLog(),
    authenticator,
    issuer: o.issuer,
    settings: { serverAddress: '', url: '', bookmarkIntervalMs: o.bookmarkIntervalMs },
  };
}
