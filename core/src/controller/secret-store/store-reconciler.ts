/**
 * One reconcile for SecretStore and ClusterSecretStore (ESO `pkg/controllers/secretstore/common.go`,
 * §B.15), read as a table of contents:
 *
 * 1. gone or being deleted → retire its provider clients;
 * 2. another controller class → ignore (and retire any client we built);
 * 3. static validation (schema, regexes, refreshInterval, `validateStore`) → `InvalidProviderConfig`,
 *    not retried until the store is edited;
 * 4. build the client through the cache and `validate()` it → `Valid`, `ValidationUnknown` (still
 *    Ready) or `InvalidProviderConfig` (retried with backoff);
 * 5. write the status only when it changed (with an event for each change, unlike ESO's event per
 *    reconcile), announce stores that became Ready or changed, requeue after the refresh interval.
 */
import type { KubeClient, EventRecorder, ObjectCache } from '../../kube/kube-port.js';
import type { TextRedactor } from '../../logging/redactor.js';
import { defaultControllerSettings, type ControllerSettings } from '../../di/controller-settings.js';
import { noopLogger, type Logger } from '../../logging/logger.js';
import type { ProviderClientCache } from '../../provider/client-cache.js';
import { TesseraError } from '../../provider/errors.js';
import { ReferentNamespaceUnavailableError } from '../../provider/provider-kube-access.js';
import type { ProviderRegistry } from '../../provider/provider-registry.js';
import type { StoreKind } from '../../provider/provider.js';
import { storeKeyOfObject, storeKeyOf } from '../../provider/store-ref.js';
import type { AnyStore } from '../../provider/store-view.js';
import { systemClock, type Clock } from '../clock.js';
import {
  TerminalError,
  awaitChange,
  requeue,
  type ObjectKey,
  type ReconcileResult,
  type Reconciler,
} from '../reconciler.js';
import type { StoreReadyNotifier } from './store-ready-notifier.js';
import { isStoreReady, nextStoreStatus, writeStoreStatus, type StoreReadiness } from './store-status.js';
import { validateStoreSpec, type ValidatedStore } from './validate-store-spec.js';

/** Dependencies of {@link StoreReconciler}. */
export interface StoreReconcilerDeps {
  /** Which kind this instance reconciles. */
  readonly kind: StoreKind;
  readonly kube: KubeClient;
  /** Informer cache of `kind`. */
  readonly stores: ObjectCache<AnyStore>;
  readonly registry: ProviderRegistry;
  readonly clients: Pick<ProviderClientCache, 'clientFor' | 'evict'>;
  readonly events: EventRecorder;
  readonly notifier: StoreReadyNotifier;
  /** @default defaultControllerSettings */
  readonly settings?: ControllerSettings;
  /** @default systemClock */
  readonly clock?: Clock;
  /** @default noopLogger */
  readonly logger?: Logger;
  /** Redacts registered secret values (credentials included) out of condition messages. @default none */
  readonly redactor?: TextRedactor;
}

/** Annotation that silences the maintenance-status warning events (ESO). */
export const IGNORE_MAINTENANCE_CHECKS_ANNOTATION = 'external-secrets.io/ignore-maintenance-checks';

/** Reconciles one store kind; see the module comment. */
export class StoreReconciler implements Reconciler {
  private readonly settings: ControllerSettings;
  private readonly clock: Clock;
  private readonly logger: Logger;
  /** uid/generation of the last Ready state announced per store key. */
  private readonly announced = new Map<string, string>();

  constructor(private readonly deps: StoreReconcilerDeps) {
    this.settings = deps.settings ?? defaultControllerSettings;
    this.clock = deps.clock ?? systemClock;
    this.logger = (deps.logger ?? noopLogger).child({ controller: deps.kind.toLowerCase() });
  }

  /** The kind this instance reconciles. */
  get kind(): StoreKind {
    return this.deps.kind;
  }

  /** The store cache this reconciler reads (for watch wiring). */
  get stores(): ObjectCache<AnyStore> {
    return this.deps.stores;
  }

  async reconcile(key: ObjectKey): Promise<ReconcileResult> {
    const store = this.deps.stores.get(
      key.name,
      this.deps.kind === 'SecretStore' ? key.namespace : undefined,
    );
    if (!store || store.metadata.deletionTimestamp) return this.forget(key);
    if (!this.isOurs(store)) return this.forget(key);
    let validated: ValidatedStore;
    try {
      validated = validateStoreSpec(store, this.deps.registry, this.settings.storeRequeueIntervalMs);
    } catch (error) {
      await this.report(store, {
        ready: false,
        reason: 'InvalidProviderConfig',
        message: invalidSpecMessage(error),
      });
      throw new TerminalError(invalidSpecMessage(error), { reason: 'InvalidProviderConfig', cause: error });
    }
    this.warnMaintenance(store, validated);
    const readiness = await this.checkClient(store, validated);
    await this.report(store, readiness);
    if (!readiness.ready) throw new StoreValidationError(readiness.message);
    return requeue(validated.refreshIntervalMs);
  }

