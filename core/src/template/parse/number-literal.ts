/**
 * Go number literal semantics for template constants (strconv.ParseInt/ParseUint/ParseFloat with
 * base 0, and text/template/parse newNumber): base prefixes, legacy octal, underscores, hex floats.
 */
import { unquoteChar } from '../text/quote.js';

/** A parsed numeric constant, as text/template's NumberNode. */
export interface NumberValue {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

function lower(c: string): string {
  return c.toLowerCase();
}

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
export function underscoreOK(text: string): boolean {
  let saw = '^';
  let s = text;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let i = 0;
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]))) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64); undefined on error. */
export function parseUint(s: string): bigint | undefined {
  if (s === '') return undefined;
  let base = 10;
  let body = s;
  if (s[0] === '0') {
    if (s.length >= 3 && lower(s[1]) === 'b') {
      base = 2;
      body = s.slice(2);
    } else if (s.length >= 3 && lower(s[1]) === 'o') {
      base = 8;
      body = s.slice(2);
    } else if (s.length >= 3 && lower(s[1]) === 'x') {
      base = 16;
      body = s.slice(2);
    } else {
      base = 8;
      body = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  const b = BigInt(base);
  for (const c of body) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * b + BigInt(d);
    if (n > UINT64_MAX) return undefined;
  }
  if (underscores && !underscoreOK(s)) return undefined;
  return n;
}

/** strconv.ParseInt(s, 0, 64); undefined on error. */
export function parseInt64(s: string): bigint | undefined {
  if (s === '') return undefined;
  let neg = false;
  let body = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  const u = parseUint(body);
  if (u === undefined) return undefined;
  const v = neg ? -u : u;
  if (v < INT64_MIN || v > INT64_MAX) return undefined;
  return v;
}

const DEC_FLOAT = /^[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?$/;
const HEX_FLOAT = /^0[xX]([0-9a-fA-F_]*)(\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/;

/** strconv.ParseFloat(s, 64) for Go literal syntax; undefined on error or overflow. */
export function parseFloat64(s: string): number | undefined {
  let neg = false;
  let body = s;
  if (body[0] === '+' || body[0] === '-') {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  if (body.includes('_') && !underscoreOK(body)) return undefined;
  let v: number;
  const hex = HEX_FLOAT.exec(body);
  if (hex) {
    const intPart = hex[1].replace(/_/g, '');
    const frac = (hex[3] ?? '').replace(/_/g, '');
    if (intPart === '' && frac === '') return undefined;
    const mant = BigInt('0x' + (intPart + frac || '0'));
    const exp = Number(hex[4].replace(/_/g, '')) - 4 * frac.length;
    v = Number(mant) * 2 ** exp;
  } else {
    if (!DEC_FLOAT.test(body) || !/[0-9]/.test(body.split(/[eE]/)[0])) return undefined;
    v = Number(body.replace(/_/g, ''));
  }
  if (!Number.isFinite(v)) return undefined;
  return neg ? -v : v;
}

/** Thrown for malformed number literals; the message is safe to show. */
export class NumberSyntaxError extends Error {}

/** text/template/parse newNumber for number and character constants. */
export function parseNumber(text: string, isChar: boolean, isComplex: boolean): NumberValue {
  const n: NumberValue = {
    isInt: false,
    isUint: false,
    isFloat: false,
    isComplex: false,
    int64: 0n,
    uint64: 0n,
    float64: 0,
  };
  if (isChar) {
    let r: number;
    let rest: string;
    try {
      [r, , rest] = unquoteChar(text.slice(1), text.charCodeAt(0));
    } catch {
      throw new NumberSyntaxError(`malformed character constant: ${text}`);
    }
    if (rest !== "'") throw new NumberSyntaxError(`malformed character constant: ${text}`);
    return {
      ...n,
      isInt: true,
      isUint: true,
      isFloat: true,
      int64: BigInt(r),
      uint64: BigInt(r),
      float64: r,
    };
  }
  if (isComplex || text.endsWith('i')) {
    throw new NumberSyntaxError(`complex number constants are not supported: ${text}`);
  }
  const u = parseUint(text);
  if (u !== undefined) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseInt64(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true;
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseFloat64(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) throw new NumberSyntaxError(`integer overflow: ${text}`);
      n.isFloat = true;
      n.float64 = f;
      if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new NumberSyntaxError(`illegal number syntax: ${text}`);
  return n;
}
