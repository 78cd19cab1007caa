import { isJsonObject } from '../api/kube-object.js';
import type { JsonSchema } from './schema-types.js';

/** Declared properties that carry a `default`, per schema node (computed once; schemas are not mutated). */
const withDefaults = new WeakMap<JsonSchema, readonly [string, JsonSchema][]>();

function defaultedProperties(schema: JsonSchema): readonly [string, JsonSchema][] {
  let list = withDefaults.get(schema);
  if (list === undefined) {
    list = Object.entries(schema.properties ?? {}).filter(([, prop]) => prop.default !== undefined);
    withDefaults.set(schema, list);
  }
  return list;
}

/**
 * Structural defaulting: for each declared property that is missing (or null while not nullable) the `default`
 * is set; null non-nullable values without a default are dropped. Recurses into values, defaulted ones included.
 */
export function applyDefaults(value: unknown, schema: JsonSchema | undefined): void {
  if (!schema) return;
  if (isJsonObject(value)) {
    for (const [key, prop] of defaultedProperties(schema)) {
      if (!(key in value) || (value[key] === null && !prop.nullable))
        value[key] = JSON.parse(JSON.stringify(prop.default));
    }
    const additional = isJsonObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
    for (const key of Object.keys(value)) {
      const declared = schema.properties?.[key];
      if (value[key] === null && declared !== undefined && !declared.nullable) {
        delete value[key];
        continue;
      }
      applyDefaults(value[key], declared ?? additional);
    }
  } else if (Array.isArray(value) && schema.items) {
    for (const item of value) applyDefaults(item, schema.items);
  }
}
