/** encoding/json Marshal/MarshalIndent/Unmarshal(interface{}) over engine values. */
import { FuncError } from '../exec/func-spec.js';
import { RUNE_ERROR, bytesToUtf8, decodeRune, encodeRune } from '../text/bytes.js';
import { GoInt, GoMap, GoSlice, type GoValue, isGoObject } from '../value/go-value.js';
import { toGoValue } from '../value/convert.js';

const HEX = '0123456789abcdef';

/** JSON string encoding of a byte string (invalid UTF-8 becomes U+FFFD, as Go does). */
export function jsonString(s: string, escapeHtml: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      i++;
      if (c === 0x22) out += '\\"';
      else if (c === 0x5c) out += '\\\\';
      else if (c === 0x0a) out += '\\n';
      else if (c === 0x0d) out += '\\r';
      else if (c === 0x09) out += '\\t';
      else if (c === 0x08) out += '\\b';
      else if (c === 0x0c) out += '\\f';
      else if (c < 0x20 || (escapeHtml && (c === 0x3c || c === 0x3e || c === 0x26)))
        out += '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
      else out += s[i - 1];
      continue;
    }
    const [r, w] = decodeRune(s, i);
    i += w;
    if (r === RUNE_ERROR && w === 1) out += '\\ufffd';
    else if (r === 0x2028 || r === 0x2029) out += '\\u202' + (r & 0xf);
    else out += encodeRune(r);
  }
  return out + '"';
}

function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new FuncError('json: unsupported value (NaN or infinity)');
  if (Object.is(f, -0)) return '-0';
  return String(f);
}

/** Go's json.Marshal; `indent` gives MarshalIndent(v, "", indent). */
export function marshal(v: GoValue, opts: { escapeHtml: boolean; indent?: string }, depth = 0): string {
  const nl = opts.indent === undefined ? '' : '\n' + opts.indent.repeat(depth + 1);
  const close = opts.indent === undefined ? '' : '\n' + opts.indent.repeat(depth);
  const colon = opts.indent === undefined ? ':' : ': ';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return jsonString(v, opts.escapeHtml);
    case 'boolean':
      return String(v);
    case 'number':
      return jsonFloat(v);
  }
  if (v instanceof GoInt) return v.value.toString();
  if (v instanceof GoSlice) {
    if (v.items.length === 0) return '[]';
    return '[' + v.items.map((x) => nl + marshal(x, opts, depth + 1)).join(',') + close + ']';
  }
  if (v instanceof GoMap) {
    const keys = v.sortedKeys();
    if (keys.length === 0) return '{}';
    return (
      '{' +
      keys
        .map(
          (k) =>
            nl + jsonString(k, opts.escapeHtml) + colon + marshal(v.entries.get(k) ?? null, opts, depth + 1),
        )
        .join(',') +
      close +
      '}'
    );
  }
  if (isGoObject(v)) {
    if (v.goString && (v.goType === 'time.Time' || v.goType === '*semver.Version'))
      return jsonString(jsonTextOf(v), opts.escapeHtml);
    const names = v.fieldNames?.() ?? [];
    if (names.length === 0) return '{}';
    return (
      '{' +
      names
        .map(
          (n) => nl + jsonString(n, opts.escapeHtml) + colon + marshal(v.field?.(n) ?? null, opts, depth + 1),
        )
        .join(',') +
      close +
      '}'
    );
  }
  throw new FuncError('json: unsupported type');
}

function jsonTextOf(v: GoValue): string {
  const o = v as { jsonText?: () => string; goString?: () => string };
  return o.jsonText ? o.jsonText() : (o.goString?.() ?? '');
}

/**
 * json.Unmarshal into interface{}. Invalid JSON gives nil; numbers beyond float64 become nil
 * (Go records an error but keeps decoding). `ok` is false in both cases.
 */
export function unmarshal(text: string): { value: GoValue; ok: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytesToUtf8(text));
  } catch {
    return { value: null, ok: false };
  }
  const state = { ok: true };
  const value = toGoValue(dropNonFinite(parsed, state));
  return { value, ok: state.ok };
}

function dropNonFinite(v: unknown, state: { ok: boolean }): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    state.ok = false;
    return null;
  }
  if (Array.isArray(v)) return v.map((x) => dropNonFinite(x, state));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dropNonFinite(x, state)]));
  return v;
}
