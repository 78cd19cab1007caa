/** Helpers shared by the function families: Go's reflection-style checks and spf13/cast conversions. */
import { sprint } from '../fmt/printer.js';
import { FuncError } from '../exec/func-spec.js';
import { parseFloat64, parseInt64 } from '../parse/number-literal.js';
import { GoInt, GoMap, GoSlice, type GoValue, isGoObject, kindOf } from '../value/go-value.js';

/** Go type names used in signatures. */
export const S = 'string';
export const I = 'int';
export const I64 = 'int64';
export const F64 = 'float64';
export const B = 'bool';
export const A = 'interface {}';
export const LIST = '[]interface {}';
export const DICT = 'map[string]interface {}';

const INT64_MIN = -(1n << 63n);

/** sprig's strval: strings as-is, Stringers via String(), everything else as %v. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (isGoObject(v) && v.goString) return v.goString();
  return sprint([v]);
}

/** Go's float64 → int64 conversion (out of range and NaN give MinInt64 on amd64). */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 2 ** 63 || f < -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') {
      foundZero = true;
    } else {
      return s;
    }
  }
  return s;
}

/** cast.ToInt64E; undefined where cast reports an error. */
export function castInt64(v: GoValue): bigint | undefined {
  if (v === null) return 0n;
  if (v instanceof GoInt) return BigInt.asIntN(64, v.value);
  switch (typeof v) {
    case 'number':
      return floatToInt64(v);
    case 'boolean':
      return v ? 1n : 0n;
    case 'string':
      return parseInt64(trimZeroDecimal(v));
  }
  return undefined;
}

/** cast.ToInt64 (errors become 0). */
export function toInt64(v: GoValue): bigint {
  return castInt64(v) ?? 0n;
}

/** strconv.ParseFloat(s, 64), including inf/infinity/nan; undefined on error. */
export function parseFloatString(s: string): number | undefined {
  const m = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (m) {
    if (m[2].toLowerCase() === 'nan') return m[1] === '' ? NaN : undefined;
    return m[1] === '-' ? -Infinity : Infinity;
  }
  if (/^[+-]?0[xX]/.test(s) && !/[pP]/.test(s)) return undefined;
  if (/^[+-]?0[bBoO]/.test(s)) return undefined;
  return parseFloat64(s);
}

/** cast.ToFloat64E; undefined where cast reports an error. */
export function castFloat64(v: GoValue): number | undefined {
  if (v === null) return 0;
  if (v instanceof GoInt) return Number(v.value);
  switch (typeof v) {
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return parseFloatString(v);
  }
  return undefined;
}

/** cast.ToFloat64 (errors become 0). */
export function toFloat64(v: GoValue): number {
  return castFloat64(v) ?? 0;
}

/** A Go int of JS value n. */
export function int(n: number | bigint): GoInt {
  return new GoInt('int', typeof n === 'bigint' ? n : BigInt(n));
}

/** A Go int64 of JS value n. */
export function int64(n: number | bigint): GoInt {
  return new GoInt('int64', typeof n === 'bigint' ? n : BigInt(n));
}

/** JS number of a Go int argument. */
export function num(v: GoValue): number {
  return Number((v as GoInt).value);
}

/** Go's reflect Kind name, as sprig's error messages print it (`ptr` for pointers). */
export function kindName(v: GoValue): string {
  return kindOf(v);
}

/**
 * The items of a slice argument, or a FuncError like sprig's "Cannot <op> on type <kind>".
 * A nil argument fails as Go's reflect.TypeOf(nil).Kind() panics.
 */
export function listItems(v: GoValue, op: string): GoValue[] {
  if (v instanceof GoSlice) return v.items;
  if (v === null) throw new FuncError(`cannot ${op} a nil value`);
  throw new FuncError(`Cannot ${op} on type ${kindName(v)}`);
}

/** sprig's empty: nil, zero numbers, false, and empty strings, slices and maps. */
export function isEmpty(v: GoValue): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case 'string':
      return v.length === 0;
    case 'boolean':
      return !v;
    case 'number':
      return v === 0;
  }
  if (v instanceof GoInt) return v.value === 0n;
  if (v instanceof GoSlice) return v.items.length === 0;
  if (v instanceof GoMap) return v.entries.size === 0;
  return false;
}

/** reflect.DeepEqual over engine values. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof GoInt) return b instanceof GoInt && a.type === b.type && a.value === b.value;
  if (a instanceof GoSlice) {
    return (
      b instanceof GoSlice &&
      a.elemType === b.elemType &&
      a.items.length === b.items.length &&
      a.items.every((x, i) => deepEqual(x, b.items[i]))
    );
  }
  if (a instanceof GoMap) {
    if (!(b instanceof GoMap) || a.elemType !== b.elemType || a.entries.size !== b.entries.size) return false;
    for (const [k, v] of a.entries) {
      const w = b.entries.get(k);
      if (w === undefined || !deepEqual(v, w)) return false;
    }
    return true;
  }
  if (isGoObject(a) && isGoObject(b)) return a.goType === b.goType && (a.equals ? a.equals(b) : false);
  return false;
}

/** A []string GoSlice. */
export function strings(items: string[]): GoSlice {
  return new GoSlice('string', items);
}

/** A []interface{} GoSlice. */
export function list(items: GoValue[]): GoSlice {
  return new GoSlice('interface {}', items);
}

/** A map[string]string GoMap. */
export function stringMap(entries: Map<string, GoValue>): GoMap {
  return new GoMap('string', entries);
}

/** A map[string]interface{} GoMap. */
export function dict(entries: Map<string, GoValue> = new Map()): GoMap {
  return new GoMap('interface {}', entries);
}
