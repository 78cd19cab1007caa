/**
 * Step: load the ExternalSecret and its target Secret, and read the spec with ESO's defaults.
 *
 * Both come from informer caches. A cache can lag behind our own last write by a few milliseconds
 * (the watch event is still on its way); {@link ReadYourWrites} bridges that gap so a reconcile
 * that follows our own write never acts on the version we just replaced — which would cost an extra
 * provider read and a conflicting write.
 */
import {
  parseGoDuration,
  type CreationPolicy,
  type DeletionPolicy,
  type ExternalSecret,
  type RefreshPolicy,
} from '../../api/v1/index.js';
import type { KubeObject, ObjectCache, SecretObject } from '../../kube/kube-port.js';
import { objectKeyToString, type ObjectKey } from '../reconciler.js';

/** The spec fields the reconcile acts on, with ESO's defaults applied. */
export interface ExternalSecretSettings {
  /** `spec.target.name`, defaulting to the ExternalSecret's name. */
  readonly targetName: string;
  readonly creationPolicy: CreationPolicy;
  readonly deletionPolicy: DeletionPolicy;
  readonly immutable: boolean;
  /** Unset means Periodic. */
  readonly refreshPolicy: RefreshPolicy;
  /** `spec.refreshInterval` in milliseconds (default 1h); 0 or less means "fetch once". */
  readonly refreshIntervalMs: number;
}

const DEFAULT_REFRESH_INTERVAL = '1h';

/** Reads the spec with ESO's defaults. An unparseable interval counts as the default (validation reports it). */
export function settingsOf(es: ExternalSecret): ExternalSecretSettings {
  const target = es.spec.target ?? {};
  let refreshIntervalMs: number;
  try {
    refreshIntervalMs = parseGoDuration(es.spec.refreshInterval ?? DEFAULT_REFRESH_INTERVAL);
  } catch {
    refreshIntervalMs = parseGoDuration(DEFAULT_REFRESH_INTERVAL);
  }
  return {
    targetName: target.name || (es.metadata.name ?? ''),
    creationPolicy: target.creationPolicy ?? 'Owner',
    deletionPolicy: target.deletionPolicy ?? 'Retain',
    immutable: target.immutable ?? false,
    refreshPolicy: es.spec.refreshPolicy ?? 'Periodic',
    refreshIntervalMs,
  };
}

interface Written<T> {
  /** resourceVersions our writes replaced (one per chained write: a short list). */
  readonly superseded: readonly (string | undefined)[];
  /** What we wrote last; undefined when we deleted the object. */
  readonly result: T | undefined;
  readonly at: number;
}

/** Options of {@link ReadYourWrites}. */
export interface ReadYourWritesOptions {
  /** How long a write is trusted over the cache at most (a watch gap must not hide later changes). @default 30000 */
  readonly maxAgeMs?: number;
  /** Milliseconds since the epoch. @default Date.now */
  readonly now?: () => Date | number;
}

/**
 * Remembers our last write per object until the cache shows a version we did not replace. Sound
 * without ordering resourceVersions: while the cache shows a version one of our writes replaced
 * (several writes in a row are chained), our last write is newer.
 */
export class ReadYourWrites<T extends KubeObject> {
  private readonly written = new Map<string, Written<T>>();
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: ReadYourWritesOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
    const now = options.now ?? Date.now;
    this.now = () => Number(now());
  }

  /**
   * Records that `result` (undefined: a delete) replaced `previous`. A create (no `previous`) is not
   * remembered: an object missing from the cache cannot tell "not seen yet" from "deleted since",
   * and a second create meets AlreadyExists and adopts the object without writing.
   */
  record(key: string, previous: T | undefined, result: T | undefined): void {
    if (previous === undefined) {
      this.written.delete(key);
      return;
    }
    const before = this.written.get(key);
    const replaced = previous?.metadata.resourceVersion;
    const chained = before !== undefined && before.result?.metadata.resourceVersion === replaced;
    const superseded = chained ? [...before.superseded, replaced] : [replaced];
    this.written.set(key, { superseded, result, at: this.now() });
  }

  /** The freshest version known, given what the cache shows now. */
  resolve(key: string, cached: T | undefined): T | undefined {
    const written = this.written.get(key);
    if (!written) return cached;
    const fresh = this.now() - written.at <= this.maxAgeMs;
    if (fresh && written.superseded.includes(cached?.metadata.resourceVersion)) return written.result;
    this.written.delete(key);
    return cached;
  }

  /**
   * The cache now shows `cached` for `key` (call it from the cache's change handler): once that is
   * a version our writes did not replace, the memory is dropped at once instead of at the key's
   * next reconcile, so thousands of synced objects are not held a second time until their next refresh.
   */
  observed(key: string, cached: T | undefined): void {
    const written = this.written.get(key);
    if (written && !written.superseded.includes(cached?.metadata.resourceVersion)) this.written.delete(key);
  }

  /** Number of keys whose last write is remembered. */
  get size(): number {
    return this.written.size;
  }

  /** Drops what is remembered about `key`. */
  forget(key: string): void {
    this.written.delete(key);
  }
}

/** Where the reconcile reads ExternalSecrets and managed Secrets from. */
export interface LoadSources {
  readonly externalSecrets: ObjectCache<ExternalSecret>;
  /** Cache of Secrets carrying the managed label (unlabelled Secrets are not in it). */
  readonly secrets: ObjectCache<SecretObject>;
  readonly writtenExternalSecrets: ReadYourWrites<ExternalSecret>;
  readonly writtenSecrets: ReadYourWrites<SecretObject>;
}

/** The ExternalSecret named by `key`, or undefined when it is gone. */
export function loadExternalSecret(sources: LoadSources, key: ObjectKey): ExternalSecret | undefined {
  const cached = sources.externalSecrets.get(key.name, key.namespace);
  return sources.writtenExternalSecrets.resolve(objectKeyToString(key), cached);
}

/** The key under which a target Secret is remembered. */
export function secretKeyOf(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** The managed target Secret `name` in `namespace`, or undefined when the cache does not hold it. */
export function loadTargetSecret(
  sources: LoadSources,
  namespace: string,
  name: string,
): SecretObject | undefined {
  return sources.writtenSecrets.resolve(secretKeyOf(namespace, name), sources.secrets.get(name, namespace));
}
