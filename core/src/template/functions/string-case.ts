/**
 * Word-case conversions of huandu/xstrings (the version sprig 3.2 uses): ToCamelCase (sprig's
 * `camelcase`, which produces PascalCase), ToSnakeCase and ToKebabCase, plus goutils' SwapCase,
 * Initials, Uncapitalize and DeleteWhiteSpace. All operate on byte strings.
 */
import { RUNE_ERROR, decodeRune, encodeRune } from '../text/bytes.js';
import {
  isLetter,
  isLower,
  isNumber,
  isPunct,
  isSpace,
  isTitle,
  isUpper,
  toLower,
  toTitle,
  toUpper,
} from '../text/unicode.js';

function isConnector(r: number): boolean {
  return r === 0x2d || r === 0x5f || isSpace(r);
}

function isAlphabet(r: number): boolean {
  if (!isLetter(r)) return false;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  if (r >= 0x20000 && r <= 0x2b81d) return false;
  return true;
}

/** xstrings.ToCamelCase (upper camel case). */
export function toCamelCase(str: string): string {
  if (str.length === 0) return '';
  let out = '';
  let i = 0;
  let r0 = 0;
  let size = 0;
  while (i < str.length) {
    [r0, size] = decodeRune(str, i);
    i += size;
    if (!isConnector(r0)) {
      r0 = toUpper(r0);
      break;
    }
    out += encodeRune(r0);
  }
  if (i >= str.length) {
    if (size !== 0) out += encodeRune(r0);
    return out;
  }
  while (i < str.length) {
    const r1 = r0;
    [r0, size] = decodeRune(str, i);
    i += size;
    if (isConnector(r0) && isConnector(r1)) {
      out += encodeRune(r1);
      continue;
    }
    if (isConnector(r1)) {
      r0 = toUpper(r0);
    } else {
      r0 = toLower(r0);
      out += encodeRune(r1);
    }
  }
  return out + encodeRune(r0);
}

const enum W {
  Invalid,
  Number,
  Upper,
  Alphabet,
  Connector,
  Punct,
  Other,
}

type Word = [W, string, string];

function nextValidRune(s: string, at: number, prev: number): [number, number] {
  let size = 0;
  let i = at;
  while (i < s.length) {
    const [r, sz] = decodeRune(s, i);
    size += sz;
    if (r !== RUNE_ERROR) return [r, size];
    i += sz;
  }
  return [prev, size];
}

function scanWhile(str: string, offset: number, r: number, keep: (r: number) => boolean): [number, number] {
  let off = offset;
  for (;;) {
    if (off >= str.length) return [off, r];
    const [nr, size] = nextValidRune(str, off, r);
    r = nr;
    if (!keep(r)) return [off, r];
    off += size;
  }
}

function nextWord(str: string): Word {
  if (str.length === 0) return [W.Invalid, '', ''];
  const [r, size] = nextValidRune(str, 0, RUNE_ERROR);
  if (r === RUNE_ERROR) return [W.Invalid, str.slice(0, size), str.slice(size)];
  let off = size;
  let type: W;
  if (isConnector(r)) {
    type = W.Connector;
    [off] = scanWhile(str, off, r, isConnector);
  } else if (isPunct(r)) {
    type = W.Punct;
    [off] = scanWhile(str, off, r, isPunct);
  } else if (isUpper(r)) {
    type = W.Upper;
    off = scanUpperWord(str, off, r);
  } else if (isAlphabet(r)) {
    type = W.Alphabet;
    [off] = scanWhile(str, off, r, (x) => isAlphabet(x) && !isUpper(x));
  } else if (isNumber(r)) {
    type = W.Number;
    [off] = scanWhile(str, off, r, isNumber);
  } else {
    type = W.Other;
    [off] = scanWhile(str, off, r, (x) => !(isConnector(x) || isAlphabet(x) || isNumber(x) || isPunct(x)));
  }
  return [type, str.slice(0, off), str.slice(off)];
}

function scanUpperWord(str: string, off: number, r: number): number {
  if (off >= str.length) return off;
  const [r1, size1] = nextValidRune(str, off, r);
  if (isUpper(r1)) {
    let prevSize = size1;
    off += size1;
    let cur = r1;
    while (off < str.length) {
      const [nr, size] = nextValidRune(str, off, cur);
      cur = nr;
      if (!isUpper(cur)) break;
      prevSize = size;
      off += size;
    }
    if (off < str.length && isAlphabet(cur)) off -= prevSize;
    return off;
  }
  if (isAlphabet(r1)) {
    const [end] = scanWhile(str, off + size1, r1, (x) => isAlphabet(x) && !isUpper(x));
    return end;
  }
  return off;
}

