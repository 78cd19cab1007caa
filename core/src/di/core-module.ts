/**
 * The core's bindings: provider registry, client cache, read coalescer, provider Kubernetes access,
 * the store-ready notifier and the SecretStore / ClusterSecretStore / ClusterExternalSecret
 * reconcilers. Kubernetes seams (`KubeClient`, `CacheFactory`, `EventRecorder`) and
 * `ControllerSettings` are bound by whoever creates the container (see `create-container.ts`).
 */
import { ContainerModule } from 'inversify';
import { API_VERSION_V1 } from '../api/v1/constants.js';
import { ClusterExternalSecretReconciler } from '../controller/cluster-external-secret/cluster-external-secret-reconciler.js';
import type { Clock } from '../controller/clock.js';
import { StoreReadyNotifier } from '../controller/secret-store/store-ready-notifier.js';
import { StoreReconciler } from '../controller/secret-store/store-reconciler.js';
import type { CacheFactory, EventRecorder, KubeClient } from '../kube/kube-port.js';
import type { Logger } from '../logging/logger.js';
import { ProviderClientCache } from '../provider/client-cache.js';
import {
  kubeProviderAccessFactory,
  type ServiceAccountTokenIssuer,
} from '../provider/provider-kube-access.js';
import { ProviderRegistry } from '../provider/provider-registry.js';
import type { StoreKind } from '../provider/provider.js';
import { ReadCoalescer } from '../provider/read-coalescer.js';
import type { AnyStore } from '../provider/store-view.js';
import type { ControllerSettings } from './controller-settings.js';
import type { Redactor } from '../logging/redactor.js';
import * as tokens from './tokens.js';

const optional = (serviceIdentifier: symbol) => ({ serviceIdentifier, optional: true as const });

/** Binds everything provider-neutral that the controllers need. */
export const coreModule = new ContainerModule(({ bind }) => {
  bind(tokens.ProviderRegistry).to(ProviderRegistry).inSingletonScope();
  bind(tokens.ReadCoalescer).to(ReadCoalescer).inSingletonScope();
  bind(tokens.ProviderClientCache).to(ProviderClientCache).inSingletonScope();
  bind(tokens.StoreReadyNotifier)
    .toResolvedValue(() => new StoreReadyNotifier())
    .inSingletonScope();
  bind(tokens.ProviderKubeAccessFactory)
    .toResolvedValue(
      (kube: KubeClient, issuer: ServiceAccountTokenIssuer | undefined, redactor: Redactor | undefined) =>
        kubeProviderAccessFactory(kube, issuer, redactor),
      [tokens.KubeClient, optional(tokens.ServiceAccountTokenIssuer), optional(tokens.Redactor)],
    )
    .inSingletonScope();
  bind(tokens.SecretStoreReconciler)
    .toResolvedValue(storeReconcilerFactory('SecretStore'), storeReconcilerInjections())
    .inSingletonScope();
  bind(tokens.ClusterSecretStoreReconciler)
    .toResolvedValue(storeReconcilerFactory('ClusterSecretStore'), storeReconcilerInjections())
    .inSingletonScope();
  bind(tokens.ClusterExternalSecretReconciler)
    .toResolvedValue(
      (
        kube: KubeClient,
        caches: CacheFactory,
        events: EventRecorder,
        settings: ControllerSettings,
        clock?: Clock,
        logger?: Logger,
      ) => new ClusterExternalSecretReconciler({ kube, caches, events, settings, clock, logger }),
      [
        tokens.KubeClient,
        tokens.CacheFactory,
        tokens.EventRecorder,
        tokens.ControllerSettings,
        optional(tokens.Clock),
        optional(tokens.Logger),
      ],
    )
    .inSingletonScope();
});

function storeReconcilerInjections() {
  return [
    tokens.KubeClient,
    tokens.CacheFactory,
    tokens.ProviderRegistry,
    tokens.ProviderClientCache,
    tokens.EventRecorder,
    tokens.StoreReadyNotifier,
    tokens.ControllerSettings,
    optional(tokens.Clock),
    optional(tokens.Logger),
    optional(tokens.Redactor),
  ] as [
    symbol,
    symbol,
    symbol,
    symbol,
    symbol,
    symbol,
    symbol,
    ReturnType<typeof optional>,
    ReturnType<typeof optional>,
    ReturnType<typeof optional>,
  ];
}

function storeReconcilerFactory(kind: StoreKind) {
  return (
    kube: KubeClient,
    caches: CacheFactory,
    registry: ProviderRegistry,
    clients: ProviderClientCache,
    events: EventRecorder,
    notifier: StoreReadyNotifier,
    settings: ControllerSettings,
    clock?: Clock,
    logger?: Logger,
    redactor?: Redactor,
  ) =>
    new StoreReconciler({
      kind,
      kube,
      stores: caches.cache<AnyStore>({ apiVersion: API_VERSION_V1, kind }),
      registry,
      clients,
      events,
      notifier,
      settings,
      clock,
      logger,
      redactor,
    });
}
