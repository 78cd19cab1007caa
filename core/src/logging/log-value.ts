/**
 * Turns an arbitrary field value into plain JSON that is safe to log: strings (object keys too)
 * are redacted, byte arrays become `[N bytes]`, errors become `{ name, message, reason, code,
 * cause }`, depth and breadth are bounded, cycles are cut.
 */

const MAX_DEPTH = 6;
const MAX_KEYS = 50;
const MAX_STRING = 4096;

/** Converts `value` for a log line, applying `redact` to every string it contains. */
export function toLoggable(value: unknown, redact: (text: string) => string): unknown {
  return convert(value, redact, 0, new WeakSet());
}

function convert(
  value: unknown,
  redact: (text: string) => string,
  depth: number,
  seen: WeakSet<object>,
): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return truncate(redact(value));
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return `[${typeof value}]`;
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  if (value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (value instanceof Error) return convertError(value, redact, depth, seen);
  if (Array.isArray(value))
    return value.slice(0, MAX_KEYS).map((item) => convert(item, redact, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, MAX_KEYS))
    out[redact(key)] = convert(item, redact, depth + 1, seen);
  return out;
}

/** Cuts a redacted string to {@link MAX_STRING}; cutting before redaction could split a secret so it no longer matches. */
function truncate(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
}

function convertError(
  error: Error,
  redact: (text: string) => string,
  depth: number,
  seen: WeakSet<object>,
): unknown {
  const out: Record<string, unknown> = { name: error.name, message: redact(error.message) };
  const extra = error as Error & { reason?: unknown; code?: unknown };
  if (typeof extra.reason === 'string') out.reason = extra.reason;
  if (typeof extra.code === 'string' || typeof extra.code === 'number') out.code = extra.code;
  if (error.cause !== undefined) out.cause = convert(error.cause, redact, depth + 1, seen);
  return out;
}
