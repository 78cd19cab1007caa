/**
 * Step: find the stores an ExternalSecret reads from (B.1 step 4, B.15) — its `secretStoreRef` and
 * every `sourceRef.storeRef` — and check they may be used now.
 *
 * - If any existing store has another `spec.controller` class, the ExternalSecret belongs to another
 *   controller: the reconcile is skipped silently (missing stores do not cause a skip).
 * - A missing store fails with ESO's "could not get SecretStore "x", not found".
 * - A ClusterSecretStore whose `conditions` deny the namespace fails with ESO's "denied by spec.condition".
 * - With the flood gate on (default), a store that is not Ready fails with ESO's "SecretStore "x" is not ready";
 *   `ValidationUnknown` counts as Ready. Tessera re-queues the ExternalSecret as soon as the store becomes Ready.
 */
import type { ExternalSecret, SecretStoreRef } from '../../api/v1/index.js';
import { assertClusterStoreAllowed } from '../../provider/namespace-conditions.js';
import {
  describeStore,
  parseStoreKey,
  storeKeyOf,
  type StoreKey,
  type StoreRef,
} from '../../provider/store-ref.js';
import type { AnyStore } from '../../provider/store-view.js';
import { isStoreReady } from '../secret-store/store-status.js';
import { InvalidSpecError, StoreNotFoundError, StoreNotReadyError } from './external-secret-errors.js';

/** Read access to stores and namespaces (informer caches in production). */
export interface StoreLookup {
  /** The store `ref` names, or undefined when it does not exist. */
  getStore(ref: StoreRef): AnyStore | undefined;
  /** Labels of a Namespace, for ClusterSecretStore `namespaceSelector` conditions; undefined when unknown. */
  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined;
}

/** Options of {@link resolveStores}. */
export interface ResolveStoresOptions {
  readonly es: ExternalSecret;
  readonly stores: StoreLookup;
  /** This controller's class; stores with another non-empty class are not ours. @default '' */
  readonly controllerClass?: string;
  /** Refuse stores that are not Ready (ESO `--enable-flood-gate`). @default true */
  readonly floodGate?: boolean;
}

/** The stores a reconcile may use, by store key. */
export interface ResolvedStores {
  readonly kind: 'resolved';
  readonly byKey: ReadonlyMap<StoreKey, AnyStore>;
}

/**
 * The store an entry reads from: its own `sourceRef.storeRef`, else `spec.secretStoreRef`.
 * @throws InvalidSpecError when the reference has no name or an unknown kind.
 */
export function storeRefFor(es: ExternalSecret, override: SecretStoreRef | undefined): StoreRef {
  const ref = override ?? es.spec.secretStoreRef;
  const kind = ref?.kind || 'SecretStore';
  const field = override ? 'sourceRef.storeRef' : 'spec.secretStoreRef';
  if (kind !== 'SecretStore' && kind !== 'ClusterSecretStore') {
    throw new InvalidSpecError(
      `${field}.kind "${kind}" is not SecretStore or ClusterSecretStore; fix the kind`,
    );
  }
  if (!ref?.name)
    throw new InvalidSpecError(
      `${field}.name is empty; name the SecretStore or ClusterSecretStore to read from`,
    );
  const namespace = es.metadata.namespace ?? '';
  return kind === 'SecretStore' ? { kind, name: ref.name, namespace } : { kind, name: ref.name };
}

/** Every store the ExternalSecret's entries read from, in entry order (dataFrom, then data), without duplicates. */
export function referencedStores(es: ExternalSecret): StoreRef[] {
  const refs = new Map<StoreKey, StoreRef>();
  const add = (override: SecretStoreRef | undefined): void => {
    const ref = storeRefFor(es, override);
    refs.set(storeKeyOf(ref), ref);
  };
  for (const entry of es.spec.dataFrom ?? []) {
    if (entry.sourceRef?.generatorRef && !entry.sourceRef.storeRef) continue;
    add(entry.sourceRef?.storeRef);
  }
  for (const entry of es.spec.data ?? []) add(entry.sourceRef?.storeRef);
  return [...refs.values()];
}

/** Like {@link referencedStores} but never throws: unusable references are left out (for indexes). */
export function referencedStoreKeys(es: ExternalSecret): StoreKey[] {
  try {
    return referencedStores(es).map(storeKeyOf);
  } catch {
    return [];
  }
}

function notFoundMessage(ref: StoreRef): string {
  return (
    `could not get ${ref.kind} "${ref.name}", not found; create the ${ref.kind} or fix the reference ` +
    '(spec.secretStoreRef or sourceRef.storeRef)'
  );
}

function checkUsable(options: ResolveStoresOptions, ref: StoreRef, store: AnyStore): void {
  const name = options.es.metadata.namespace ?? '';
  if (store.kind === 'ClusterSecretStore') {
    const namespace = { name, labels: options.stores.namespaceLabels(name) };
    assertClusterStoreAllowed({ storeName: ref.name, conditions: store.spec.conditions, namespace });
  }
  if ((options.floodGate ?? true) && !isStoreReady(store)) {
    throw new StoreNotReadyError(
      `${ref.kind} "${ref.name}" is not ready; see the status of ${describeStore(ref)} ` +
        '(the ExternalSecret is retried as soon as the store becomes Ready)',
    );
  }
}

/**
 * The key of a referenced store that belongs to another controller class, if any: such an
 * ExternalSecret is left alone (no status, no events). Unusable references are ignored here.
 */
export function storeOfOtherController(options: ResolveStoresOptions): StoreKey | undefined {
  const ours = options.controllerClass ?? '';
  for (const key of referencedStoreKeys(options.es)) {
    const store = options.stores.getStore(parseStoreKey(key));
    const theirs = store?.spec.controller ?? '';
    if (store && theirs !== '' && theirs !== ours) return key;
  }
  return undefined;
}

/**
 * Resolves and checks every referenced store (call {@link storeOfOtherController} first).
 * Throws the first problem, in entry order.
 */
export function resolveStores(options: ResolveStoresOptions): ResolvedStores {
  const byKey = new Map<StoreKey, AnyStore>();
  for (const ref of referencedStores(options.es)) {
    const store = options.stores.getStore(ref);
    if (!store) throw new StoreNotFoundError(notFoundMessage(ref));
    checkUsable(options, ref, store);
    byKey.set(storeKeyOf(ref), store);
  }
  return { kind: 'resolved', byKey };
}
