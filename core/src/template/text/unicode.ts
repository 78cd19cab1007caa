/**
 * Go `unicode` package predicates and simple case mappings on runes (code points), built on
 * JS Unicode property escapes. Node's Unicode version is newer than Go 1.19's; the difference only
 * shows for code points assigned after Unicode 13.
 */

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const NUMBER = /^\p{N}$/u;
const GRAPHIC = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const TITLE = /^\p{Lt}$/u;
const PUNCT = /^\p{P}$/u;
const MARK = /^\p{M}$/u;
const SYMBOL = /^\p{S}$/u;
const ZS = /^\p{Zs}$/u;

function test(re: RegExp, r: number): boolean {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  return re.test(String.fromCodePoint(r));
}

/** unicode.IsLetter */
export function isLetter(r: number): boolean {
  if (r < 0x80) return (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  return test(LETTER, r);
}

/** unicode.IsDigit */
export function isDigit(r: number): boolean {
  if (r < 0x80) return r >= 0x30 && r <= 0x39;
  return test(DIGIT, r);
}

/** unicode.IsNumber */
export function isNumber(r: number): boolean {
  if (r < 0x80) return r >= 0x30 && r <= 0x39;
  return test(NUMBER, r);
}

/** unicode.IsSpace: Go's white space set. */
export function isSpace(r: number): boolean {
  switch (r) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x2028:
    case 0x2029:
      return true;
  }
  if (r < 0x100) return false;
  return test(ZS, r);
}

/** unicode.IsPrint / strconv.IsPrint: graphic characters plus the ASCII space only. */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r === 0xad) return false;
  return test(GRAPHIC, r);
}

/** unicode.IsGraphic */
export function isGraphic(r: number): boolean {
  if (isPrint(r)) return true;
  return test(ZS, r);
}

/** unicode.IsUpper */
export function isUpper(r: number): boolean {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a;
  return test(UPPER, r);
}

/** unicode.IsLower */
export function isLower(r: number): boolean {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a;
  return test(LOWER, r);
}

/** unicode.IsTitle */
export function isTitle(r: number): boolean {
  return r >= 0x80 && test(TITLE, r);
}

/** unicode.IsPunct */
export function isPunct(r: number): boolean {
  return test(PUNCT, r);
}

/** unicode.IsMark */
export function isMark(r: number): boolean {
  return test(MARK, r);
}

/** unicode.IsSymbol */
export function isSymbol(r: number): boolean {
  return test(SYMBOL, r);
}

function simpleMap(r: number, f: (s: string) => string): number {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return r;
  const mapped = f(String.fromCodePoint(r));
  const cp = mapped.codePointAt(0);
  // Go uses simple (one-to-one) mappings only; multi-rune results keep the rune unchanged.
  if (cp === undefined || String.fromCodePoint(cp).length !== mapped.length) return r;
  return cp;
}

/** unicode.ToUpper */
export function toUpper(r: number): number {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a ? r - 32 : r;
  return simpleMap(r, (s) => s.toUpperCase());
}

/** unicode.ToLower */
export function toLower(r: number): number {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a ? r + 32 : r;
  return simpleMap(r, (s) => s.toLowerCase());
}

/** unicode.ToTitle (title case equals upper case except for a few digraphs). */
export function toTitle(r: number): number {
  switch (r) {
    case 0x1c4:
    case 0x1c5:
    case 0x1c6:
      return 0x1c5;
    case 0x1c7:
    case 0x1c8:
    case 0x1c9:
      return 0x1c8;
    case 0x1ca:
    case 0x1cb:
    case 0x1cc:
      return 0x1cb;
    case 0x1f1:
    case 0x1f2:
    case 0x1f3:
      return 0x1f2;
  }
  return toUpper(r);
}
