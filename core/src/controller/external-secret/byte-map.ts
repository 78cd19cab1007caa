/**
 * Secret data as the reconcile handles it: key → bytes. Keys come from remote systems, so they are
 * set with `defineProperty`: a key named `__proto__` stays an ordinary key.
 */

/** Key → value bytes. */
export type ByteMap = Record<string, Uint8Array>;

/**
 * Sets `map[key] = value` as an own, enumerable property whatever the key is. On a plain object
 * only `__proto__` is special (an inherited setter), so every other key is a plain assignment.
 */
export function setEntry<T>(map: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

/** A shallow copy with `setEntry` semantics. */
export function copyMap<T>(map: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(map)) setEntry(out, key, value);
  return out;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/** Whether two byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

/** Decodes a Secret's wire `data` (base64 strings) into bytes. */
export function fromWireData(data: Readonly<Record<string, string>> | undefined): ByteMap {
  const out: ByteMap = {};
  for (const [key, value] of Object.entries(data ?? {}))
    setEntry<Uint8Array>(out, key, new Uint8Array(Buffer.from(value, 'base64')));
  return out;
}

/** Encodes bytes into a Secret's wire `data` (base64 strings). */
export function toWireData(data: Readonly<ByteMap>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) setEntry(out, key, Buffer.from(value).toString('base64'));
  return out;
}
