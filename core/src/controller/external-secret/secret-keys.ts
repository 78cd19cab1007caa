/**
 * Secret key names: `conversionStrategy` and key validation, as ESO's `ConvertKeys` / `ValidateKeys`.
 * A valid key is 1..253 bytes (UTF-8), each a Unicode letter or number, `-`, `.` or `_`.
 */
import { setEntry } from './byte-map.js';
import { DataTransformError } from './external-secret-errors.js';

/** The strategies of the API; unset means Default. */
export type ConversionStrategy = 'Default' | 'Unicode';

const ALLOWED = /^[\p{L}\p{N}\-._]$/u;
const MAX_KEY_LENGTH = 253;

function convertKey(strategy: string, key: string): string {
  let out = '';
  for (const char of key) {
    if (ALLOWED.test(char)) out += char;
    else if (strategy === 'Unicode')
      out += `_U${(char.codePointAt(0) as number).toString(16).padStart(4, '0')}_`;
    else out += '_';
  }
  return out;
}

/**
 * Replaces every character a Secret key cannot hold: `_` (Default) or `_Uxxxx_` (Unicode).
 * @throws DataTransformError when two keys become the same.
 */
export function convertKeys(
  strategy: string | undefined,
  data: Readonly<Record<string, Uint8Array>>,
  what: string,
): Record<string, Uint8Array> {
  const effective = strategy || 'Default';
  if (effective !== 'Default' && effective !== 'Unicode') {
    throw new DataTransformError(
      `${what}: conversionStrategy "${strategy}" is not supported; use Default or Unicode`,
    );
  }
  const out: Record<string, Uint8Array> = {};
  for (const [key, value] of Object.entries(data)) {
    const converted = convertKey(effective, key);
    if (Object.hasOwn(out, converted)) {
      throw new DataTransformError(
        `${what}: two remote keys both become "${converted}" after conversionStrategy=${effective}; use rewrite to tell them apart`,
      );
    }
    setEntry(out, converted, value);
  }
  return out;
}

/**
 * Drops empty keys (ESO does so silently) and checks the rest are valid Secret keys.
 * @throws DataTransformError naming the first invalid key and how to fix it.
 */
export function validateKeys(
  data: Readonly<Record<string, Uint8Array>>,
  what: string,
): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === '') continue;
    const length = Buffer.byteLength(key, 'utf8');
    if (length > MAX_KEY_LENGTH) {
      throw new DataTransformError(
        `${what}: key "${key.slice(0, 40)}…" has length ${length} but at most ${MAX_KEY_LENGTH} is allowed; ` +
          'shorten it with rewrite',
      );
    }
    for (const char of key) {
      if (!ALLOWED.test(char)) {
        throw new DataTransformError(
          `${what}: key "${key}" has invalid character "${char}"; only alphanumeric, '-', '.' and '_' are allowed ` +
            '(use rewrite or conversionStrategy to change keys)',
        );
      }
    }
    setEntry(out, key, value);
  }
  return out;
}
