/** Go strconv quoting and unquoting on byte strings (see text/bytes.ts). */
import { RUNE_ERROR, decodeRune, encodeRune } from './bytes.js';
import { isPrint } from './unicode.js';

const HEX = '0123456789abcdef';

/** Thrown when a Go literal cannot be unquoted (strconv.ErrSyntax). */
export class SyntaxError_ extends Error {}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/**
 * strconv.UnquoteChar: decodes the first character or escape of `s`.
 * Returns [rune, multibyte, rest].
 */
export function unquoteChar(s: string, quote: number): [number, boolean, string] {
  const c = s.charCodeAt(0);
  if (c === quote && (quote === 0x27 || quote === 0x22)) throw new SyntaxError_();
  if (c >= 0x80) {
    const [r, w] = decodeRune(s, 0);
    return [r, true, s.slice(w)];
  }
  if (c !== 0x5c) return [c, false, s.slice(1)];
  if (s.length <= 1) throw new SyntaxError_();
  const e = s[1];
  let rest = s.slice(2);
  switch (e) {
    case 'a':
      return [7, false, rest];
    case 'b':
      return [8, false, rest];
    case 'f':
      return [12, false, rest];
    case 'n':
      return [10, false, rest];
    case 'r':
      return [13, false, rest];
    case 't':
      return [9, false, rest];
    case 'v':
      return [11, false, rest];
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      if (rest.length < n) throw new SyntaxError_();
      let v = 0;
      for (let j = 0; j < n; j++) {
        const x = hexVal(rest.charCodeAt(j));
        if (x < 0) throw new SyntaxError_();
        v = v * 16 + x;
      }
      rest = rest.slice(n);
      if (e === 'x') return [v, false, rest];
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError_();
      return [v, true, rest];
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      let v = e.charCodeAt(0) - 0x30;
      if (rest.length < 2) throw new SyntaxError_();
      for (let j = 0; j < 2; j++) {
        const x = rest.charCodeAt(j) - 0x30;
        if (x < 0 || x > 7) throw new SyntaxError_();
        v = v * 8 + x;
      }
      if (v > 255) throw new SyntaxError_();
      return [v, false, rest.slice(2)];
    }
    case '\\':
      return [0x5c, false, rest];
    case "'":
    case '"':
      if (e.charCodeAt(0) !== quote) throw new SyntaxError_();
      return [e.charCodeAt(0), false, rest];
    default:
      throw new SyntaxError_();
  }
}

/** strconv.Unquote for "…", `…` and '…' literals; throws SyntaxError_ on malformed input. */
export function unquote(lit: string): string {
  if (lit.length < 2) throw new SyntaxError_();
  const q = lit.charCodeAt(0);
  if (q !== lit.charCodeAt(lit.length - 1)) throw new SyntaxError_();
  const body = lit.slice(1, -1);
  if (q === 0x60) {
    if (body.includes('`')) throw new SyntaxError_();
    return body.replace(/\r/g, '');
  }
  if (q !== 0x22 && q !== 0x27) throw new SyntaxError_();
  if (body.includes('\n')) throw new SyntaxError_();
  let out = '';
  let rest = body;
  let count = 0;
  while (rest.length > 0) {
    const [r, multibyte, next] = unquoteChar(rest, q);
    out += r < 0x80 || !multibyte ? String.fromCharCode(r) : encodeRune(r);
    rest = next;
    count++;
    if (q === 0x27 && rest.length > 0) throw new SyntaxError_();
  }
  if (q === 0x27 && count !== 1) throw new SyntaxError_();
  return out;
}

function appendEscapedRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return '\\' + String.fromCharCode(r);
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r)) {
    return encodeRune(r);
  }
  switch (r) {
    case 7:
      return '\\a';
    case 8:
      return '\\b';
    case 12:
      return '\\f';
    case 10:
      return '\\n';
    case 13:
      return '\\r';
    case 9:
      return '\\t';
    case 11:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + HEX[r >> 4] + HEX[r & 0xf];
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = RUNE_ERROR;
  if (r < 0x10000) return '\\u' + r.toString(16).padStart(4, '0');
  return '\\U' + r.toString(16).padStart(8, '0');
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  let out = String.fromCharCode(quote);
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out += appendEscapedRune(c, quote, asciiOnly);
      i++;
      continue;
    }
    const [r, w] = decodeRune(s, i);
    if (w === 1 && r === RUNE_ERROR) {
      out += '\\x' + HEX[c >> 4] + HEX[c & 0xf];
    } else {
      out += appendEscapedRune(r, quote, asciiOnly);
    }
    i += w;
  }
  return out + String.fromCharCode(quote);
}

/** strconv.Quote */
export function quote(s: string): string {
  return quoteWith(s, 0x22, false);
}

/** strconv.QuoteToASCII */
export function quoteToAscii(s: string): string {
  return quoteWith(s, 0x22, true);
}

/** strconv.QuoteRune (and QuoteRuneToASCII when asciiOnly). */
export function quoteRune(r: number, asciiOnly = false): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = RUNE_ERROR;
  return "'" + appendEscapedRune(r, 0x27, asciiOnly) + "'";
}

/** strconv.CanBackquote */
export function canBackquote(s: string): boolean {
  for (let i = 0; i < s.length;) {
    const [r, w] = decodeRune(s, i);
    i += w;
    if (w > 1) {
      if (r === 0xfeff) return false;
      continue;
    }
    if (r === RUNE_ERROR) return false;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}
