import { isJsonObject, type JsonObject } from '../api/kube-object.js';

/**
 * RFC 7386 JSON merge patch: objects merge recursively, `null` deletes a key, anything else (arrays included)
 * replaces the target value. Returns a new value; inputs are not mutated.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const out: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}
