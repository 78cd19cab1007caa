/**
 * The parts of Go's `encoding/json` and `strconv` output that `rewrite.merge` exposes, so merged
 * values are byte-identical to ESO's: object keys sorted, `<`, `>`, `&` escaped unless disabled,
 * U+2028/U+2029 escaped, and `FormatFloat(x, 'f', -1, 64)` for numbers taken out of JSON.
 */

/** Options of {@link goJsonMarshal}. */
export interface GoJsonOptions {
  /** Escape `<`, `>` and `&` as `\u003c`… (Go's `json.Marshal` default). @default true */
  readonly escapeHtml?: boolean;
}

function goString(text: string, escapeHtml: boolean): string {
  let encoded = JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  if (escapeHtml) {
    encoded = encoded.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  }
  return encoded;
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Marshals a value parsed from JSON the way Go marshals the equivalent `any`. */
export function goJsonMarshal(value: unknown, options: GoJsonOptions = {}): string {
  const escapeHtml = options.escapeHtml ?? true;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value, escapeHtml);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => goJsonMarshal(item, options)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort(byteOrder)
    .map((key) => `${goString(key, escapeHtml)}:${goJsonMarshal(record[key], options)}`);
  return `{${members.join(',')}}`;
}

/** `strconv.FormatFloat(x, 'f', -1, 64)`: the shortest round-tripping digits, never an exponent. */
export function goFormatFloat(x: number): string {
  const text = String(x);
  const exponentAt = text.indexOf('e');
  if (exponentAt < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, exponentAt);
  const exponent = Number(text.slice(exponentAt + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}

/** ESO's `GetByteValue` for a value parsed from JSON: strings raw, numbers as `FormatFloat`, others marshalled. */
export function goByteValue(value: unknown): Uint8Array {
  if (value === null || value === undefined) return new Uint8Array(0);
  if (typeof value === 'string') return new Uint8Array(Buffer.from(value, 'utf8'));
  if (typeof value === 'number') return new Uint8Array(Buffer.from(goFormatFloat(value), 'utf8'));
  if (typeof value === 'boolean') return new Uint8Array(Buffer.from(String(value), 'utf8'));
  return new Uint8Array(Buffer.from(goJsonMarshal(value), 'utf8'));
}
