/**
 * ESO's PKCS#12 helpers (pkcs12key/cert, pemToPkcs12, fullPemToPkcs12, pemTruststoreToPKCS12,
 * rsaDecrypt) on node-forge. Creating PKCS#12 files needs RSA keys; reading keys accepts any type.
 */
import { constants, createPrivateKey, privateDecrypt } from 'node:crypto';
import forge from 'node-forge';
import { FuncError, type FuncSpec, fn } from '../exec/func-spec.js';
import { bufferToBytes, bytesToBuffer } from '../text/bytes.js';
import type { GoValue } from '../value/go-value.js';
import { base64Encode } from './go-base.js';
import { pemBlock, pemDecode, pemEncode } from './go-pem.js';
import { orderChain, parseCertificates } from './pem.js';
import { S } from './support.js';

const str = (v: GoValue): string => v as string;

interface Decoded {
  keys: string[];
  certs: string[];
}

function decodePfx(input: string, password: string, what: 'key' | 'certificate'): Decoded {
  try {
    const p12 = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(input, 'raw')),
      false,
      password,
    );
    const bagsOf = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
    const keys = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag), ...bagsOf(forge.pki.oids.keyBag)].map(
      (b) => {
        if (b.key)
          return forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(b.key))).getBytes();
        if (b.asn1) return forge.asn1.toDer(b.asn1).getBytes();
        throw new FuncError('unreadable key bag');
      },
    );
    const certs = bagsOf(forge.pki.oids.certBag).map((b) => {
      if (b.cert) return forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert)).getBytes();
      if (b.asn1) return forge.asn1.toDer(b.asn1).getBytes();
      throw new FuncError('unreadable certificate bag');
    });
    return { keys, certs };
  } catch (e) {
    if (e instanceof FuncError) throw e;
    throw new FuncError(
      `unable to decode pkcs12${what === 'certificate' ? ' certificate' : ''} with password: the data is not PKCS#12 or the password is wrong`,
    );
  }
}

function pkcs12Key(password: string, input: string): string {
  const { keys } = decodePfx(input, password, 'key');
  if (keys.length !== 1)
    throw new FuncError('unable to decode pkcs12 with password: expected exactly one private key');
  const der = createPrivateKey({ key: bytesToBuffer(keys[0]), format: 'der', type: 'pkcs8' }).export({
    type: 'pkcs8',
    format: 'der',
  });
  return pemEncode(pemBlock('PRIVATE KEY', bufferToBytes(der)));
}

function pkcs12Cert(password: string, input: string): string {
  const { certs } = decodePfx(input, password, 'certificate');
  if (certs.length === 0)
    throw new FuncError('unable to decode pkcs12 certificate with password: no certificate found');
  const pem = certs.map((c) => pemEncode(pemBlock('CERTIFICATE', c))).join('');
  try {
    return orderChain(parseCertificates(pem))
      .map((c) => pemEncode(pemBlock('CERTIFICATE', c.raw)))
      .join('');
  } catch {
    return pem;
  }
}

function forgeCert(der: string): forge.pki.Certificate {
  try {
    return forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der, 'raw')));
  } catch {
    throw new FuncError('x509: certificate could not be parsed (PKCS#12 creation supports RSA certificates)');
  }
}

function allCerts(pem: string): forge.pki.Certificate[] {
  const out: forge.pki.Certificate[] = [];
  let rest = pem;
  while (rest.length > 0) {
    const [block, next] = pemDecode(rest);
    if (!block) throw new FuncError('x509: no certificate in PEM input');
    out.push(forgeCert(block.bytes));
    rest = next;
  }
  return out;
}

function rsaKey(keyPem: string): forge.pki.rsa.PrivateKey {
  const [block] = pemDecode(keyPem);
  if (!block) throw new FuncError('no PEM private key in input');
  const key = createPrivateKey({ key: bytesToBuffer(pemEncode(block)), format: 'pem' });
  if (key.asymmetricKeyType !== 'rsa') throw new FuncError('PKCS#12 creation supports RSA keys only');
  return forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }) as string);
}

function toPfx(
  key: forge.pki.rsa.PrivateKey | null,
  certs: forge.pki.Certificate[],
  password: string,
): string {
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, password, {
    algorithm: 'aes256',
    generateLocalKeyId: key !== null,
  });
  return base64Encode(forge.asn1.toDer(asn1).getBytes());
}

function pemToPkcs12(cert: string, key: string, password: string, full: boolean): string {
  const [block, rest] = pemDecode(cert);
  if (!block) throw new FuncError('x509: no certificate in PEM input');
  const chain = [forgeCert(block.bytes), ...(full ? allCerts(rest) : [])];
  return toPfx(rsaKey(key), chain, password);
}

function rsaDecrypt(scheme: string, hash: string, input: string, keyPem: string): string {
  if (scheme === 'None') return input;
  if (scheme !== 'RSA-OAEP') throw new FuncError(`decryption scheme ${scheme} is not supported`);
  const [block] = pemDecode(keyPem);
  if (!block) throw new FuncError('failed to decode PEM block');
  let key;
  try {
    key = createPrivateKey({ key: bytesToBuffer(pemEncode(block)), format: 'pem' });
  } catch {
    throw new FuncError('could not parse private key');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new FuncError('could not parse RSA private key');
  const oaepHash = hash === 'SHA1' ? 'sha1' : hash === 'SHA512' ? 'sha512' : 'sha256';
  try {
    return bufferToBytes(
      privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, bytesToBuffer(input)),
    );
  } catch {
    throw new FuncError('error decrypting data with RSA');
  }
}

/** The PKCS#12 family. */
export const PKCS12_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['pkcs12key', fn([S], ([v]) => pkcs12Key('', str(v)))],
  ['pkcs12keyPass', fn([S, S], ([p, v]) => pkcs12Key(str(p), str(v)))],
  ['pkcs12cert', fn([S], ([v]) => pkcs12Cert('', str(v)))],
  ['pkcs12certPass', fn([S, S], ([p, v]) => pkcs12Cert(str(p), str(v)))],
  ['pemToPkcs12', fn([S, S], ([c, k]) => pemToPkcs12(str(c), str(k), '', false))],
  ['pemToPkcs12Pass', fn([S, S, S], ([c, k, p]) => pemToPkcs12(str(c), str(k), str(p), false))],
  ['fullPemToPkcs12', fn([S, S], ([c, k]) => pemToPkcs12(str(c), str(k), '', true))],
  ['fullPemToPkcs12Pass', fn([S, S, S], ([c, k, p]) => pemToPkcs12(str(c), str(k), str(p), true))],
  ['pemTruststoreToPKCS12', fn([S], ([c]) => toPfx(null, allCerts(str(c)), ''))],
  ['pemTruststoreToPKCS12Pass', fn([S, S], ([c, p]) => toPfx(null, allCerts(str(c)), str(p)))],
  ['rsaDecrypt', fn([S, S, S, S], ([s, h, v, k]) => rsaDecrypt(str(s), str(h), str(v), str(k)))],
]);
