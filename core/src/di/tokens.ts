/**
 * inversify service identifiers. Each token has the same name as the interface it stands for, so
 * import this module as a namespace to keep both in scope:
 *
 * ```ts
 * import * as tokens from '../di/tokens.js';
 * constructor(@inject(tokens.KubeClient) private readonly kube: KubeClient) {}
 * ```
 *
 * Tokens are global symbols (`Symbol.for`) so two copies of this module still agree. Append new
 * tokens at the end; never rename one (provider packages depend on them).
 */

/** Multi-bound {@link import('../provider/provider.js').ProviderContribution}: one per provider package. */
export const ProviderContribution = Symbol.for('tessera/ProviderContribution');
/** The {@link import('../provider/provider-registry.js').ProviderRegistry} singleton. */
export const ProviderRegistry = Symbol.for('tessera/ProviderRegistry');
/** The {@link import('../provider/client-cache.js').ProviderClientCache} singleton. */
export const ProviderClientCache = Symbol.for('tessera/ProviderClientCache');
/** The {@link import('../provider/read-coalescer.js').ReadCoalescer} singleton. */
export const ReadCoalescer = Symbol.for('tessera/ReadCoalescer');
/** Optional {@link import('../provider/provider-call-recorder.js').ProviderCallRecorder} (metrics). */
export const ProviderCallRecorder = Symbol.for('tessera/ProviderCallRecorder');
/** Factory of {@link import('../provider/provider.js').ProviderKubeAccess} per store and namespace. */
export const ProviderKubeAccessFactory = Symbol.for('tessera/ProviderKubeAccessFactory');
/** Optional {@link import('../provider/provider-kube-access.js').ServiceAccountTokenIssuer} (TokenRequest API). */
export const ServiceAccountTokenIssuer = Symbol.for('tessera/ServiceAccountTokenIssuer');
/** The {@link import('../controller/secret-store/store-ready-notifier.js').StoreReadyNotifier} singleton. */
export const StoreReadyNotifier = Symbol.for('tessera/StoreReadyNotifier');
/** {@link import('../kube/kube-port.js').KubeClient}. */
export const KubeClient = Symbol.for('tessera/KubeClient');
/** {@link import('../kube/kube-port.js').CacheFactory}. */
export const CacheFactory = Symbol.for('tessera/CacheFactory');
/** {@link import('../kube/kube-port.js').EventRecorder}. */
export const EventRecorder = Symbol.for('tessera/EventRecorder');
/** {@link import('./controller-settings.js').ControllerSettings}: controller class and default intervals. */
export const ControllerSettings = Symbol.for('tessera/ControllerSettings');
/** {@link import('../controller/secret-store/secret-store-reconciler.js').SecretStoreReconciler}. */
export const SecretStoreReconciler = Symbol.for('tessera/SecretStoreReconciler');
/** {@link import('../controller/secret-store/secret-store-reconciler.js').ClusterSecretStoreReconciler}. */
export const ClusterSecretStoreReconciler = Symbol.for('tessera/ClusterSecretStoreReconciler');
/** {@link import('../controller/cluster-external-secret/cluster-external-secret-reconciler.js').ClusterExternalSecretReconciler}. */
export const ClusterExternalSecretReconciler = Symbol.for('tessera/ClusterExternalSecretReconciler');
/** {@link import('../logging/logger.js').Logger}: the one JSON logger (redacting). */
export const Logger = Symbol.for('tessera/Logger');
/** {@link import('../logging/redactor.js').Redactor}: register every fetched secret value here. */
export const Redactor = Symbol.for('tessera/Redactor');
/** {@link import('../metrics/tessera-metrics.js').TesseraMetrics}: the Prometheus metrics. */
export const Metrics = Symbol.for('tessera/Metrics');
/** {@link import('../controller/clock.js').Clock}: time and timers (a ManualClock in tests). */
export const Clock = Symbol.for('tessera/Clock');
/** {@link import('../controller/manager.js').Manager}: caches, controllers, leader election, shutdown. */
export const Manager = Symbol.for('tessera/Manager');
/** {@link import('../kube/kube-connection.js').KubeConnection}: the connected kube client and caches. */
export const KubeConnection = Symbol.for('tessera/KubeConnection');
