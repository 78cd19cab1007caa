/**
 * An informer: an {@link ObjectCache} kept current by list + watch, as client-go's reflector does.
 * - lists in pages, then watches from the list's resourceVersion (with bookmarks);
 * - a watch that ends or drops is resumed from the last resourceVersion seen, without a relist;
 * - `410 Gone`/`Expired` (in the stream or as the answer) triggers a relist, and the cache is
 *   reconciled against the new list (added / updated / deleted handlers fire for the differences);
 * - failures back off exponentially (250 ms doubling to 30 s) and never stop the informer.
 * The label selector is applied by the server, so only matching objects are ever held in memory,
 * and without their `managedFields`.
 */
import { sleep, systemClock, type Clock } from '../controller/clock.js';
import { noopLogger, type Logger } from '../logging/logger.js';
import type { KubeTransport } from './kube-transport.js';
import {
  KubeApiError,
  type KindRef,
  type KubeObject,
  type ObjectCache,
  type WatchEventType,
} from './kube-port.js';
import { collectionPath, type ResourceResolver } from './kube-resources.js';
import { ObjectStore } from './object-store.js';

/** Options of {@link InformerCache}. */
export interface InformerCacheOptions {
  readonly transport: KubeTransport;
  readonly resolver: ResourceResolver;
  readonly kind: KindRef;
  /** Only this namespace (ignored for cluster-scoped kinds). @default all namespaces */
  readonly namespace?: string;
  /** Server-side label selector. @default everything */
  readonly labelSelector?: string;
  /** Keep only identity metadata of each object (see `CacheOptions.metadataOnly`). @default false */
  readonly metadataOnly?: boolean;
  /** @default noopLogger */
  readonly logger?: Logger;
  /** @default systemClock */
  readonly clock?: Clock;
  /** Random numbers in [0, 1) for the watch timeout spread. @default Math.random */
  readonly random?: () => number;
  /** Page size of the list. @default 500 */
  readonly pageSize?: number;
}

type Handler<T> = (type: WatchEventType, object: T, old?: T) => void;

interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject & { code?: number; message?: string };
}

class ExpiredError extends Error {}

/** Delay after the n-th consecutive failure: 250 ms doubling to 30 s. */
function backoff(failures: number): number {
  return Math.min(250 * 2 ** failures, 30_000);
}

/** See the module comment. */
export class InformerCache<T extends KubeObject> implements ObjectCache<T> {
  private readonly store = new ObjectStore<T>();
  private readonly handlers = new Set<Handler<T>>();
  private resourceVersion: string | undefined;
  private abort: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private resolveSynced!: () => void;
  private readonly syncedPromise = new Promise<void>((resolve) => (this.resolveSynced = resolve));
  private hasSynced = false;
  private readonly logger: Logger;
  private readonly clock: Clock;
  /** Counters for tests and diagnostics. */
  readonly stats = { lists: 0, watches: 0 };

  constructor(private readonly options: InformerCacheOptions) {
    this.logger = (options.logger ?? noopLogger).child({
      informer: `${options.kind.kind}.${options.kind.apiVersion}`,
    });
    this.clock = options.clock ?? systemClock;
  }

  get(name: string, namespace?: string): T | undefined {
    return this.store.get(name, namespace);
  }

  list(namespace?: string): T[] {
    return this.store.list(namespace);
  }

  onChange(handler: Handler<T>): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  synced(): Promise<void> {
    return this.syncedPromise;
  }

  get isSynced(): boolean {
    return this.hasSynced;
  }

  /** Starts list + watch in the background (no-op when running). */
  start(): void {
    if (this.abort !== undefined) return;
    this.abort = new AbortController();
    this.loop = this.run(this.abort.signal);
  }

