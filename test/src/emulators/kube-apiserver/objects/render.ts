import type { KubeObject } from '../api/kube-object.js';
import { groupVersion, type ResourceType } from '../api/resource-type.js';
import type { StoredObject } from '../storage/stored-object.js';

/** The object as served by `type` (conversion or apiVersion rewrite when the stored version differs). */
export function servedObject(type: ResourceType, stored: StoredObject): KubeObject {
  if (type.conversion) return type.conversion.fromStorage(stored.clone());
  if (stored.object.apiVersion === groupVersion(type)) return stored.object;
  return { ...stored.clone(), apiVersion: groupVersion(type) };
}

/** A fresh mutable copy of the object as served by `type` (parsed from the stored bytes). */
export function servedClone(type: ResourceType, stored: StoredObject): KubeObject {
  const copy = stored.clone();
  if (type.conversion) return type.conversion.fromStorage(copy);
  if (copy.apiVersion !== groupVersion(type)) copy.apiVersion = groupVersion(type);
  return copy;
}

/** The JSON text of the object as served by `type`; reuses the stored bytes when no conversion is needed. */
export function servedJson(type: ResourceType, stored: StoredObject): string {
  if (!type.conversion && stored.object.apiVersion === groupVersion(type)) return stored.json;
  return JSON.stringify(servedObject(type, stored));
}

/** The JSON of a list item: built-in lists omit per-item apiVersion/kind, custom resource lists keep them. */
export function listItemJson(type: ResourceType, stored: StoredObject): string {
  if (!type.builtin) return servedJson(type, stored);
  if (!type.conversion && stored.object.apiVersion === groupVersion(type)) return stored.itemJsonWithoutType;
  const { apiVersion: _a, kind: _k, ...rest } = servedObject(type, stored);
  return JSON.stringify(rest);
}

/** The group-resource of a type (for error messages). */
export function groupResourceOf(type: ResourceType): { group: string; resource: string } {
  return { group: type.group, resource: type.plural };
}

/** The group-kind of a type (for 422 messages). */
export function groupKindOf(type: ResourceType): { group: string; kind: string } {
  return { group: type.group, kind: type.kind };
}
