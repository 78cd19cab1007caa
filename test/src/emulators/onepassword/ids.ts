/**
 * Identifier helpers shared by the Connect emulator. Connect ids are 26 characters from
 * `[a-z0-9]` (OpenAPI pattern `^[\da-z]{26}$`).
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh random Connect id (26 lowercase alphanumerics). */
export function newConnectId(): string {
  const bytes = randomBytes(26);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** True when `value` has the shape of a Connect id. */
export function isConnectId(value: string): boolean {
  return /^[a-z0-9]{26}$/.test(value);
}