  /** Builds (or reuses) the client and validates it; never throws. */
  private async checkClient(store: AnyStore, validated: ValidatedStore): Promise<StoreReadiness> {
    const capabilities = validated.provider.contribution.descriptor.capabilities;
    const namespace = store.kind === 'SecretStore' ? (store.metadata.namespace ?? '') : '';
    try {
      const client = await this.deps.clients.clientFor(store, namespace);
      const result = await client.validate();
      if (result === 'Unknown') {
        return {
          ready: true,
          reason: 'ValidationUnknown',
          capabilities,
          message: 'store client was created but the provider cannot confirm the configuration',
        };
      }
      return { ready: true, reason: 'Valid', capabilities, message: 'store validated' };
    } catch (error) {
      // A backend's error may echo a credential; registered credentials never reach status or Events.
      const text = error instanceof Error ? error.message : String(error);
      const detail = this.deps.redactor?.redact(text) ?? text;
      if (error instanceof ReferentNamespaceUnavailableError && store.kind === 'ClusterSecretStore') {
        return {
          ready: true,
          reason: 'ValidationUnknown',
          capabilities,
          message: `store uses credentials resolved per ExternalSecret namespace: ${detail}`,
        };
      }
      return {
        ready: false,
        reason: 'InvalidProviderConfig',
        message: `unable to validate store: ${detail}. Fix spec.provider.${validated.provider.name} or the credentials it references`,
      };
    }
  }

  /** Writes the status when it changed, records an event for the change, announces readiness. */
  private async report(store: AnyStore, readiness: StoreReadiness): Promise<void> {
    const wasReady = isStoreReady(store);
    const status = nextStoreStatus(store, readiness, new Date(this.clock.now()));
    if (status) {
      await writeStoreStatus(this.deps.kube, store, status);
      this.deps.events.record(
        store,
        readiness.reason === 'Valid' ? 'Normal' : 'Warning',
        readiness.reason,
        readiness.message,
      );
    }
    const key = storeKeyOfObject(store);
    if (!readiness.ready) {
      this.announced.delete(key);
      return;
    }
    const identity = `${store.metadata.uid ?? ''}/${store.metadata.generation ?? 0}`;
    const previous = this.announced.get(key);
    this.announced.set(key, identity);
    if (!wasReady || (previous !== undefined && previous !== identity)) this.deps.notifier.notify(key);
  }

  private warnMaintenance(store: AnyStore, validated: ValidatedStore): void {
    const maintenance = validated.provider.contribution.descriptor.maintenance ?? 'Maintained';
    if (
      maintenance === 'Maintained' ||
      store.metadata.annotations?.[IGNORE_MAINTENANCE_CHECKS_ANNOTATION] === 'true'
    )
      return;
    if (isStoreReady(store)) return;
    const reason = maintenance === 'Deprecated' ? 'StoreDeprecated' : 'StoreUnmaintained';
    this.deps.events.record(
      store,
      'Warning',
      reason,
      `provider "${validated.provider.name}" is ${maintenance === 'Deprecated' ? 'deprecated' : 'not maintained'}; plan a move to a maintained provider`,
    );
  }

  private isOurs(store: AnyStore): boolean {
    const controller = store.spec.controller ?? '';
    return controller === '' || controller === this.settings.controllerClass;
  }

  private async forget(key: ObjectKey): Promise<ReconcileResult> {
    const storeKey =
      this.deps.kind === 'SecretStore'
        ? storeKeyOf({ kind: 'SecretStore', name: key.name, namespace: key.namespace ?? '' })
        : storeKeyOf({ kind: 'ClusterSecretStore', name: key.name });
    this.announced.delete(storeKey);
    await this.deps.clients.evict(storeKey);
    this.logger.debug('store ignored or gone; provider clients retired', { store: storeKey });
    return awaitChange();
  }
}

/** The provider rejected the store's configuration or credentials; retried with backoff. */
export class StoreValidationError extends TesseraError {
  readonly reason = 'InvalidProviderConfig';
}

function invalidSpecMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `invalid store configuration: ${detail}`;
}
