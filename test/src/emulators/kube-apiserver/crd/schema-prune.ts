import { isJsonObject, type JsonObject } from '../api/kube-object.js';
import { schemaNode, type SchemaNode } from './schema-node.js';
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
  node: SchemaNode,
  path: string,
  embedded: boolean,
  unknown: string[],
): void {
  for (const key of Object.keys(obj)) {
    if (embedded && (key === 'apiVersion' || key === 'kind')) continue;
    if (embedded && key === 'metadata') {
      pruneMetadata(obj.metadata, childPath(path, 'metadata'), unknown);
      continue;
    }
    const prop = node.member(key);
    if (prop) pruneNode(obj[key], prop, childPath(path, key), unknown, false);
    else if (!node.preserveUnknown && !node.additionalAllowed) {
      delete obj[key];
      unknown.push(childPath(path, key));
    }
  }
}

function pruneNode(value: unknown, node: SchemaNode, path: string, unknown: string[], root: boolean): void {
  if (typeof value !== 'object' || value === null) return;
  if (!Array.isArray(value)) pruneObject(value as JsonObject, node, path, root || node.embedded, unknown);
  else if (node.items)
    for (let i = 0; i < value.length; i++) pruneNode(value[i], node.items, `${path}[${i}]`, unknown, false);
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
  if (schema) pruneNode(value, schemaNode(schema), path, unknown, root);
  return unknown;
}
