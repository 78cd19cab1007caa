/** sprig crypto functions: bcrypt, htpasswd, derivePassword, AES, key and certificate generation. */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import bcrypt from 'bcryptjs';
import { FuncError, type FuncSpec, fn } from '../exec/func-spec.js';
import { bufferToBytes, bytesToBuffer, bytesToUtf8 } from '../text/bytes.js';
import type { GoValue } from '../value/go-value.js';
import { base64Decode } from './go-base.js';
import { CERT_FUNCTIONS } from './certificates.js';
import { S, num } from './support.js';

const s = (v: GoValue): string => v as string;

function bcryptHash(password: string): string {
  if (password.length > 72)
    return 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes';
  return bcrypt.hashSync(bytesToUtf8(password), 10).replace(/^\$2b\$/, '$2a$');
}

const TEMPLATES: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv',
    'CvcvCvcvnoCvcv',
    'CvcvCvcvCvcvno',
    'CvccnoCvcvCvcv',
    'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv',
    'CvcvCvccCvcvno',
    'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc',
    'CvcvCvcvCvccno',
    'CvccnoCvccCvcv',
    'CvccCvccnoCvcv',
    'CvccCvccCvcvno',
    'CvcvnoCvccCvcc',
    'CvcvCvccnoCvcc',
    'CvcvCvccCvccno',
    'CvccnoCvcvCvcc',
    'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};
const CHARS: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** Master Password algorithm (sprig's derivePassword). */
function derivePassword(counter: number, type: string, password: string, user: string, site: string): string {
  const templates = Object.hasOwn(TEMPLATES, type) ? TEMPLATES[type] : undefined;
  if (!templates) return `cannot find password template ${type}`;
  const seed = Buffer.from('com.lyndir.masterpassword');
  const salt = Buffer.concat([seed, u32(user.length), bytesToBuffer(user)]);
  const key = scryptSync(bytesToBuffer(password), salt, 64, {
    N: 32768,
    r: 8,
    p: 2,
    maxmem: 64 * 1024 * 1024,
  });
  const msg = Buffer.concat([seed, u32(site.length), bytesToBuffer(site), u32(counter)]);
  const digest = createHmac('sha256', key).update(msg).digest();
  const template = templates[digest[0] % templates.length];
  return [...template].map((c, i) => CHARS[c][digest[i + 1] % CHARS[c].length]).join('');
}

function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  bytesToBuffer(password).copy(key, 0, 0, 32);
  return key;
}

function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const content = bytesToBuffer(plaintext);
  const padding = 16 - (content.length % 16);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv).setAutoPadding(false);
  const padded = Buffer.concat([content, Buffer.alloc(padding, padding)]);
  return Buffer.concat([iv, cipher.update(padded), cipher.final()]).toString('base64');
}

function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const decoded = base64Decode(crypt64);
  if (!decoded.ok) throw new FuncError('ciphertext is not valid base64');
  const crypt = bytesToBuffer(decoded.bytes);
  if (crypt.length < 16) throw new FuncError('ciphertext is shorter than one block');
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new FuncError('ciphertext is not a multiple of the block size');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(password), crypt.subarray(0, 16)).setAutoPadding(
    false,
  );
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  if (plain.length === 0) throw new FuncError('ciphertext holds no data');
  const pad = plain[plain.length - 1];
  if (pad > plain.length) throw new FuncError('invalid padding');
  return bufferToBytes(plain.subarray(0, plain.length - pad));
}

function generatePrivateKey(type: string): string {
  switch (type) {
    case '':
    case 'rsa':
      return generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey.export({
        type: 'pkcs1',
        format: 'pem',
      }) as string;
    case 'ecdsa':
      return generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({
        type: 'sec1',
        format: 'pem',
      }) as string;
    case 'ed25519':
      return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    case 'dsa':
      throw new FuncError('dsa keys are not supported by Tessera');
    default:
      return 'Unknown type ' + type;
  }
}

/** The crypto family. */
export const CRYPTO_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['bcrypt', fn([S], ([p]) => bcryptHash(s(p)))],
  [
    'htpasswd',
    fn([S, S, 'sprig.HashAlgorithm'], ([u, p, alg]) => {
      if (s(u).includes(':')) return `invalid username: ${s(u)}`;
      if (alg === 'sha')
        return `${s(u)}:{SHA}${createHash('sha1')
          .update(bytesToBuffer(s(p)))
          .digest('base64')}`;
      return `${s(u)}:${bcryptHash(s(p))}`;
    }),
  ],
  [
    'derivePassword',
    fn(['uint32', S, S, S, S], ([c, t, p, u, site]) => derivePassword(num(c), s(t), s(p), s(u), s(site))),
  ],
  ['encryptAES', fn([S, S], ([k, t]) => encryptAES(s(k), s(t)))],
  ['decryptAES', fn([S, S], ([k, c]) => decryptAES(s(k), s(c)))],
  ['genPrivateKey', fn([S], ([t]) => generatePrivateKey(s(t)))],
  ...CERT_FUNCTIONS,
]);
