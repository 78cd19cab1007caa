/** Go's encoding/base64 and encoding/base32 (standard alphabets, padded) with Go's error offsets. */
import { bufferToBytes, bytesToBuffer } from '../text/bytes.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function decodeMap(alphabet: string): Int16Array {
  const m = new Int16Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) m[alphabet.charCodeAt(i)] = i;
  return m;
}
const B64_MAP = decodeMap(B64);
const B32_MAP = decodeMap(B32);

/** A decode result: bytes, or Go's CorruptInputError offset. */
export type Decoded = { ok: true; bytes: string } | { ok: false; offset: number };

const isNl = (c: number): boolean => c === 0x0a || c === 0x0d;

/** base64.StdEncoding.EncodeToString over a byte string. */
export function base64Encode(bytes: string): string {
  return bytesToBuffer(bytes).toString('base64');
}

/** base64.StdEncoding.DecodeString (newlines ignored, padding required, lenient trailing bits). */
export function base64Decode(src: string): Decoded {
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailingError = -1;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: bufferToBytes(Uint8Array.from(out)) };
        return { ok: false, offset: si - j };
      }
      const c = src.charCodeAt(si++);
      const v = B64_MAP[c];
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNl(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d || j < 2) return { ok: false, offset: si - 1 };
      if (j === 2) {
        while (si < src.length && isNl(src.charCodeAt(si))) si++;
        if (si === src.length) return { ok: false, offset: src.length };
        if (src.charCodeAt(si) !== 0x3d) return { ok: false, offset: si - 1 };
        si++;
      }
      while (si < src.length && isNl(src.charCodeAt(si))) si++;
      if (si < src.length) trailingError = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailingError >= 0) return { ok: false, offset: trailingError };
  }
  return { ok: true, bytes: bufferToBytes(Uint8Array.from(out)) };
}

/** base32.StdEncoding.EncodeToString over a byte string. */
export function base32Encode(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 5) {
    const chunk = [0, 1, 2, 3, 4].map((k) => (i + k < bytes.length ? bytes.charCodeAt(i + k) : 0));
    let bits = 0n;
    for (const b of chunk) bits = (bits << 8n) | BigInt(b);
    const n = Math.min(5, bytes.length - i);
    const chars = [2, 4, 5, 7, 8][n - 1];
    for (let k = 0; k < 8; k++) {
      out += k < chars ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
    }
  }
  return out;
}

/** base32.StdEncoding.DecodeString (newlines stripped first, as Go does). */
export function base32Decode(input: string): Decoded {
  const src = input.replace(/[\r\n]/g, '');
  const olen = src.length;
  let pos = 0;
  const out: number[] = [];
  let end = false;
  while (pos < olen && !end) {
    const dbuf = new Array<number>(8).fill(0);
    let dlen = 8;
    for (let j = 0; j < 8;) {
      if (pos === olen) return { ok: false, offset: olen - (olen - pos) - j };
      const c = src.charCodeAt(pos++);
      const rest = olen - pos;
      if (c === 0x3d && j >= 2 && rest < 8) {
        if (rest + j < 7) return { ok: false, offset: olen };
        for (let k = 0; k < 7 - j; k++) {
          if (rest > k && src.charCodeAt(pos + k) !== 0x3d) return { ok: false, offset: olen - rest + k - 1 };
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) return { ok: false, offset: olen - rest - 1 };
        break;
      }
      const v = B32_MAP[c];
      if (v < 0) return { ok: false, offset: olen - rest - 1 };
      dbuf[j++] = v;
    }
    const b = [
      ((dbuf[0] << 3) | (dbuf[1] >> 2)) & 0xff,
      ((dbuf[1] << 6) | (dbuf[2] << 1) | (dbuf[3] >> 4)) & 0xff,
      ((dbuf[3] << 4) | (dbuf[4] >> 1)) & 0xff,
      ((dbuf[4] << 7) | (dbuf[5] << 2) | (dbuf[6] >> 3)) & 0xff,
      ((dbuf[6] << 5) | dbuf[7]) & 0xff,
    ];
    const count = { 8: 5, 7: 4, 5: 3, 4: 2, 2: 1 }[dlen as 8 | 7 | 5 | 4 | 2] ?? 0;
    out.push(...b.slice(0, count));
  }
  return { ok: true, bytes: bufferToBytes(Uint8Array.from(out)) };
}

/** hex.DecodeString; undefined on malformed input. */
export function hexDecode(s: string): string | undefined {
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) return undefined;
  return bufferToBytes(Buffer.from(s, 'hex'));
}
