/**
 * Assembles and starts the whole operator: the runtime (logger, metrics, kube connection, events,
 * manager, ops servers) from its flags, a container holding the core and the given provider
 * modules, and the controllers (SecretStore, ClusterSecretStore, ExternalSecret,
 * ClusterExternalSecret) registered on the manager. `tessera operator` runs it in its own process;
 * the playground runs it in-process. Nothing here reconciles: it only wires.
 */
import type { ContainerModule } from 'inversify';
import { clusterExternalSecretControllerRegistration } from '../controller/cluster-external-secret/ces-watch.js';
import type { ClusterExternalSecretReconciler } from '../controller/cluster-external-secret/cluster-external-secret-reconciler.js';
import { externalSecretRegistration } from '../controller/external-secret/external-secret-registration.js';
import type { TemplateRenderer } from '../controller/external-secret/template-renderer.js';
import type { ManagerExit } from '../controller/manager.js';
import {
  createOperatorRuntime,
  type OperatorRuntime,
  type OperatorRuntimeOptions,
} from '../controller/manager-runtime.js';
import type { StoreReadyNotifier } from '../controller/secret-store/store-ready-notifier.js';
import type { StoreReconciler } from '../controller/secret-store/store-reconciler.js';
import { storeControllerRegistration } from '../controller/secret-store/store-watch.js';
import { createContainer, type TesseraContainer } from '../di/create-container.js';
import * as tokens from '../di/tokens.js';
import type { ProviderClientCache } from '../provider/client-cache.js';
import type { ReadCoalescer } from '../provider/read-coalescer.js';
import { API_VERSION_V1 } from '../api/v1/index.js';
import type { ExternalSecret } from '../api/v1/index.js';
import type { TemplateLimits } from '../template/index.js';
import { TEMPLATE_LIMIT_NAMES } from './operator-flags.js';

/** Options of {@link startOperator}: the runtime's flags plus the controllers' settings. */
export interface StartOperatorOptions extends OperatorRuntimeOptions {
  /** One ContainerModule per provider package (the composition root's list). */
  readonly providerModules: readonly ContainerModule[];
  /** Workers per controller (`--concurrent`). @default 1 */
  readonly concurrency?: number;
  /** `--controller-class`. @default 'default' */
  readonly controllerClass?: string;
  /** `--store-requeue-interval` in ms. @default 300000 */
  readonly storeRequeueIntervalMs?: number;
  /** `--enable-flood-gate`. @default true */
  readonly floodGate?: boolean;
  /** `--enable-cluster-store-reconciler`. @default true */
  readonly clusterStoreReconciler?: boolean;
  /** `--enable-cluster-external-secret-reconciler`. @default true */
  readonly clusterExternalSecretReconciler?: boolean;
  /** Renders `target.template` and `rewrite.transform`. @default the template engine (`EngineTemplateRenderer`) */
  readonly renderer?: TemplateRenderer;
  /**
   * `--template-max-output-bytes`, `--template-max-steps`, `--template-max-depth`: the engine's
   * limits; limit errors name those flags. @default the engine's
   */
  readonly templateLimits?: TemplateLimits;
}

/** A started operator. */
export interface RunningOperator {
  readonly runtime: OperatorRuntime;
  readonly container: TesseraContainer;
  /** Resolves when the manager has stopped, saying why (`lost-leadership` means: exit and restart). */
  readonly done: Promise<ManagerExit>;
  /** Graceful shutdown: drain reconciles, flush events, close provider clients, stop watches, release the Lease. */
  stop(): Promise<void>;
}

/**
 * Builds everything, registers the controllers and starts the manager; resolves once the caches
 * have synced (controllers then run at once, or when this replica wins the Lease).
 * @throws KubeConfigError when the kubeconfig is unusable; DuplicateProviderError on duplicate providers
 */
