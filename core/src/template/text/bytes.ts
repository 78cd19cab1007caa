/**
 * Go strings are byte sequences. The engine represents a Go string as a JS "byte string": every
 * UTF-16 code unit is one byte (0–255). That keeps `len`, `slice`, `index` and column numbers
 * byte-exact, lets binary data (e.g. a decoded PKCS#12 file) pass through untouched, and makes
 * ASCII text identical in both forms.
 */

// eslint-disable-next-line no-control-regex -- ASCII includes the control characters
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Rune returned for invalid UTF-8, as Go's utf8.RuneError. */
export const RUNE_ERROR = 0xfffd;

/** Encodes a JS (UTF-16) string as a byte string of its UTF-8 encoding. */
export function utf8ToBytes(text: string): string {
  if (ASCII_ONLY.test(text)) return text;
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** Decodes a byte string as UTF-8 into a JS string (invalid sequences become U+FFFD). */
export function bytesToUtf8(bytes: string): string {
  if (ASCII_ONLY.test(bytes)) return bytes;
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Wraps a byte string in a Buffer without re-encoding. */
export function bytesToBuffer(bytes: string): Buffer {
  return Buffer.from(bytes, 'latin1');
}

/** Turns raw bytes into a byte string. */
export function bufferToBytes(buf: Uint8Array): string {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
}

/** True when the byte string holds only ASCII. */
export function isAscii(bytes: string): boolean {
  return ASCII_ONLY.test(bytes);
}

/**
 * Decodes one rune at `pos` like Go's utf8.DecodeRuneInString: returns [rune, width];
 * an invalid or truncated sequence yields [RUNE_ERROR, 1].
 */
export function decodeRune(s: string, pos: number): [number, number] {
  const b0 = s.charCodeAt(pos);
  if (b0 < 0x80) return [b0, 1];
  const n = s.length;
  const cont = (i: number): number => {
    if (i >= n) return -1;
    const b = s.charCodeAt(i);
    return (b & 0xc0) === 0x80 ? b & 0x3f : -1;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(pos + 1);
    return c1 < 0 ? [RUNE_ERROR, 1] : [((b0 & 0x1f) << 6) | c1, 2];
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = cont(pos + 1);
    const c2 = cont(pos + 2);
    if (c1 < 0 || c2 < 0) return [RUNE_ERROR, 1];
    const r = ((b0 & 0x0f) << 12) | (c1 << 6) | c2;
    if (r < 0x800 || (r >= 0xd800 && r <= 0xdfff)) return [RUNE_ERROR, 1];
    return [r, 3];
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = cont(pos + 1);
    const c2 = cont(pos + 2);
    const c3 = cont(pos + 3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return [RUNE_ERROR, 1];
    const r = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (r < 0x10000 || r > 0x10ffff) return [RUNE_ERROR, 1];
    return [r, 4];
  }
  return [RUNE_ERROR, 1];
}

/** Decodes the last rune before `end` (Go's utf8.DecodeLastRuneInString). */
export function decodeLastRune(s: string, end: number): [number, number] {
  const start = Math.max(0, end - 4);
  for (let i = end - 1; i >= start; i--) {
    const b = s.charCodeAt(i);
    if ((b & 0xc0) !== 0x80) {
      const [r, w] = decodeRune(s, i);
      if (i + w === end) return [r, w];
      break;
    }
  }
  return [RUNE_ERROR, 1];
}

/** Encodes one rune as UTF-8 bytes (invalid runes become U+FFFD, as Go does). */
export function encodeRune(r: number): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = RUNE_ERROR;
  if (r < 0x80) return String.fromCharCode(r);
  if (r < 0x800) return String.fromCharCode(0xc0 | (r >> 6), 0x80 | (r & 0x3f));
  if (r < 0x10000) {
    return String.fromCharCode(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
  }
  return String.fromCharCode(
    0xf0 | (r >> 18),
    0x80 | ((r >> 12) & 0x3f),
    0x80 | ((r >> 6) & 0x3f),
    0x80 | (r & 0x3f),
  );
}

/** Splits a byte string into runes, Go style (each invalid byte is one RUNE_ERROR). */
export function toRunes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length;) {
    const [r, w] = decodeRune(s, i);
    out.push(r);
    i += w;
  }
  return out;
}

/** Joins runes back into a byte string. */
export function fromRunes(runes: readonly number[]): string {
  let out = '';
  for (const r of runes) out += encodeRune(r);
  return out;
}

/** Number of runes in a byte string (utf8.RuneCountInString). */
export function runeCount(s: string): number {
  if (isAscii(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; n++) i += decodeRune(s, i)[1];
  return n;
}

/** Applies a rune mapping (Go's strings.Map, used by case functions). */
export function mapRunes(s: string, f: (r: number) => number): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const [r, w] = decodeRune(s, i);
    out += encodeRune(f(r));
    i += w;
  }
  return out;
}
