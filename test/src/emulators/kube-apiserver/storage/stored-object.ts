import type { KubeObject } from '../api/kube-object.js';

/** Puts `apiVersion`, `kind`, `metadata` first so list items can drop the type prefix by slicing. */
export function canonicalOrder(obj: KubeObject): KubeObject {
  const { apiVersion, kind, metadata, ...rest } = obj;
  return { apiVersion, kind, metadata, ...rest };
}

/**
 * One immutable stored revision of an object with its JSON text computed once, so reads, lists and watch events
 * reuse the same bytes. Never mutate `object`; clone with `JSON.parse(stored.json)`.
 */
export class StoredObject {
  private itemText?: string;

  constructor(
    readonly object: KubeObject,
    readonly json: string,
    readonly rv: number,
  ) {}

  /** Builds a stored revision, assigning the resource version. */
  static create(obj: KubeObject, rv: number): StoredObject {
    const object = canonicalOrder({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } });
    return new StoredObject(object, JSON.stringify(object), rv);
  }

  /** `namespace/name` (an empty namespace for cluster-scoped objects): the etcd-like sort key. */
  get key(): string {
    return storageKey(this.object.metadata.namespace ?? '', this.object.metadata.name ?? '');
  }

  /** The JSON without `apiVersion`/`kind`, as real servers write items of built-in lists. */
  get itemJsonWithoutType(): string {
    if (this.itemText === undefined) {
      const prefix = `{"apiVersion":${JSON.stringify(this.object.apiVersion)},"kind":${JSON.stringify(this.object.kind)},`;
      this.itemText = this.json.startsWith(prefix) ? `{${this.json.slice(prefix.length)}` : this.json;
    }
    return this.itemText;
  }

  /** A deep, mutable copy of the object. */
  clone(): KubeObject {
    return JSON.parse(this.json) as KubeObject;
  }
}

/** The bucket key of an object. */
export function storageKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