export async function startOperator(options: StartOperatorOptions): Promise<RunningOperator> {
  const runtime = createOperatorRuntime(options);
  const container = buildContainer(options, runtime);
  registerControllers(options, runtime, container);
  const clients = container.get<ProviderClientCache>(tokens.ProviderClientCache);
  runtime.manager.onStop(() => clients.close());
  try {
    await runtime.start();
  } catch (error) {
    await runtime.stop().catch(() => undefined);
    throw error;
  }
  runtime.logger.info('operator started', {
    server: runtime.kube.server,
    namespace: options.namespace ?? '(all)',
    controllerClass: options.controllerClass ?? 'default',
    leaderElection: options.leaderElection ?? false,
    identity: runtime.manager.identity,
  });
  return { runtime, container, done: runtime.manager.done, stop: () => runtime.stop() };
}

function buildContainer(options: StartOperatorOptions, runtime: OperatorRuntime): TesseraContainer {
  return createContainer({
    providerModules: options.providerModules,
    settings: {
      controllerClass: options.controllerClass ?? 'default',
      ...(options.storeRequeueIntervalMs !== undefined
        ? { storeRequeueIntervalMs: options.storeRequeueIntervalMs }
        : {}),
    },
    constants: [
      { token: tokens.KubeClient, value: runtime.kube.client },
      { token: tokens.CacheFactory, value: runtime.kube.caches },
      { token: tokens.EventRecorder, value: runtime.events },
      { token: tokens.Logger, value: runtime.logger },
      { token: tokens.Redactor, value: runtime.redactor },
      { token: tokens.Metrics, value: runtime.metrics },
      { token: tokens.ProviderCallRecorder, value: runtime.metrics },
      { token: tokens.Manager, value: runtime.manager },
      { token: tokens.KubeConnection, value: runtime.kube },
      ...(options.clock ? [{ token: tokens.Clock, value: options.clock }] : []),
    ],
  });
}

function registerControllers(
  options: StartOperatorOptions,
  runtime: OperatorRuntime,
  container: TesseraContainer,
): void {
  const { manager, kube } = runtime;
  const concurrency = options.concurrency ?? 1;
  manager.addController(
    storeControllerRegistration({
      reconciler: container.get<StoreReconciler>(tokens.SecretStoreReconciler),
      concurrency,
    }),
  );
  if (options.clusterStoreReconciler ?? true) {
    manager.addController(
      storeControllerRegistration({
        reconciler: container.get<StoreReconciler>(tokens.ClusterSecretStoreReconciler),
        concurrency,
      }),
    );
  }
  manager.addController(
    externalSecretRegistration({
      caches: kube.caches,
      namespace: options.namespace,
      kube: kube.client,
      clients: container.get<ProviderClientCache>(tokens.ProviderClientCache),
      coalescer: container.get<ReadCoalescer>(tokens.ReadCoalescer),
      events: runtime.events,
      renderer: options.renderer,
      templateLimits: options.templateLimits,
      templateLimitNames: TEMPLATE_LIMIT_NAMES,
      redactor: runtime.redactor,
      metrics: runtime.metrics,
      logger: runtime.logger.child({ controller: 'externalsecret' }),
      controllerClass: options.controllerClass ?? 'default',
      floodGate: options.floodGate ?? true,
      storeReady: container.get<StoreReadyNotifier>(tokens.StoreReadyNotifier),
      concurrency,
    }),
  );
  if (options.clusterExternalSecretReconciler ?? true) {
    const scope = options.namespace === undefined ? {} : { namespace: options.namespace };
    manager.addController(
      clusterExternalSecretControllerRegistration({
        reconciler: container.get<ClusterExternalSecretReconciler>(tokens.ClusterExternalSecretReconciler),
        externalSecrets: kube.caches.cache<ExternalSecret>(
          { apiVersion: API_VERSION_V1, kind: 'ExternalSecret' },
          scope,
        ),
        concurrency,
      }),
    );
  }
}
