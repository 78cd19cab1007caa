/** One fault rule. Every given selector must match a request for the rule to apply. */
export interface FaultRule {
  /** Kubernetes verb(s): get, list, watch, create, update, patch, delete, deletecollection. @default every verb */
  readonly verb?: string | readonly string[];
  /** Plural resource, optionally `/subresource` (`externalsecrets/status`). @default every resource */
  readonly resource?: string;
  /** @default every group */
  readonly group?: string;
  /** @default every namespace */
  readonly namespace?: string;
  /** Probability in [0, 1] that a matching request fails. @default 0 */
  readonly errorRate?: number;
  /** HTTP status of injected failures (500, 503, 429, 504, 409, 410…). @default 500 */
  readonly errorCode?: number;
  /** Added latency: fixed, or drawn uniformly from [min, max]. @default none */
  readonly latencyMs?: number | { readonly min: number; readonly max: number };
  /** Stop injecting errors after this many. @default unlimited */
  readonly times?: number;
}

/** Faults on open watch streams, drawn per delivered event. */
export interface WatchFaults {
  /** Probability that the stream is closed (normal end) after an event. @default 0 */
  readonly disconnectRate?: number;
  /** Probability that an `ERROR 410 Expired` is sent and the stream closed after an event. @default 0 */
  readonly expireRate?: number;
}

/** A window in which the whole server is unavailable. */
export interface UnavailableWindow {
  /** Delay from now before the window starts. @default 0 */
  readonly startAfterMs?: number;
  /** Length of the window. @default until `makeAvailable()` */
  readonly durationMs?: number;
  /** `status`: every request gets 503; `reset`: connections are destroyed. @default 'status' */
  readonly mode?: 'status' | 'reset';
}

/** Fault injection settings. Decisions are drawn from a PRNG seeded with `seed`, in request arrival order. */
export interface FaultConfig {
  /** @default the server's seed (1 when none) */
  readonly seed?: number;
  readonly rules?: readonly FaultRule[];
  readonly watch?: WatchFaults;
  readonly unavailable?: UnavailableWindow;
}

/** Which open watches a fault targets. */
export interface WatchTarget {
  readonly resource?: string;
  readonly namespace?: string;
}

/** Runtime control of fault injection (returned by `startKubeApiServer`). */
export interface FaultController {
  /** The seed in use. */
  readonly seed: number;
  /** Replaces the whole configuration (and reseeds). */
  configure(config: FaultConfig): void;
  /** Adds a rule; returns a function that removes it. */
  addRule(rule: FaultRule): () => void;
  /** Removes every rule, watch fault and unavailability. */
  clear(): void;
  /** Sets per-event watch faults. */
  setWatchFaults(faults: WatchFaults): void;
  /** Makes the server unavailable (open watches are dropped). */
  makeUnavailable(window?: UnavailableWindow): void;
  /** Ends an unavailability window. */
  makeAvailable(): void;
  /** True while requests are refused. */
  isUnavailable(): boolean;
  /** Closes matching open watches as a normal end of stream; returns how many. */
  disconnectWatches(target?: WatchTarget): number;
  /** Sends `ERROR 410 Expired` to matching open watches and closes them; returns how many. */
  expireWatches(target?: WatchTarget): number;
  /** Forgets all watch history (like an etcd compaction): resuming from any older resourceVersion gets 410. */
  compactHistory(): void;
  /** The next `n` watches that resume from a resourceVersion get `ERROR 410 Expired` at once. */
  expireNextWatches(n: number): void;
}
