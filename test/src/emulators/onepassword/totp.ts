/** RFC 6238 time-based one-time codes, so OTP fields carry a `totp` value as Connect's do. */
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The current 6-digit code for an `otpauth://` URI or a bare base32 secret; undefined when unparsable. */
export function totpCode(uriOrSecret: string, now: number = Date.now()): string | undefined {
  const key = decodeBase32(secretOf(uriOrSecret));
  if (!key || key.length === 0) return undefined;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, '0');
}

function secretOf(value: string): string {
  if (!value.startsWith('otpauth://')) return value;
  try {
    return new URL(value).searchParams.get('secret') ?? '';
  } catch {
    return '';
  }
}

function decodeBase32(text: string): Buffer | undefined {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let acc = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return undefined;
    acc = (acc << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}
