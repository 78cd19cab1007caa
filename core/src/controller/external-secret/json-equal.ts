/**
 * Equality of JSON values as the API server would store them: key order does not matter, a
 * property set to `undefined` is the same as an absent one, and an `undefined` array item is the
 * same as `null` (what `JSON.stringify` writes). Compares in place; nothing is serialised.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameArray(a: readonly unknown[], b: unknown): boolean {
  if (!Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
  return true;
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let defined = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key) || a[key] === undefined) continue;
    if (!Object.hasOwn(b, key) || !sameJson(a[key], b[key])) return false;
    defined++;
  }
  for (const key in b) if (Object.hasOwn(b, key) && b[key] !== undefined) defined--;
  return defined === 0;
}

/** Whether `a` and `b` are the same JSON value; see the module comment. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return sameArray(a, b);
  if (isRecord(a) && isRecord(b)) return sameRecord(a, b);
  return false;
}
