import { ApiError } from '../api/api-error.js';
import type { RequestRecord } from '../observability/request-log.js';
import type { Watcher } from '../watch/watch-hub.js';
import type {
  FaultConfig,
  FaultController,
  FaultRule,
  UnavailableWindow,
  WatchFaults,
  WatchTarget,
} from './fault-config.js';
import { SeededRandom } from './seeded-random.js';

/** What the router must do for one request. */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly error?: ApiError;
}

interface ActiveRule {
  readonly rule: FaultRule;
  fired: number;
}

/** The hooks the injector needs from the server. */
export interface FaultHooks {
  readonly openWatches: () => Watcher[];
  readonly compactHistory: () => void;
}

function injectedError(code: number): ApiError {
  switch (code) {
    case 429:
      return new ApiError(
        429,
        'TooManyRequests',
        'Too many requests, please try again later.',
        { causes: [{ reason: 'TooManyRequests' }], retryAfterSeconds: 1 },
        { 'Retry-After': '1' },
      );
    case 503:
      return new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
    case 504:
      return new ApiError(
        504,
        'Timeout',
        'the server was unable to return a response in the time allotted, but may still be processing the request',
        { retryAfterSeconds: 1 },
      );
    case 409:
      return new ApiError(409, 'Conflict', 'Operation cannot be fulfilled: injected conflict');
    case 410:
      return new ApiError(410, 'Expired', 'too old resource version: injected fault');
    default:
      return new ApiError(
        code,
        'InternalError',
        'Internal error occurred: injected fault (tessera kube emulator)',
        { causes: [{ message: 'injected fault' }] },
      );
  }
}

function ruleMatches(rule: FaultRule, r: RequestRecord): boolean {
  if (
    rule.verb !== undefined &&
    (typeof rule.verb === 'string' ? rule.verb !== r.verb : !rule.verb.includes(r.verb))
  )
    return false;
  if (rule.resource !== undefined) {
    const [resource, sub] = rule.resource.split('/');
    if (resource !== r.resource || (sub !== undefined && sub !== r.subresource)) return false;
  }
  if (rule.group !== undefined && rule.group !== r.group) return false;
  return rule.namespace === undefined || rule.namespace === r.namespace;
}

function targets(w: Watcher, t: WatchTarget | undefined): boolean {
  return (!t?.resource || t.resource === w.resource) && (!t?.namespace || t.namespace === w.namespace);
}

/** Deterministic fault injection (see FaultController). */
export class FaultInjector implements FaultController {
  private random: SeededRandom;
  private currentSeed: number;
  private rules: ActiveRule[] = [];
  private watchFaults: WatchFaults = {};
  private window?: { from: number; until: number; mode: 'status' | 'reset' };
  private forcedExpiries = 0;

  constructor(
    defaultSeed: number,
    private readonly hooks: FaultHooks,
  ) {
    this.currentSeed = defaultSeed;
    this.random = new SeededRandom(defaultSeed);
  }

  get seed(): number {
    return this.currentSeed;
  }

  configure(config: FaultConfig): void {
    this.clear();
    this.currentSeed = config.seed ?? this.currentSeed;
    this.random = new SeededRandom(this.currentSeed);
    for (const rule of config.rules ?? []) this.addRule(rule);
    if (config.watch) this.setWatchFaults(config.watch);
    if (config.unavailable) this.makeUnavailable(config.unavailable);
  }

  addRule(rule: FaultRule): () => void {
    const active: ActiveRule = { rule, fired: 0 };
    this.rules.push(active);
    return () => {
      this.rules = this.rules.filter((r) => r !== active);
    };
  }

  clear(): void {
    this.rules = [];
    this.watchFaults = {};
    this.window = undefined;
    this.forcedExpiries = 0;
  }

  setWatchFaults(faults: WatchFaults): void {
    this.watchFaults = { ...faults };
  }

  makeUnavailable(window: UnavailableWindow = {}): void {
    const from = Date.now() + (window.startAfterMs ?? 0);
    this.window = {
      from,
      until: window.durationMs === undefined ? Infinity : from + window.durationMs,
      mode: window.mode ?? 'status',
    };
    if (!window.startAfterMs) this.disconnectWatches();
  }

  makeAvailable(): void {
    this.window = undefined;
  }

  isUnavailable(): boolean {
    const now = Date.now();
    return !!this.window && now >= this.window.from && now < this.window.until;
  }

  /** The unavailability mode in force now, if any. */
  unavailableMode(): 'status' | 'reset' | undefined {
    return this.isUnavailable() ? this.window?.mode : undefined;
  }

  disconnectWatches(target?: WatchTarget): number {
    const hit = this.hooks.openWatches().filter((w) => targets(w, target));
    for (const w of hit) w.close();
    return hit.length;
  }

  expireWatches(target?: WatchTarget): number {
    const hit = this.hooks.openWatches().filter((w) => targets(w, target));
    for (const w of hit) w.expire();
    return hit.length;
  }

  compactHistory(): void {
    this.hooks.compactHistory();
  }

  expireNextWatches(n: number): void {
    this.forcedExpiries += n;
  }

  /** Consumes one forced expiry for a resuming watch, if any are pending. */
  takeForcedExpiry(): boolean {
    if (this.forcedExpiries <= 0) return false;
    this.forcedExpiries--;
    return true;
  }

  /** Latency and error for a classified request; draws from the PRNG once per matching rule. */
  decide(record: RequestRecord): FaultDecision {
    let latencyMs = 0;
    for (const active of this.rules) {
      const { rule } = active;
      if (!ruleMatches(rule, record)) continue;
      if (rule.latencyMs !== undefined)
        latencyMs +=
          typeof rule.latencyMs === 'number'
            ? rule.latencyMs
            : this.random.between(rule.latencyMs.min, rule.latencyMs.max);
      if (!rule.errorRate || (rule.times !== undefined && active.fired >= rule.times)) continue;
      if (this.random.next() < rule.errorRate) {
        active.fired++;
        return { latencyMs, error: injectedError(rule.errorCode ?? 500) };
      }
    }
    return { latencyMs };
  }

  /** What to do with a watch stream after it delivered an event. */
  afterWatchEvent(): 'keep' | 'disconnect' | 'expire' {
    const { disconnectRate, expireRate } = this.watchFaults;
    if (expireRate && this.random.next() < expireRate) return 'expire';
    if (disconnectRate && this.random.next() < disconnectRate) return 'disconnect';
    return 'keep';
  }
}
