/**
 * Which events queue which ExternalSecrets (ESO B.2 "What triggers a reconcile", plus Tessera's
 * store watch). Every event queues at `high` priority, so new and changed objects go ahead of
 * periodic refreshes (which the runner queues at `low`).
 *
 * - ExternalSecret created or deleted, or updated in its generation, labels, annotations, finalizers
 *   or deletion timestamp (status-only writes — our own — are ignored);
 * - a managed Secret added, changed or deleted → the ExternalSecrets targeting it (drift repair);
 * - a store created, deleted, changed (generation) or turned Ready → every ExternalSecret using it,
 *   at once; the store controller's "store ready" notification does the same. ESO has no store
 *   watch and leaves such ExternalSecrets in backoff for up to 7 minutes.
 *
 * With `echoes`, an ExternalSecret or Secret event that only echoes the reconcile's own finalizer
 * patch or target write (same resourceVersion as that write returned) does not queue the
 * ExternalSecret that wrote it again (see `write-echoes.ts`); any other change still does.
 */
import type { ClusterSecretStore, ExternalSecret, SecretStore } from '../../api/v1/index.js';
import type { KubeObject, ObjectCache, SecretObject, WatchEventType } from '../../kube/kube-port.js';
import { storeKeyOfObject, type StoreKey } from '../../provider/store-ref.js';
import type { AnyStore } from '../../provider/store-view.js';
import { enqueueOnChange, ignoreStatusOnlyUpdates } from '../manager-watches.js';
import { objectKeyOf, objectKeyToString } from '../reconciler.js';
import type { StoreReadyNotifier } from '../secret-store/store-ready-notifier.js';
import { isStoreReady } from '../secret-store/store-status.js';
import type { WorkQueue } from '../work-queue.js';
import type { ExternalSecretWriteEchoes } from './echo-tracking-kube.js';
import { ExternalSecretIndex } from './external-secret-index.js';
import { secretKeyOf } from './load.js';

/** Options of {@link ExternalSecretController}. */
export interface ExternalSecretControllerOptions {
  readonly externalSecrets: ObjectCache<ExternalSecret>;
  /** Managed Secrets (label `reconcile.external-secrets.io/managed=true`). */
  readonly secrets: ObjectCache<SecretObject>;
  /** @default stores are not watched */
  readonly secretStores?: ObjectCache<SecretStore>;
  /** @default cluster stores are not watched */
  readonly clusterSecretStores?: ObjectCache<ClusterSecretStore>;
  /** The store controller's "store became Ready" notifications. @default none */
  readonly storeReady?: Pick<StoreReadyNotifier, 'onStoreReady'>;
  /** The reconciler's tracked writes, whose echoes queue nothing. @default every event queues */
  readonly echoes?: ExternalSecretWriteEchoes;
}

/** ESO's ExternalSecret predicate, plus finalizer changes (B.2). */
export function externalSecretChanged(
  type: WatchEventType,
  object: ExternalSecret,
  old?: ExternalSecret,
): boolean {
  if (ignoreStatusOnlyUpdates(type, object, old)) return true;
  const now = object.metadata.finalizers ?? [];
  const before = old?.metadata.finalizers ?? [];
  return now.length !== before.length || now.some((finalizer, index) => finalizer !== before[index]);
}

/** A store event that can change what its ExternalSecrets get: created, deleted, new generation, turned Ready. */
export function storeChanged(type: WatchEventType, store: AnyStore, old?: AnyStore): boolean {
  if (type !== 'updated' || old === undefined) return true;
  return store.metadata.generation !== old.metadata.generation || (isStoreReady(store) && !isStoreReady(old));
}

/** Wires cache events to the ExternalSecret work queue; see the module comment. */
export class ExternalSecretController {
  /** Target and store indexes of the known ExternalSecrets. */
  readonly index = new ExternalSecretIndex();

  constructor(private readonly options: ExternalSecretControllerOptions) {}

  /** Subscribes to every source (call once, before the caches start); returns the unsubscribe function. */
  watch(queue: WorkQueue): () => void {
    const { externalSecrets, secretStores, clusterSecretStores, storeReady } = this.options;
    for (const es of externalSecrets.list()) this.index.upsert(es);
    const unsubscribe = [
      externalSecrets.onChange((type, es) =>
        type === 'deleted' ? this.index.remove(es) : this.index.upsert(es),
      ),
      this.watchExternalSecrets(queue),
      this.watchSecrets(queue),
    ];
    const byStore = (store: KubeObject) => this.index.using(storeKeyOfObject(store));
    if (secretStores)
      unsubscribe.push(enqueueOnChange(secretStores, queue, { map: byStore, filter: storeChanged }));
    if (clusterSecretStores) {
      unsubscribe.push(enqueueOnChange(clusterSecretStores, queue, { map: byStore, filter: storeChanged }));
    }
    if (storeReady)
      unsubscribe.push(storeReady.onStoreReady((storeKey) => this.enqueueUsers(queue, storeKey)));
    return () => unsubscribe.forEach((stop) => stop());
  }

  private watchExternalSecrets(queue: WorkQueue): () => void {
    const { externalSecrets, echoes } = this.options;
    if (echoes === undefined)
      return enqueueOnChange(externalSecrets, queue, { filter: externalSecretChanged });
    const add = (key: string) => queue.add(key, { priority: 'high' });
    return externalSecrets.onChange((type, es, old) => {
      if (!externalSecretChanged(type, es, old)) return;
      const key = objectKeyToString(objectKeyOf(es));
      echoes.externalSecrets.route(key, es.metadata.resourceVersion, [key], add);
    });
  }

  private watchSecrets(queue: WorkQueue): () => void {
    const { secrets, echoes } = this.options;
    const targeting = (secret: SecretObject) =>
      this.index.targeting(secret.metadata.namespace ?? '', secret.metadata.name ?? '');
    if (echoes === undefined) return enqueueOnChange(secrets, queue, { map: targeting });
    const add = (key: string) => queue.add(key, { priority: 'high' });
    return secrets.onChange((_type, secret) => {
      const keys = targeting(secret).map(objectKeyToString);
      const secretKey = secretKeyOf(secret.metadata.namespace ?? '', secret.metadata.name ?? '');
      echoes.secrets.route(secretKey, secret.metadata.resourceVersion, keys, add);
    });
  }

  /** Queues every ExternalSecret that reads from the store. */
  enqueueUsers(queue: Pick<WorkQueue, 'add'>, storeKey: StoreKey): void {
    for (const key of this.index.using(storeKey)) queue.add(objectKeyToString(key), { priority: 'high' });
  }
}
