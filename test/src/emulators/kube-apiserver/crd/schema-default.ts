import { schemaNode, type SchemaNode } from './schema-node.js';
import type { JsonSchema } from './schema-types.js';

function defaultNode(value: unknown, node: SchemaNode): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    if (node.items) for (const item of value) defaultNode(item, node.items);
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const d of node.defaulted) {
    if (!(d.key in obj) || (obj[d.key] === null && !d.node.nullable))
      obj[d.key] = d.needsCopy ? JSON.parse(JSON.stringify(d.value)) : d.value;
  }
  for (const key of Object.keys(obj)) {
    const declared = node.properties?.get(key);
    if (obj[key] === null && declared !== undefined && !declared.nullable) {
      delete obj[key];
      continue;
    }
    const child = declared ?? node.additional;
    if (child) defaultNode(obj[key], child);
  }
}

/**
 * Structural defaulting: for each declared property that is missing (or null while not nullable) the `default`
 * is set; null non-nullable values without a default are dropped. Recurses into values, defaulted ones included.
 */
export function applyDefaults(value: unknown, schema: JsonSchema | undefined): void {
  if (schema) defaultNode(value, schemaNode(schema));
}
