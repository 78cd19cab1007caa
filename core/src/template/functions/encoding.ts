/** sprig encodings (b64enc, b64dec, b32enc, b32dec), ESO's hexdec, and the hash functions. */
import { createHash } from 'node:crypto';
import { type FuncSpec, fn } from '../exec/func-spec.js';
import type { GoValue } from '../value/go-value.js';
import { base32Decode, base32Encode, base64Decode, base64Encode, hexDecode } from './go-base.js';
import { S } from './support.js';
import { bytesToBuffer } from '../text/bytes.js';

const s = (v: GoValue): string => v as string;

function hash(algorithm: string, input: string): string {
  return createHash(algorithm).update(bytesToBuffer(input)).digest('hex');
}

/** hash/adler32 checksum of a byte string. */
export function adler32(input: string): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < input.length; i++) {
    a = (a + input.charCodeAt(i)) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** The encoding and hash family. */
export const ENCODING_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['b64enc', fn([S], ([v]) => base64Encode(s(v)))],
  // On malformed input sprig returns Go's error text as the value (not an error).
  [
    'b64dec',
    fn([S], ([v]) => {
      const r = base64Decode(s(v));
      return r.ok ? r.bytes : `illegal base64 data at input byte ${r.offset}`;
    }),
  ],
  ['b32enc', fn([S], ([v]) => base32Encode(s(v)))],
  [
    'b32dec',
    fn([S], ([v]) => {
      const r = base32Decode(s(v));
      return r.ok ? r.bytes : `illegal base32 data at input byte ${r.offset}`;
    }),
  ],
  ['hexdec', fn([S], ([v]) => hexDecode(s(v)) ?? 'encoding/hex: invalid byte or odd length')],
  ['sha1sum', fn([S], ([v]) => hash('sha1', s(v)))],
  ['sha256sum', fn([S], ([v]) => hash('sha256', s(v)))],
  ['sha512sum', fn([S], ([v]) => hash('sha512', s(v)))],
  ['adler32sum', fn([S], ([v]) => String(adler32(s(v))))],
]);
