/** Conversion between plain JS data and engine values (Go's encoding/json model for nesting). */
import { bufferToBytes, bytesToUtf8, utf8ToBytes } from '../text/bytes.js';
import { GoInt, GoMap, GoSlice, type GoValue, anyMap, anySlice, isGoObject } from './go-value.js';

function isBytes(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isBytes(v) && !(v instanceof Map);
}

function isEngineValue(v: unknown): v is GoValue {
  return (
    v instanceof GoInt ||
    v instanceof GoSlice ||
    v instanceof GoMap ||
    (typeof v === 'object' && v !== null && 'goKind' in v)
  );
}

/**
 * Converts nested JS data the way Go's encoding/json decodes into `interface{}`: objects and Maps
 * become map[string]interface{}, arrays []interface{}, numbers float64, strings and Uint8Arrays
 * strings, null/undefined nil, bigint int64. Engine values pass through.
 */
export function toGoValue(v: unknown): GoValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
      return utf8ToBytes(v);
    case 'number':
      return v;
    case 'boolean':
      return v;
    case 'bigint':
      return new GoInt('int64', v);
  }
  if (isEngineValue(v)) return v;
  if (isBytes(v)) return bufferToBytes(v);
  if (Array.isArray(v)) return anySlice(v.map(toGoValue));
  const entries = new Map<string, GoValue>();
  const source = v instanceof Map ? [...v.entries()] : Object.entries(v as object);
  for (const [k, item] of source) entries.set(utf8ToBytes(String(k)), toGoValue(item));
  return anyMap(entries);
}

/**
 * Converts template data. ESO's context is a `map[string]string` (Secret key → value), so a
 * top-level object whose values are all strings or byte arrays becomes map[string]string; any
 * other value is converted with {@link toGoValue}.
 */
export function toTemplateData(data: unknown): GoValue {
  if ((isPlainObject(data) || data instanceof Map) && !isEngineValue(data)) {
    const source = data instanceof Map ? [...data.entries()] : Object.entries(data);
    if (source.every(([, item]) => typeof item === 'string' || isBytes(item))) {
      const entries = new Map<string, GoValue>();
      for (const [k, item] of source) {
        entries.set(
          utf8ToBytes(String(k)),
          typeof item === 'string' ? utf8ToBytes(item) : bufferToBytes(item as Uint8Array),
        );
      }
      return new GoMap('string', entries);
    }
  }
  return toGoValue(data);
}

/** Converts an engine value back to plain JS (strings decoded as UTF-8, ints as numbers or bigints). */
export function fromGoValue(v: GoValue): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return v;
  if (typeof v === 'string') return bytesToUtf8(v);
  if (v instanceof GoInt) {
    const n = Number(v.value);
    return Number.isSafeInteger(n) ? n : v.value;
  }
  if (v instanceof GoSlice) return v.items.map(fromGoValue);
  if (v instanceof GoMap) {
    const out: Record<string, unknown> = {};
    for (const k of v.sortedKeys()) out[bytesToUtf8(k)] = fromGoValue(v.entries.get(k) ?? null);
    return out;
  }
  if (isGoObject(v) && v.goString) return bytesToUtf8(v.goString());
  return v;
}
