import { isJsonObject, type JsonObject } from '../api/kube-object.js';
import { listStrategy, type ListStrategy } from './strategic-merge-keys.js';

const DELETE = Symbol('delete');

function isDirectiveKey(key: string): boolean {
  return (
    key === '$patch' ||
    key === '$retainKeys' ||
    key.startsWith('$setElementOrder/') ||
    key.startsWith('$deleteFromPrimitiveList/')
  );
}

/** Removes directive keys everywhere so they are never stored. */
function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value))
    return value
      .filter((v) => !(isJsonObject(v) && v.$patch !== undefined && Object.keys(v).length === 1))
      .map(stripDirectives);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (!isDirectiveKey(k)) out[k] = stripDirectives(v);
  return out;
}

function reorder(list: unknown, order: unknown, mergeKey: string | undefined): unknown {
  if (!Array.isArray(list) || !Array.isArray(order)) return list;
  const keyOf = (v: unknown): unknown => (mergeKey && isJsonObject(v) ? v[mergeKey] : v);
  const wanted = order.map(keyOf);
  const rank = (v: unknown): number => {
    const i = wanted.indexOf(keyOf(v));
    return i < 0 ? wanted.length : i;
  };
  return [...list].sort((a, b) => rank(a) - rank(b));
}

function mergePrimitiveSet(target: unknown, patch: unknown[]): unknown[] {
  const out = Array.isArray(target) ? [...target] : [];
  for (const v of patch) if (!out.includes(v)) out.push(v);
  return out;
}

function mergeKeyedList(
  kind: string,
  path: string,
  target: unknown,
  patch: unknown[],
  mergeKey: string,
): unknown[] {
  const out: unknown[] = Array.isArray(target) ? [...target] : [];
  for (const element of patch) {
    if (!isJsonObject(element)) {
      out.push(element);
      continue;
    }
    const idx = out.findIndex((x) => isJsonObject(x) && x[mergeKey] === element[mergeKey]);
    if (element.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    const merged = mergeObject(kind, `${path}[]`, idx >= 0 ? out[idx] : undefined, element);
    if (merged === DELETE) continue;
    if (idx >= 0) out[idx] = merged;
    else out.push(merged);
  }
  return out;
}

function mergeList(
  kind: string,
  path: string,
  target: unknown,
  patch: unknown[],
  strategy: ListStrategy,
): unknown[] {
  if (patch.some((e) => isJsonObject(e) && e.$patch === 'replace'))
    return stripDirectives(patch) as unknown[];
  return strategy.mergeKey
    ? mergeKeyedList(kind, path, target, patch, strategy.mergeKey)
    : mergePrimitiveSet(target, patch);
}

function applyListDirectives(kind: string, path: string, out: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field]) && Array.isArray(value))
        out[field] = (out[field] as unknown[]).filter((v) => !value.includes(v));
    } else if (key.startsWith('$setElementOrder/')) {
      const field = key.slice('$setElementOrder/'.length);
      out[field] = reorder(
        out[field],
        value,
        listStrategy(kind, path ? `${path}.${field}` : field)?.mergeKey,
      );
    }
  }
}

function mergeObject(
  kind: string,
  path: string,
  target: unknown,
  patch: JsonObject,
): JsonObject | typeof DELETE {
  if (patch.$patch === 'delete') return DELETE;
  if (patch.$patch === 'replace') return stripDirectives(patch) as JsonObject;
  const out: JsonObject = isJsonObject(target) ? { ...target } : {};
  if (Array.isArray(patch.$retainKeys))
    for (const k of Object.keys(out)) if (!patch.$retainKeys.includes(k)) delete out[k];
  for (const [key, value] of Object.entries(patch)) {
    if (isDirectiveKey(key)) continue;
    const childPath = path ? `${path}.${key}` : key;
    if (value === null) delete out[key];
    else if (Array.isArray(value)) {
      const strategy = listStrategy(kind, childPath);
      out[key] = strategy ? mergeList(kind, childPath, out[key], value, strategy) : stripDirectives(value);
    } else if (isJsonObject(value)) {
      const merged = mergeObject(kind, childPath, out[key], value);
      if (merged === DELETE) delete out[key];
      else out[key] = merged;
    } else out[key] = value;
  }
  applyListDirectives(kind, path, out, patch);
  return out;
}

/**
 * Strategic merge patch for built-in kinds: merge patch plus per-field list strategies (merge by key, primitive
 * sets) and the `$patch`, `$retainKeys`, `$setElementOrder/…` and `$deleteFromPrimitiveList/…` directives.
 */
export function applyStrategicMergePatch(kind: string, target: unknown, patch: JsonObject): JsonObject {
  const merged = mergeObject(kind, '', target, patch);
  return merged === DELETE ? {} : merged;
}
