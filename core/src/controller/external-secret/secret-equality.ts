/**
 * Whether a Secret write would change anything (ESO compares with `equality.Semantic.DeepEqual`).
 * Only the fields Tessera writes are compared; server-managed metadata is ignored. An absent map
 * equals an empty one, an absent `immutable` equals false, and an absent type equals Opaque.
 */
import type { OwnerReference, SecretObject } from '../../kube/kube-port.js';

function sameMap(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  const left = a ?? {};
  const right = b ?? {};
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && left[key] === right[key])
  );
}

function sameList<T>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
  same: (x: T, y: T) => boolean,
): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((item, index) => same(item, right[index]));
}

function sameOwner(a: OwnerReference, b: OwnerReference): boolean {
  return (
    a.apiVersion === b.apiVersion &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.uid === b.uid &&
    (a.controller ?? false) === (b.controller ?? false) &&
    (a.blockOwnerDeletion ?? false) === (b.blockOwnerDeletion ?? false)
  );
}

/** Same data, type and immutability. */
export function sameSecretContent(a: SecretObject, b: SecretObject): boolean {
  return (
    sameMap(a.data, b.data) &&
    (a.type || 'Opaque') === (b.type || 'Opaque') &&
    (a.immutable ?? false) === (b.immutable ?? false)
  );
}

/** Same labels, annotations, owner references and finalizers. */
export function sameSecretMetadata(a: SecretObject, b: SecretObject): boolean {
  return (
    sameMap(a.metadata.labels, b.metadata.labels) &&
    sameMap(a.metadata.annotations, b.metadata.annotations) &&
    sameList(a.metadata.ownerReferences, b.metadata.ownerReferences, sameOwner) &&
    sameList(a.metadata.finalizers, b.metadata.finalizers, (x, y) => x === y)
  );
}

/** Whether writing `b` over `a` would change nothing Tessera manages. */
export function sameSecret(a: SecretObject, b: SecretObject): boolean {
  return sameSecretContent(a, b) && sameSecretMetadata(a, b);
}
