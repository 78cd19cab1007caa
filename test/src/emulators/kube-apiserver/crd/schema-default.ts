import { isJsonObject } from '../api/kube-object.js';
import type { JsonSchema } from './schema-types.js';

/**
 * Structural defaulting: for each declared property that is missing (or null while not nullable) the `default`
 * is set; null non-nullable values without a default are dropped. Recurses into values, defaulted ones included.
 */
export function applyDefaults(value: unknown, schema: JsonSchema | undefined): void {
  if (!schema) return;
  if (isJsonObject(value)) {
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      const v = value[key];
      const missing = !(key in value) || (v === null && !prop.nullable);
      if (missing && prop.default !== undefined) value[key] = JSON.parse(JSON.stringify(prop.default));
      else if (v === null && !prop.nullable) delete value[key];
    }
    for (const [key, v] of Object.entries(value)) {
      const prop =
        schema.properties?.[key] ??
        (isJsonObject(schema.additionalProperties) ? schema.additionalProperties : undefined);
      applyDefaults(v, prop);
    }
  } else if (Array.isArray(value) && schema.items) {
    for (const item of value) applyDefaults(item, schema.items);
  }
}
