/**
 * One call that turns kubeconfig settings into the kube seams the operator needs: a
 * {@link KubeClient}, a {@link CacheFactory} and what they share (transport, discovery).
 */
import { systemClock, type Clock } from '../controller/clock.js';
import { noopLogger, type Logger } from '../logging/logger.js';
import { InformerCacheFactory } from './cache-factory.js';
import { RestKubeClient } from './kube-client.js';
import { loadKubeConfig, type LoadKubeConfigOptions } from './kube-config.js';
import type { KubeClient } from './kube-port.js';
import { ResourceResolver } from './kube-resources.js';
import { KubeTransport } from './kube-transport.js';

/** Options of {@link connectToKube}. */
export interface KubeConnectionOptions extends LoadKubeConfigOptions {
  /** Client-side request rate; 0 or less lifts the limit (`--client-qps`). @default 50 */
  readonly qps?: number;
  /** Client-side burst (`--client-burst`). @default 100 */
  readonly burst?: number;
  /** Field manager on every write. @default 'tessera' */
  readonly fieldManager?: string;
  /** Restricts namespaced caches to one namespace (`--namespace`). @default all namespaces */
  readonly cacheNamespace?: string;
  /** @default 'tessera' */
  readonly userAgent?: string;
  /** Page size of lists (client and informers). @default 500 */
  readonly pageSize?: number;
  /** @default noopLogger */
  readonly logger?: Logger;
  /** @default systemClock */
  readonly clock?: Clock;
}

/** The connected seams. */
export interface KubeConnection {
  readonly client: KubeClient;
  readonly caches: InformerCacheFactory;
  /** The kubeconfig context's namespace (or `default`). */
  readonly defaultNamespace: string;
  /** The API server URL. */
  readonly server: string;
  /** Stops every cache and closes idle connections. */
  close(): Promise<void>;
}

/** See the module comment. @throws KubeConfigError when the kubeconfig is unusable */
export function connectToKube(options: KubeConnectionOptions = {}): KubeConnection {
  const kubeConfig = loadKubeConfig(options);
  const clock = options.clock ?? systemClock;
  const transport = new KubeTransport({
    kubeConfig,
    qps: options.qps,
    burst: options.burst,
    userAgent: options.userAgent,
    clock,
  });
  const resolver = new ResourceResolver(transport);
  const defaultNamespace = kubeConfig.namespace;
  const client = new RestKubeClient({
    transport,
    resolver,
    fieldManager: options.fieldManager,
    defaultNamespace,
    pageSize: options.pageSize,
  });
  const logger = options.logger ?? noopLogger;
  const caches = new InformerCacheFactory({
    transport,
    resolver,
    namespace: options.cacheNamespace,
    logger,
    clock,
    pageSize: options.pageSize,
  });
  return {
    client,
    caches,
    defaultNamespace,
    server: transport.baseUrl,
    async close() {
      await caches.stop();
      transport.close();
    },
  };
}
