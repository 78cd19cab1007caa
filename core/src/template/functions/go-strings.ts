/** Ports of Go's `strings` functions that differ from JS on bytes, runes or edge cases. */
import { FuncError } from '../exec/func-spec.js';
import { decodeLastRune, decodeRune, isAscii, mapRunes } from '../text/bytes.js';
import { isDigit, isLetter, isSpace, toLower, toTitle, toUpper } from '../text/unicode.js';

/** s[lo:hi] with Go's bounds check (a panic becomes an error). */
export function goSlice(s: string, lo: number, hi = s.length): string {
  if (lo < 0 || hi < lo || hi > s.length) throw new FuncError('slice bounds out of range');
  return s.slice(lo, hi);
}

/** strings.ToUpper */
export function upper(s: string): string {
  return isAscii(s) ? s.toUpperCase() : mapRunes(s, toUpper);
}

/** strings.ToLower */
export function lower(s: string): string {
  return isAscii(s) ? s.toLowerCase() : mapRunes(s, toLower);
}

function isSeparator(r: number): boolean {
  if (r <= 0x7f) {
    return !((r >= 0x30 && r <= 0x39) || (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || r === 0x5f);
  }
  if (isLetter(r) || isDigit(r)) return false;
  return isSpace(r);
}

/** strings.Title */
export function title(s: string): string {
  let prev = 0x20;
  return mapRunes(s, (r) => {
    const out = isSeparator(prev) ? toTitle(r) : r;
    prev = r;
    return out;
  });
}

/** strings.TrimFunc-style trimming of runes matching `cut` at both ends. */
export function trimRunes(s: string, cut: (r: number) => boolean): string {
  let start = 0;
  while (start < s.length) {
    const [r, w] = decodeRune(s, start);
    if (!cut(r)) break;
    start += w;
  }
  let end = s.length;
  while (end > start) {
    const [r, w] = decodeLastRune(s, end);
    if (!cut(r)) break;
    end -= w;
  }
  return s.slice(start, end);
}

/** strings.TrimSpace */
export function trimSpace(s: string): string {
  return trimRunes(s, isSpace);
}

/** strings.Trim(s, cutset) */
export function trimCutset(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set<number>();
  for (let i = 0; i < cutset.length;) {
    const [r, w] = decodeRune(cutset, i);
    set.add(r);
    i += w;
  }
  return trimRunes(s, (r) => set.has(r));
}

function explode(s: string, n: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (n > 0 && out.length === n - 1) {
      out.push(s.slice(i));
      return out;
    }
    const [, w] = decodeRune(s, i);
    out.push(s.slice(i, i + w));
    i += w;
  }
  return out;
}

/** strings.SplitN (n < 0: all parts; n == 0: none). */
export function splitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') return explode(s, n);
  if (n < 0) return s.split(sep);
  const out: string[] = [];
  let i = 0;
  while (out.length < n - 1) {
    const m = s.indexOf(sep, i);
    if (m < 0) break;
    out.push(s.slice(i, m));
    i = m + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

/** strings.Repeat with Go's negative-count panic and the size limit checked first. */
export function repeat(s: string, count: number, checkSize: (n: number) => void): string {
  if (count < 0) throw new FuncError('negative repeat count');
  checkSize(s.length * count);
  return s.repeat(count);
}

/** goutils.WrapCustom */
export function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  const nl = newLine === '' ? '\n' : newLine;
  const width = wrapLength < 1 ? 1 : wrapLength;
  const len = str.length;
  let offset = 0;
  let out = '';
  while (len - offset > width) {
    if (str[offset] === ' ') {
      offset++;
      continue;
    }
    const spaceAt = str.slice(offset, width + offset + 1).lastIndexOf(' ') + offset;
    if (spaceAt >= offset) {
      out += str.slice(offset, spaceAt) + nl;
      offset = spaceAt + 1;
    } else if (wrapLongWords) {
      out += str.slice(offset, width + offset) + nl;
      offset += width;
    } else {
      const end = width + offset;
      const index = str.indexOf(' ', end);
      if (index < 0) {
        out += str.slice(offset);
        offset = len;
      } else {
        out += str.slice(offset, index) + nl;
        offset = index + 1;
      }
    }
  }
  return out + str.slice(offset);
}

/** goutils.AbbreviateFull (errors become the empty string, as sprig ignores them). */
export function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === '') return '';
  if (maxWidth < 4) return '';
  const len = str.length;
  if (len <= maxWidth) return str;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  if (offset <= 4) return goSlice(str, 0, maxWidth - 3) + '...';
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < len) return '...' + abbreviateFull(str.slice(offset), 0, maxWidth - 3);
  return '...' + str.slice(len - (maxWidth - 3));
}