  /** Stops watching; the cache keeps its last contents. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.abort = undefined;
    this.loop = undefined;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const info = await this.options.resolver.resolve(this.options.kind);
        const path = collectionPath(info, this.options.namespace);
        if (this.resourceVersion === undefined) await this.relist(path, signal);
        const received = await this.watch(path, signal);
        if (received > 0) failures = 0;
        else await sleep(this.clock, backoff(failures++), signal);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ExpiredError || (error instanceof KubeApiError && error.code === 410)) {
          this.logger.info('watch expired, relisting', { resourceVersion: this.resourceVersion });
          this.resourceVersion = undefined;
          continue;
        }
        const delay = backoff(failures++);
        this.logger.warn('list/watch failed, retrying', { err: error, retryInMs: delay });
        await sleep(this.clock, delay, signal);
      }
    }
  }

  private async relist(path: string, signal: AbortSignal): Promise<void> {
    this.stats.lists++;
    const items: T[] = [];
    let next: string | undefined;
    let listVersion: string | undefined;
    do {
      const query = {
        labelSelector: this.options.labelSelector,
        limit: this.options.pageSize ?? 500,
        continue: next,
      };
      const page = await this.options.transport.request<{
        items?: T[];
        metadata?: { continue?: string; resourceVersion?: string };
      }>({ method: 'GET', path, query, signal });
      for (const item of page.items ?? []) items.push(this.withKind(item));
      next = page.metadata?.continue || undefined;
      listVersion ??= page.metadata?.resourceVersion;
    } while (next !== undefined);
    const changes = this.store.replace(items);
    this.resourceVersion = listVersion ?? '';
    for (const change of changes) this.emit(change.type, change.object, change.old);
    if (!this.hasSynced) {
      this.hasSynced = true;
      this.resolveSynced();
    }
  }

  /** Watches from the current resourceVersion until the stream ends; returns the number of events seen. */
  private async watch(path: string, signal: AbortSignal): Promise<number> {
    this.stats.watches++;
    const timeoutSeconds = 300 + Math.floor((this.options.random ?? Math.random)() * 300);
    const watchAbort = new AbortController();
    const stopWatch = (): void => watchAbort.abort();
    signal.addEventListener('abort', stopWatch, { once: true });
    const guard = this.clock.setTimer(stopWatch, (timeoutSeconds + 30) * 1000);
    const query = {
      watch: 'true',
      resourceVersion: this.resourceVersion,
      allowWatchBookmarks: 'true',
      timeoutSeconds,
      labelSelector: this.options.labelSelector,
    };
    let received = 0;
    let failure: Error | undefined;
    try {
      await this.options.transport.stream(
        { method: 'GET', path, query, signal: watchAbort.signal },
        (line) => {
          if (failure !== undefined) return;
          received++;
          failure = this.handleLine(line);
          if (failure !== undefined) watchAbort.abort();
        },
      );
    } catch (error) {
      if (!watchAbort.signal.aborted || signal.aborted) throw error;
    } finally {
      this.clock.clearTimer(guard);
      signal.removeEventListener('abort', stopWatch);
    }
    if (failure !== undefined) throw failure;
    return received;
  }

  /** Applies one watch event; returns an error when the watch must end (410 ⇒ ExpiredError). Never throws. */
  private handleLine(line: string): Error | undefined {
    let event: WatchEvent;
    try {
      event = JSON.parse(line) as WatchEvent;
    } catch {
      return undefined;
    }
    if (event.type === 'ERROR') {
      if (event.object?.code === 410) return new ExpiredError('watch expired');
      return new KubeApiError(
        `watch error: ${event.object?.message ?? 'unknown'}`,
        event.object?.code ?? 500,
        'WatchError',
      );
    }
    const rv = event.object?.metadata?.resourceVersion;
    if (event.type !== 'BOOKMARK') this.apply(event.type, this.withKind(event.object as T));
    if (rv) this.resourceVersion = rv;
    return undefined;
  }

  private apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: T): void {
    if (type === 'DELETED') {
      this.emit('deleted', this.store.delete(object) ?? object);
      return;
    }
    const old = this.store.upsert(object);
    if (old === undefined) this.emit('added', object);
    else if (old.metadata.resourceVersion !== object.metadata.resourceVersion)
      this.emit('updated', object, old);
  }

  private emit(type: WatchEventType, object: T, old?: T): void {
    for (const handler of this.handlers) {
      try {
        handler(type, object, old);
      } catch (error) {
        this.logger.error('cache event handler threw', { err: error, event: type });
      }
    }
  }

  /**
   * What the cache keeps of a listed or watched object: kind filled in, and `metadata.managedFields`
   * dropped (a real API server sends them on every object, often as large as the object itself;
   * Tessera never reads them — as controller-runtime's `TransformStripManagedFields`).
   */
  private withKind(object: T): T {
    if (object.apiVersion === undefined) object.apiVersion = this.options.kind.apiVersion;
    if (object.kind === undefined) object.kind = this.options.kind.kind;
    // Set to undefined rather than deleted: `delete` turns the metadata object into a slow
    // dictionary for every later read; JSON.stringify leaves undefined out all the same.
    if (object.metadata?.managedFields !== undefined) object.metadata.managedFields = undefined;
    return this.options.metadataOnly ? identityOnly(object) : object;
  }
}

/** The object reduced to what tells one version from another (a metadata-only informer's view). */
function identityOnly<T extends KubeObject>(object: T): T {
  const { name, namespace, uid, resourceVersion, generation, deletionTimestamp } = object.metadata ?? {};
  const metadata = { name, namespace, uid, resourceVersion, generation, deletionTimestamp };
  for (const key of Object.keys(metadata) as (keyof typeof metadata)[])
    if (metadata[key] === undefined) delete metadata[key];
  return { apiVersion: object.apiVersion, kind: object.kind, metadata } as T;
}
