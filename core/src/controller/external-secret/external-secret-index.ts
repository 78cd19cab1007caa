/**
 * Which ExternalSecrets target which Secret, and which use which store — kept up to date from the
 * ExternalSecret cache's events, so mapping a Secret or store event to ExternalSecrets costs a map
 * look-up instead of a scan. ESO indexes the target name the same way; the store index is
 * Tessera's (ESO does not watch stores at all).
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { StoreKey } from '../../provider/store-ref.js';
import { objectKeyOf, objectKeyToString, parseObjectKey, type ObjectKey } from '../reconciler.js';
import { referencedStoreKeys } from './resolve-store.js';

interface Entry {
  readonly target: string;
  readonly stores: readonly StoreKey[];
  /** The object's uid and generation when recorded: while both hold, the spec (and so the entry) is the same. */
  readonly uid: string | undefined;
  readonly generation: number | undefined;
}

function targetOf(es: ExternalSecret): string {
  return `${es.metadata.namespace ?? ''}/${es.spec.target?.name || (es.metadata.name ?? '')}`;
}

function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  set?.delete(value);
  if (set?.size === 0) index.delete(key);
}

/** See the module comment. */
export class ExternalSecretIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly byTarget = new Map<string, Set<string>>();
  private readonly byStore = new Map<StoreKey, Set<string>>();

  /** Records (or re-records) an ExternalSecret. */
  upsert(es: ExternalSecret): void {
    const key = objectKeyToString(objectKeyOf(es));
    const { uid, generation } = es.metadata;
    const known = this.entries.get(key);
    if (known && generation !== undefined && known.generation === generation && known.uid === uid) return;
    this.remove(es);
    const entry: Entry = { target: targetOf(es), stores: referencedStoreKeys(es), uid, generation };
    this.entries.set(key, entry);
    addTo(this.byTarget, entry.target, key);
    for (const store of entry.stores) addTo(this.byStore, store, key);
  }

  /** Forgets an ExternalSecret. */
  remove(es: ExternalSecret): void {
    const key = objectKeyToString(objectKeyOf(es));
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    removeFrom(this.byTarget, entry.target, key);
    for (const store of entry.stores) removeFrom(this.byStore, store, key);
  }

  /** ExternalSecrets whose target is the Secret `namespace/name`. */
  targeting(namespace: string, name: string): ObjectKey[] {
    return [...(this.byTarget.get(`${namespace}/${name}`) ?? [])].map(parseObjectKey);
  }

  /** ExternalSecrets reading from the store. */
  using(storeKey: StoreKey): ObjectKey[] {
    return [...(this.byStore.get(storeKey) ?? [])].map(parseObjectKey);
  }
}