function lowerWord(type: W, word: string, connector: string): string {
  if (type !== W.Upper && type !== W.Connector) return word;
  let out = '';
  for (let i = 0; i < word.length;) {
    const [r, size] = decodeRune(word, i);
    i += size;
    if (isConnector(r)) out += connector;
    else out += encodeRune(isUpper(r) ? toLower(r) : r);
  }
  return out;
}

/** xstrings' camelCaseToLowerCase, behind ToSnakeCase and ToKebabCase. */
export function camelCaseToLowerCase(str: string, connector: string): string {
  if (str.length === 0) return '';
  let out = '';
  let [wt, word, remaining] = nextWord(str);
  const isBoundary = (t: W): boolean => t !== W.Invalid && t !== W.Punct && t !== W.Connector;
  while (remaining.length > 0) {
    if (wt !== W.Connector) out += lowerWord(wt, word, connector);
    const prev = wt;
    const last = word;
    [wt, word, remaining] = nextWord(remaining);
    if (prev === W.Number) {
      while (wt === W.Alphabet || wt === W.Number) {
        out += lowerWord(wt, word, connector);
        [wt, word, remaining] = nextWord(remaining);
      }
      if (isBoundary(wt)) out += connector;
    } else if (prev === W.Connector) {
      out += lowerWord(prev, last, connector);
    } else if (prev !== W.Punct) {
      if (wt !== W.Number) {
        if (wt !== W.Connector && wt !== W.Punct) out += connector;
        continue;
      }
      if (remaining.length === 0) continue;
      const numberWord = word;
      [wt, word, remaining] = nextWord(remaining);
      if (wt !== W.Alphabet) {
        out += lowerWord(W.Number, numberWord, connector);
        if (wt !== W.Connector && wt !== W.Punct) out += connector;
        continue;
      }
      out += connector + lowerWord(W.Number, numberWord, connector);
      while (wt === W.Alphabet || wt === W.Number) {
        out += lowerWord(wt, word, connector);
        [wt, word, remaining] = nextWord(remaining);
      }
      if (isBoundary(wt)) out += connector;
    }
  }
  return out + lowerWord(wt, word, connector);
}

function mapRuneArray(str: string, f: (r: number, i: number, state: { flag: boolean }) => number): string {
  const state = { flag: true };
  let out = '';
  let i = 0;
  for (let p = 0; p < str.length; i++) {
    const [r, size] = decodeRune(str, p);
    p += size;
    out += encodeRune(f(r, i, state));
  }
  return out;
}

/** goutils.SwapCase (word-based: a lower-case letter after white space becomes title case). */
export function swapCase(str: string): string {
  if (str === '') return str;
  return mapRuneArray(str, (r, _i, st) => {
    if (isUpper(r) || isTitle(r)) {
      st.flag = false;
      return toLower(r);
    }
    if (isLower(r)) {
      if (st.flag) {
        st.flag = false;
        return toTitle(r);
      }
      return toUpper(r);
    }
    st.flag = isSpace(r);
    return r;
  });
}

/** goutils.Uncapitalize: lower-cases the first letter of each white-space separated word. */
export function uncapitalize(str: string): string {
  if (str === '') return str;
  return mapRuneArray(str, (r, _i, st) => {
    if (isSpace(r)) {
      st.flag = true;
      return r;
    }
    if (st.flag) {
      st.flag = false;
      return toLower(r);
    }
    return r;
  });
}

/** goutils.Initials (byte-wise, as the Go code is). */
export function initials(str: string): string {
  let out = '';
  let lastWasGap = true;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    if (isSpace(ch)) lastWasGap = true;
    else if (lastWasGap) {
      out += encodeRune(ch);
      lastWasGap = false;
    }
  }
  return out;
}

/** goutils.DeleteWhiteSpace (byte-wise, as the Go code is). */
export function deleteWhiteSpace(str: string): string {
  let out = '';
  let count = 0;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    if (!isSpace(ch)) {
      out += encodeRune(ch);
      count++;
    }
  }
  return count === str.length ? str : out;
}
