/** ESO's jwkPublicKeyPem and jwkPrivateKeyPem (JWK JSON → PKIX public / PKCS#8 private PEM). */
import { type JsonWebKey, createPrivateKey, createPublicKey } from 'node:crypto';
import { FuncError, type FuncSpec, fn } from '../exec/func-spec.js';
import { bufferToBytes, bytesToUtf8 } from '../text/bytes.js';
import type { GoValue } from '../value/go-value.js';
import { pemBlock, pemEncode } from './go-pem.js';
import { S } from './support.js';

function parseJwk(v: GoValue): JsonWebKey {
  try {
    const jwk = JSON.parse(bytesToUtf8(v as string)) as JsonWebKey;
    if (typeof jwk !== 'object' || jwk === null || typeof jwk.kty !== 'string') throw new Error();
    return jwk;
  } catch {
    throw new FuncError('input is not a JSON Web Key');
  }
}

function publicPem(v: GoValue): string {
  try {
    const der = createPublicKey({ key: parseJwk(v), format: 'jwk' }).export({ type: 'spki', format: 'der' });
    return pemEncode(pemBlock('PUBLIC KEY', bufferToBytes(der)));
  } catch (e) {
    if (e instanceof FuncError) throw e;
    throw new FuncError('unable to build a public key from the JWK');
  }
}

function privatePem(v: GoValue): string {
  const jwk = parseJwk(v);
  try {
    const der = createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'der' });
    return pemEncode(pemBlock('PRIVATE KEY', bufferToBytes(der)));
  } catch {
    throw new FuncError('unable to build a private key from the JWK (is it a private key?)');
  }
}

/** The JWK family. */
export const JWK_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['jwkPublicKeyPem', fn([S], ([v]) => publicPem(v))],
  ['jwkPrivateKeyPem', fn([S], ([v]) => privatePem(v))],
]);
