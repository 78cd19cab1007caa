/**
 * The engine's model of Go values. Go's static types matter to templates (which function
 * arguments are accepted, `%T`, `typeOf`, comparison rules, int versus float formatting), so
 * every value knows its Go type:
 *
 * | Go                         | TypeScript                                   |
 * |----------------------------|----------------------------------------------|
 * | nil / invalid              | `null`                                       |
 * | string                     | JS byte string (text/bytes.ts)               |
 * | bool                       | `boolean`                                    |
 * | float64                    | `number`                                     |
 * | int, int64, uint8, …       | {@link GoInt}                                |
 * | []T                        | {@link GoSlice}                              |
 * | map[string]T               | {@link GoMap}                                |
 * | structs and pointers       | {@link GoObject} (time.Time, *semver.Version) |
 */

/** Names of the Go integer types the engine produces. */
export type IntType =
  'int' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

const BITS: Record<IntType, number> = {
  int: 64,
  int8: 8,
  int16: 16,
  int32: 32,
  int64: 64,
  uint: 64,
  uint8: 8,
  uint16: 16,
  uint32: 32,
  uint64: 64,
};

/** A Go integer of a given type; the value wraps like Go's on overflow. */
export class GoInt {
  readonly value: bigint;
  constructor(
    readonly type: IntType,
    value: bigint,
  ) {
    const bits = BITS[type];
    this.value = type.startsWith('u') ? BigInt.asUintN(bits, value) : BigInt.asIntN(bits, value);
  }

  /** True for the unsigned types. */
  get unsigned(): boolean {
    return this.type.startsWith('u');
  }

  /** The value as a JS number (may lose precision beyond 2^53). */
  toNumber(): number {
    return Number(this.value);
  }
}

/** Shorthand for a Go `int`. */
export function goInt(n: number | bigint): GoInt {
  return new GoInt('int', typeof n === 'bigint' ? n : BigInt(Math.trunc(n)));
}

/** Shorthand for a Go `int64`. */
export function goInt64(n: number | bigint): GoInt {
  return new GoInt('int64', typeof n === 'bigint' ? n : BigInt(Math.trunc(n)));
}

/** A Go slice `[]elemType`; items are shared, not copied. */
export class GoSlice {
  constructor(
    readonly elemType: string,
    readonly items: GoValue[],
  ) {}

  get goType(): string {
    return `[]${this.elemType}`;
  }
}

/** A Go map with string keys, `map[string]elemType`. Iteration order is applied by readers. */
export class GoMap {
  constructor(
    readonly elemType: string,
    readonly entries: Map<string, GoValue>,
  ) {}

  get goType(): string {
    return `map[string]${this.elemType}`;
  }

  /** Keys in Go's sorted order (byte-wise, as byte strings compare). */
  sortedKeys(): string[] {
    return [...this.entries.keys()].sort(compareBytes);
  }
}

/** A method callable from a template (`.Method args`). */
export interface GoMethod {
  readonly params: readonly string[];
  readonly variadic?: string;
  readonly call: (args: GoValue[]) => GoValue;
}

/** A Go struct or pointer exposing fields and methods to templates. */
export interface GoObject {
  readonly goType: string;
  readonly goKind: 'struct' | 'ptr';
  /** Exported fields, in declaration order (used by field access and %v). */
  field?(name: string): GoValue | undefined;
  fieldNames?(): readonly string[];
  method?(name: string): GoMethod | undefined;
  /** fmt.Stringer: when present, %v/%s print this. */
  goString?(): string;
  /** Go `==` on comparable structs. */
  equals?(other: GoObject): boolean;
}

/** Any value the engine handles. */
export type GoValue = null | string | boolean | number | GoInt | GoSlice | GoMap | GoObject;

/** Compares byte strings in Go's byte order. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the value is a GoObject (struct or pointer). */
export function isGoObject(v: GoValue): v is GoObject {
  return (
    typeof v === 'object' &&
    v !== null &&
    !(v instanceof GoInt) &&
    !(v instanceof GoSlice) &&
    !(v instanceof GoMap)
  );
}

/** Go's static type name of a value, as `%T` prints it. */
export function typeOf(v: GoValue): string {
  if (v === null) return '<nil>';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoInt) return v.type;
  if (v instanceof GoSlice || v instanceof GoMap) return v.goType;
  return v.goType;
}

/** Go's reflect.Kind name of a value (`kindOf`). */
export function kindOf(v: GoValue): string {
  if (v === null) return 'invalid';
  if (v instanceof GoSlice) return 'slice';
  if (v instanceof GoMap) return 'map';
  if (isGoObject(v)) return v.goKind;
  return typeOf(v);
}

/** Go template truthiness (`isTrue`); objects are always true. */
export function isTrue(v: GoValue): boolean {
  if (v === null) return false;
  switch (typeof v) {
    case 'string':
      return v.length > 0;
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
  }
  if (v instanceof GoInt) return v.value !== 0n;
  if (v instanceof GoSlice) return v.items.length > 0;
  if (v instanceof GoMap) return v.entries.size > 0;
  return true;
}

/** The zero value of a Go type name (for `index` on a missing map key and similar). */
export function zeroValue(type: string): GoValue {
  switch (type) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'float64':
    case 'float32':
      return 0;
    case 'int':
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
    case 'uint':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
      return new GoInt(type, 0n);
  }
  return null;
}

/** True when `nil` may be assigned to the type (interfaces, maps, slices, pointers). */
export function canBeNil(type: string): boolean {
  return (
    type === 'interface {}' ||
    type === 'reflect.Value' ||
    type.startsWith('[]') ||
    type.startsWith('map[') ||
    type.startsWith('*')
  );
}

/** A Go []interface{} built from items. */
export function anySlice(items: GoValue[]): GoSlice {
  return new GoSlice('interface {}', items);
}

/** A Go []string built from byte strings. */
export function stringSlice(items: string[]): GoSlice {
  return new GoSlice('string', items);
}

/** A Go map[string]interface{} built from entries. */
export function anyMap(entries: Map<string, GoValue> = new Map()): GoMap {
  return new GoMap('interface {}', entries);
}
