/**
 * Assembles the ExternalSecret controller for the {@link Manager}: the informer caches it needs
 * (ExternalSecrets, managed Secrets only, stores, Namespaces), the reconciler and the watches.
 * The composition root calls `manager.addController(externalSecretRegistration({...}))`.
 *
 * Templates are rendered by the engine ({@link EngineTemplateRenderer}) unless `renderer` is given;
 * `templateFrom` ConfigMaps and Secrets are watched through metadata-only informers started on
 * first use ({@link TemplateSourceWatch}), so an edit re-renders the ExternalSecrets using them.
 */
import type { ClusterSecretStore, ExternalSecret, SecretStore } from '../../api/v1/index.js';
import { API_VERSION_V1 } from '../../api/v1/index.js';
import type { CacheFactory, KubeObject, SecretObject } from '../../kube/kube-port.js';
import type { ControllerRegistration } from '../manager.js';
import type { StoreReadyNotifier } from '../secret-store/store-ready-notifier.js';
import { WriteEchoes } from '../write-echoes.js';
import { ExternalSecretController } from './external-secret-controller.js';
import { ExternalSecretReconciler } from './external-secret-reconciler.js';
import type { ExternalSecretReconcilerOptions } from './external-secret-reconciler-options.js';
import { EngineTemplateRenderer } from './engine-template-renderer.js';
import { LABEL_MANAGED, LABEL_MANAGED_VALUE } from './target-bookkeeping.js';
import { TemplateSourceWatch } from './template-source-watch.js';
import { KubeTemplateSourceReader } from './template-sources.js';
import type { TemplateLimitNames, TemplateLimits } from '../../template/index.js';

/** Options of {@link externalSecretRegistration}: the reconciler's, minus what is built from `caches`. */
export interface ExternalSecretRegistrationOptions extends Omit<
  ExternalSecretReconcilerOptions,
  'externalSecrets' | 'secrets' | 'stores'
> {
  readonly caches: CacheFactory;
  /** Restrict the caches to one namespace (`--namespace`). @default all namespaces */
  readonly namespace?: string;
  /** The store controller's notifications. @default none (store caches are still watched) */
  readonly storeReady?: Pick<StoreReadyNotifier, 'onStoreReady'>;
  /** Workers (`--concurrent`). @default 1 */
  readonly concurrency?: number;
  /** Limits of the default template renderer. @default the engine's */
  readonly templateLimits?: TemplateLimits;
  /** What limit errors tell the user to raise, e.g. the operator's flags. @default the engine's option names */
  readonly templateLimitNames?: TemplateLimitNames;
}

/** Builds the ExternalSecret controller's registration. Creates its caches, so call it before the caches start. */
export function externalSecretRegistration(
  options: ExternalSecretRegistrationOptions,
): ControllerRegistration {
  const scope = options.namespace === undefined ? {} : { namespace: options.namespace };
  const externalSecrets = options.caches.cache<ExternalSecret>(
    { apiVersion: API_VERSION_V1, kind: 'ExternalSecret' },
    scope,
  );
  const secrets = options.caches.cache<SecretObject>(
    { apiVersion: 'v1', kind: 'Secret' },
    { ...scope, labelSelector: `${LABEL_MANAGED}=${LABEL_MANAGED_VALUE}` },
  );
  const secretStores = options.caches.cache<SecretStore>(
    { apiVersion: API_VERSION_V1, kind: 'SecretStore' },
    scope,
  );
  const clusterSecretStores = options.caches.cache<ClusterSecretStore>({
    apiVersion: API_VERSION_V1,
    kind: 'ClusterSecretStore',
  });
  const namespaces = options.caches.cache<KubeObject>({ apiVersion: 'v1', kind: 'Namespace' });
  const templateSources = new TemplateSourceWatch({ caches: options.caches, externalSecrets, ...scope });
  const echoes = { externalSecrets: new WriteEchoes(), secrets: new WriteEchoes() };
  const reconciler = new ExternalSecretReconciler({
    ...options,
    echoes,
    renderer: options.renderer ?? engineRenderer(options, templateSources),
    templateSources,
    externalSecrets,
    secrets,
    stores: {
      getStore: (ref) =>
        ref.kind === 'SecretStore'
          ? secretStores.get(ref.name, ref.namespace)
          : clusterSecretStores.get(ref.name),
      namespaceLabels: (name) => namespaces.get(name)?.metadata.labels,
    },
  });
  const controller = new ExternalSecretController({
    externalSecrets,
    secrets,
    secretStores,
    clusterSecretStores,
    storeReady: options.storeReady,
    echoes,
  });
  return {
    name: 'externalsecret',
    reconciler,
    concurrency: options.concurrency,
    watch: (queue) => {
      controller.watch(queue);
      templateSources.watch(queue);
    },
  };
}

function engineRenderer(
  options: ExternalSecretRegistrationOptions,
  templateSources: TemplateSourceWatch,
): EngineTemplateRenderer {
  const reader = new KubeTemplateSourceReader({ kube: options.kube, versions: templateSources });
  templateSources.onSourceChange((ref) => reader.forget(ref));
  return new EngineTemplateRenderer({
    sources: reader,
    values: options.redactor,
    limits: options.templateLimits,
    limitNames: options.templateLimitNames,
  });
}
