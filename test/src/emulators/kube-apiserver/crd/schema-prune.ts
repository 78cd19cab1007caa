import { isJsonObject, type JsonObject } from '../api/kube-object.js';
import { childPath, OBJECT_META_FIELDS, type JsonSchema } from './schema-types.js';

function pruneMetadata(meta: unknown, path: string, unknown: string[]): void {
  if (!isJsonObject(meta)) return;
  for (const key of Object.keys(meta)) {
    if (!OBJECT_META_FIELDS.has(key)) {
      delete meta[key];
      unknown.push(childPath(path, key));
    }
  }
}

function pruneObject(
  obj: JsonObject,
  schema: JsonSchema,
  path: string,
  embedded: boolean,
  unknown: string[],
): void {
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  for (const key of Object.keys(obj)) {
    if (embedded && (key === 'apiVersion' || key === 'kind')) continue;
    if (embedded && key === 'metadata') {
      pruneMetadata(obj.metadata, childPath(path, 'metadata'), unknown);
      continue;
    }
    const prop = schema.properties?.[key];
    const additional = schema.additionalProperties;
    if (prop) prune(obj[key], prop, childPath(path, key), unknown);
    else if (isJsonObject(additional)) prune(obj[key], additional, childPath(path, key), unknown);
    else if (!preserve && additional !== true) {
      delete obj[key];
      unknown.push(childPath(path, key));
    }
  }
}

/**
 * Structural pruning: removes, in place, every field the schema does not declare (unless under
 * `x-kubernetes-preserve-unknown-fields`) and returns their paths, for `fieldValidation` Strict/Warn.
 */
export function prune(
  value: unknown,
  schema: JsonSchema | undefined,
  path: string,
  unknown: string[] = [],
  root = false,
): string[] {
  if (!schema) return unknown;
  if (isJsonObject(value))
    pruneObject(value, schema, path, root || schema['x-kubernetes-embedded-resource'] === true, unknown);
  else if (Array.isArray(value) && schema.items)
    value.forEach((item, i) => prune(item, schema.items, `${path}[${i}]`, unknown));
  return unknown;
}
