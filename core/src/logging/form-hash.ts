/**
 * The redactor's hashes: two 32-bit polynomial hashes (`h = h·B + c mod 2^32`, with `Math.imul`)
 * of a text form, computed without building the form. A byte value's text form (ASCII) and its
 * base64 form are hashed straight from its bytes; no string is allocated.
 *
 * Hashes modulo 2^32 can be made to collide on purpose. That is safe here: equal texts always hash
 * equal, so a registered value is always found (no false negatives); a collision can only make the
 * redactor replace text that was never registered (over-redaction).
 */

/** Bases of the two hashes (odd, so multiplication is invertible modulo 2^32). */
export const BASE_1 = 1_000_003;
export const BASE_2 = 0x5bd1e995;

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_CODES = Uint8Array.from(BASE64_ALPHABET, (char) => char.charCodeAt(0));
const PAD = '='.charCodeAt(0);

/** The length of the base64 text of `byteLength` bytes (with padding). */
export function base64Length(byteLength: number): number {
  return Math.ceil(byteLength / 3) * 4;
}

/**
 * Hashes forms; the result of the last call is in {@link h1} and {@link h2} (fields instead of a
 * returned pair, so hashing allocates nothing).
 */
export class FormHasher {
  h1 = 0;
  h2 = 0;

  /** Hashes `text`. */
  text(text: string): void {
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = (Math.imul(h1, BASE_1) + c) | 0;
      h2 = (Math.imul(h2, BASE_2) + c) | 0;
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** Hashes the text of ASCII `bytes` (each byte is one UTF-16 code unit). */
  asciiBytes(bytes: Uint8Array): void {
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      h1 = (Math.imul(h1, BASE_1) + c) | 0;
      h2 = (Math.imul(h2, BASE_2) + c) | 0;
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** Hashes the base64 text of `bytes` (standard alphabet, `=` padding: what `Buffer#toString('base64')` gives). */
  base64(bytes: Uint8Array): void {
    this.h1 = 0;
    this.h2 = 0;
    const whole = bytes.length - (bytes.length % 3);
    for (let i = 0; i < whole; i += 3) {
      const triple = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      this.add(BASE64_CODES[triple >>> 18]);
      this.add(BASE64_CODES[(triple >>> 12) & 63]);
      this.add(BASE64_CODES[(triple >>> 6) & 63]);
      this.add(BASE64_CODES[triple & 63]);
    }
    const rest = bytes.length - whole;
    if (rest === 0) return;
    const triple = (bytes[whole] << 16) | (rest === 2 ? bytes[whole + 1] << 8 : 0);
    this.add(BASE64_CODES[triple >>> 18]);
    this.add(BASE64_CODES[(triple >>> 12) & 63]);
    this.add(rest === 2 ? BASE64_CODES[(triple >>> 6) & 63] : PAD);
    this.add(PAD);
  }

  private add(c: number): void {
    this.h1 = (Math.imul(this.h1, BASE_1) + c) | 0;
    this.h2 = (Math.imul(this.h2, BASE_2) + c) | 0;
  }
}

/**
 * A text's prefix hashes (`prefix1[i]`: the first hash of its first i characters; likewise
 * `prefix2`) and the powers of both bases up to its length, so the hashes of any window
 * `[i, i + L)` are `prefix[i + L] - prefix[i]·B^L`. The arrays are reused from text to text.
 */
export class TextPrefixes {
  prefix1 = new Int32Array(64);
  prefix2 = new Int32Array(64);
  pow1 = Int32Array.of(1);
  pow2 = Int32Array.of(1);

  /** Computes the prefix hashes of `text`. */
  load(text: string): void {
    const n = text.length;
    if (this.prefix1.length <= n) {
      this.prefix1 = new Int32Array(2 * n + 1);
      this.prefix2 = new Int32Array(2 * n + 1);
    }
    if (this.pow1.length <= n) this.growPowers(2 * n + 1);
    const { prefix1: p1, prefix2: p2 } = this;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      p1[i + 1] = (Math.imul(p1[i], BASE_1) + c) | 0;
      p2[i + 1] = (Math.imul(p2[i], BASE_2) + c) | 0;
    }
  }

  private growPowers(size: number): void {
    const pow1 = new Int32Array(size);
    const pow2 = new Int32Array(size);
    pow1[0] = 1;
    pow2[0] = 1;
    for (let i = 1; i < size; i++) {
      pow1[i] = Math.imul(pow1[i - 1], BASE_1);
      pow2[i] = Math.imul(pow2[i - 1], BASE_2);
    }
    this.pow1 = pow1;
    this.pow2 = pow2;
  }
}
