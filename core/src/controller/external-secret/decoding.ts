/**
 * `decodingStrategy` (ESO `runtime/decoding`): `Base64` and `Base64URL` are Go's strict, padded
 * decoders (`base64.StdEncoding` / `URLEncoding`, which skip `\r` and `\n`); `Auto` tries Base64,
 * then Base64URL, then keeps the raw value; `None` or unset passes the value through.
 */
import { DataTransformError } from './external-secret-errors.js';

/** The strategies of the API (`DECODING_STRATEGIES`); unset means None. */
export type DecodingStrategy = 'Auto' | 'Base64' | 'Base64URL' | 'None';

const STD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const URL_SAFE = /^(?:[A-Za-z0-9\-_]{4})*(?:[A-Za-z0-9\-_]{2}==|[A-Za-z0-9\-_]{3}=)?$/;

/** Decodes `value`; returns undefined when it is not valid for the strict alphabet. */
function strictDecode(
  value: Uint8Array,
  alphabet: RegExp,
  encoding: 'base64' | 'base64url',
): Uint8Array | undefined {
  const text = Buffer.from(value)
    .toString('latin1')
    .replace(/[\r\n]/g, '');
  if (!alphabet.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text, encoding));
}

/**
 * Applies a decoding strategy to one value.
 * @param what names the value in the error (e.g. `spec.data[0] (key=x)`), never its content.
 * @throws DataTransformError when the value is not valid for a strict strategy.
 */
export function decodeValue(strategy: string | undefined, value: Uint8Array, what: string): Uint8Array {
  switch (strategy ?? 'None') {
    case 'None':
    case '':
      return value;
    case 'Base64':
      return strictDecode(value, STD, 'base64') ?? fail(what, 'Base64');
    case 'Base64URL':
      return strictDecode(value, URL_SAFE, 'base64url') ?? fail(what, 'Base64URL');
    case 'Auto':
      return strictDecode(value, STD, 'base64') ?? strictDecode(value, URL_SAFE, 'base64url') ?? value;
    default:
      throw new DataTransformError(
        `${what}: decodingStrategy "${strategy}" is not supported; use Auto, Base64, Base64URL or None`,
      );
  }
}

function fail(what: string, strategy: string): never {
  throw new DataTransformError(
    `${what}: value is not valid padded ${strategy} (decodingStrategy=${strategy}); fix the remote value or use decodingStrategy Auto or None`,
  );
}
