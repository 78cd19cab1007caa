/**
 * sprig's certificate helpers (genCA, genSelfSignedCert, genSignedCert, their *WithKey variants,
 * buildCustomCert) built with node-forge. Signing keys must be RSA (node-forge signs with RSA only).
 */
import { X509Certificate, createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { FuncError, type FuncSpec, fn } from '../exec/func-spec.js';
import { bytesToBuffer, bytesToUtf8 } from '../text/bytes.js';
import type { GoObject, GoSlice, GoValue } from '../value/go-value.js';
import { base64Decode } from './go-base.js';
import { I, LIST, S, num } from './support.js';

const CERT = 'sprig.certificate';

/** sprig's certificate struct {Cert, Key string}. */
export function certificateObject(cert: string, key: string): GoObject {
  const fields: Record<string, GoValue> = { Cert: cert, Key: key };
  return {
    goType: CERT,
    goKind: 'struct',
    field: (name) => (Object.hasOwn(fields, name) ? fields[name] : undefined),
    fieldNames: () => ['Cert', 'Key'],
    equals: (o) => o.field?.('Cert') === cert && o.field?.('Key') === key,
  };
}

function rsaKeyFromPem(pem: string): forge.pki.rsa.PrivateKey {
  let key;
  try {
    key = createPrivateKey(bytesToBuffer(pem));
  } catch {
    throw new FuncError('parsing private key: no usable PEM private key in input');
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw new FuncError('only RSA private keys can sign certificates in Tessera');
  return forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }) as string);
}

function newRsaKey(): forge.pki.rsa.PrivateKey {
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs1',
    format: 'pem',
  }) as string;
  return forge.pki.privateKeyFromPem(pem);
}

function stringsOf(v: GoValue, what: string): string[] {
  if (v === null) return [];
  return (v as GoSlice).items.map((x) => {
    if (typeof x !== 'string') throw new FuncError(`error parsing ${what}: a value is not a string`);
    return bytesToUtf8(x);
  });
}

interface Spec {
  cn: string;
  ips: string[];
  dns: string[];
  days: number;
  isCA: boolean;
}

function build(
  spec: Spec,
  key: forge.pki.rsa.PrivateKey,
  issuer?: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey },
): GoObject {
  for (const ip of spec.ips)
    if (!/^[0-9.]+$|:/.test(ip)) throw new FuncError('error parsing ip: not an IP address');
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '00' + randomBytes(16).toString('hex');
  const now = new Date();
  cert.validity.notBefore = now;
  cert.validity.notAfter = new Date(now.getTime() + spec.days * 86400_000);
  const subject = [{ name: 'commonName', value: spec.cn }];
  cert.setSubject(subject);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : subject);
  const altNames = [
    ...spec.dns.map((value) => ({ type: 2, value })),
    ...spec.ips.map((ip) => ({ type: 7, ip })),
  ];
  cert.setExtensions([
    {
      name: 'keyUsage',
      critical: true,
      digitalSignature: true,
      keyEncipherment: true,
      keyCertSign: spec.isCA,
    },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    { name: 'basicConstraints', critical: true, cA: spec.isCA },
    ...(altNames.length ? [{ name: 'subjectAltName', altNames }] : []),
    // Like Go's CreateCertificate: CAs get a subject key id, issued certificates the issuer's.
    ...(spec.isCA ? [{ name: 'subjectKeyIdentifier' }] : []),
    ...(issuer
      ? [
          {
            name: 'authorityKeyIdentifier',
            keyIdentifier: issuer.cert.generateSubjectKeyIdentifier().getBytes(),
          },
        ]
      : []),
  ]);
  cert.sign(issuer ? issuer.key : key, forge.md.sha256.create());
  return certificateObject(forge.pki.certificateToPem(cert), forge.pki.privateKeyToPem(key));
}

function signerOf(ca: GoValue): { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } {
  const o = ca as GoObject;
  try {
    return {
      cert: forge.pki.certificateFromPem(bytesToUtf8(o.field?.('Cert') as string)),
      key: rsaKeyFromPem(o.field?.('Key') as string),
    };
  } catch (e) {
    if (e instanceof FuncError) throw e;
    throw new FuncError('unable to decode the CA certificate');
  }
}

function buildCustomCert(b64cert: string, b64key: string): GoObject {
  const cert = base64Decode(b64cert);
  if (!cert.ok) throw new FuncError('unable to decode base64 certificate');
  const key = base64Decode(b64key);
  if (!key.ok) throw new FuncError('unable to decode base64 private key');
  try {
    new X509Certificate(bytesToBuffer(cert.bytes));
  } catch {
    throw new FuncError('unable to decode certificate');
  }
  try {
    createPrivateKey(bytesToBuffer(key.bytes));
  } catch {
    throw new FuncError('error parsing private key');
  }
  return certificateObject(cert.bytes, key.bytes);
}

const str = (v: GoValue): string => bytesToUtf8(v as string);

/** The certificate functions. */

/** The certificate request of the `gen…Cert` functions that issue a leaf (non-CA) certificate. */
function leafSpec(cn: GoValue, ips: GoValue, dns: GoValue, days: GoValue): Parameters<typeof build>[0] {
  return {
    cn: str(cn),
    ips: stringsOf(ips, 'ip'),
    dns: stringsOf(dns, 'dns name'),
    days: num(days),
    isCA: false,
  };
}

export const CERT_FUNCTIONS: Array<[string, FuncSpec]> = [
  [
    'genCA',
    fn([S, I], ([cn, d]) => build({ cn: str(cn), ips: [], dns: [], days: num(d), isCA: true }, newRsaKey())),
  ],
  [
    'genCAWithKey',
    fn([S, I, S], ([cn, d, k]) =>
      build({ cn: str(cn), ips: [], dns: [], days: num(d), isCA: true }, rsaKeyFromPem(k as string)),
    ),
  ],
  [
    'genSelfSignedCert',
    fn([S, LIST, LIST, I], ([cn, ips, dns, d]) => build(leafSpec(cn, ips, dns, d), newRsaKey())),
  ],
  [
    'genSelfSignedCertWithKey',
    fn([S, LIST, LIST, I, S], ([cn, ips, dns, d, k]) =>
      build(leafSpec(cn, ips, dns, d), rsaKeyFromPem(k as string)),
    ),
  ],
  [
    'genSignedCert',
    fn([S, LIST, LIST, I, CERT], ([cn, ips, dns, d, ca]) =>
      build(leafSpec(cn, ips, dns, d), newRsaKey(), signerOf(ca)),
    ),
  ],
  [
    'genSignedCertWithKey',
    fn([S, LIST, LIST, I, CERT, S], ([cn, ips, dns, d, ca, k]) =>
      build(leafSpec(cn, ips, dns, d), rsaKeyFromPem(k as string), signerOf(ca)),
    ),
  ],
  ['buildCustomCert', fn([S, S], ([c, k]) => buildCustomCert(c as string, k as string))],
];
