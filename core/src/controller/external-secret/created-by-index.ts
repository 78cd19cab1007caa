/**
 * Managed Secrets grouped by namespace and `reconcile.external-secrets.io/created-by` label, kept
 * current from the Secret cache's events, so the orphan clean-up of one reconcile is a map look-up
 * instead of a scan of every managed Secret in the namespace (which made a round of N reconciles in
 * one namespace cost O(N²)). It starts on first use: lists the cache once and then follows its
 * events, so it also works with caches that are filled before the reconciler exists.
 */
import type { ObjectCache, SecretObject } from '../../kube/kube-port.js';
import { LABEL_CREATED_BY } from './target-bookkeeping.js';

/** See the module comment. */
export class CreatedByIndex {
  /** `<namespace>\0<created-by>` → Secret name → Secret. */
  private readonly byOwner = new Map<string, Map<string, SecretObject>>();
  /** `<namespace>/<name>` → the owner key it is filed under. */
  private readonly filedUnder = new Map<string, string>();
  private started = false;

  constructor(private readonly secrets: Pick<ObjectCache<SecretObject>, 'list' | 'onChange'>) {}

  /** Managed Secrets of `namespace` whose `created-by` label is `owner`. */
  createdBy(namespace: string, owner: string): SecretObject[] {
    this.start();
    return [...(this.byOwner.get(ownerKey(namespace, owner))?.values() ?? [])];
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.secrets.onChange((type, secret) => (type === 'deleted' ? this.remove(secret) : this.upsert(secret)));
    for (const secret of this.secrets.list()) this.upsert(secret);
  }

  private upsert(secret: SecretObject): void {
    this.remove(secret);
    const owner = secret.metadata.labels?.[LABEL_CREATED_BY];
    if (owner === undefined) return;
    const namespace = secret.metadata.namespace ?? '';
    const name = secret.metadata.name ?? '';
    const key = ownerKey(namespace, owner);
    let secrets = this.byOwner.get(key);
    if (secrets === undefined) this.byOwner.set(key, (secrets = new Map()));
    secrets.set(name, secret);
    this.filedUnder.set(`${namespace}/${name}`, key);
  }

  private remove(secret: SecretObject): void {
    const name = secret.metadata.name ?? '';
    const id = `${secret.metadata.namespace ?? ''}/${name}`;
    const key = this.filedUnder.get(id);
    if (key === undefined) return;
    this.filedUnder.delete(id);
    const secrets = this.byOwner.get(key);
    secrets?.delete(name);
    if (secrets?.size === 0) this.byOwner.delete(key);
  }
}

function ownerKey(namespace: string, owner: string): string {
  return `${namespace}\0${owner}`;
}
