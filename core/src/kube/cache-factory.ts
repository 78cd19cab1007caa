/**
 * {@link CacheFactory} over {@link InformerCache}: one informer per kind + namespace + selector
 * (asking twice returns the same cache), started together, synced together, stopped together.
 */
import { systemClock, type Clock } from '../controller/clock.js';
import { noopLogger, type Logger } from '../logging/logger.js';
import type { KubeTransport } from './kube-transport.js';
import type { CacheFactory, CacheOptions, KindRef, KubeObject, ObjectCache } from './kube-port.js';
import type { ResourceResolver } from './kube-resources.js';
import { InformerCache } from './object-cache.js';

/** Options of {@link InformerCacheFactory}. */
export interface InformerCacheFactoryOptions {
  readonly transport: KubeTransport;
  readonly resolver: ResourceResolver;
  /** Restricts every namespaced cache to this namespace unless a cache names its own (`--namespace`). @default all */
  readonly namespace?: string;
  /** @default noopLogger */
  readonly logger?: Logger;
  /** @default systemClock */
  readonly clock?: Clock;
  /** Page size of the initial lists. @default 500 */
  readonly pageSize?: number;
}

/** See the module comment. */
export class InformerCacheFactory implements CacheFactory {
  private readonly caches = new Map<string, InformerCache<KubeObject>>();
  private started = false;

  constructor(private readonly options: InformerCacheFactoryOptions) {}

  cache<T extends KubeObject>(kind: KindRef, options: CacheOptions = {}): ObjectCache<T> {
    const namespace = options.namespace ?? this.options.namespace;
    const shape = options.metadataOnly ? 'metadata' : 'full';
    const id = `${kind.apiVersion}|${kind.kind}|${namespace ?? ''}|${options.labelSelector ?? ''}|${shape}`;
    let cache = this.caches.get(id);
    if (cache === undefined) {
      cache = new InformerCache<KubeObject>({
        transport: this.options.transport,
        resolver: this.options.resolver,
        kind: { apiVersion: kind.apiVersion, kind: kind.kind },
        namespace,
        labelSelector: options.labelSelector,
        metadataOnly: options.metadataOnly,
        logger: this.options.logger ?? noopLogger,
        clock: this.options.clock ?? systemClock,
        pageSize: this.options.pageSize,
      });
      this.caches.set(id, cache);
      if (this.started) cache.start();
    }
    return cache as unknown as ObjectCache<T>;
  }

  async start(): Promise<void> {
    this.started = true;
    for (const cache of this.caches.values()) cache.start();
    await Promise.all([...this.caches.values()].map((cache) => cache.synced()));
  }

  /** True once every cache created so far has loaded its first list. */
  get synced(): boolean {
    return [...this.caches.values()].every((cache) => cache.isSynced);
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([...this.caches.values()].map((cache) => cache.stop()));
  }
}
