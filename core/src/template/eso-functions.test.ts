/**
 * Golden tests for ESO's own template functions (not part of sprig, so not covered by the Go
 * differential suite), built on fixed fixtures in testdata/.
 */
import {
  X509Certificate,
  constants,
  createHash,
  createPrivateKey,
  createPublicKey,
  publicEncrypt,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcryptjs';
import { renderTemplate } from './index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
const leaf = read('leaf.crt');
const inter = read('intermediate.crt');
const root = read('root.crt');
const key = read('leaf.key');
const p12 = Buffer.from(read('leaf-nopass.p12.b64').trim(), 'base64');
const p12pass = Buffer.from(read('leaf-pass.p12.b64').trim(), 'base64');
const pkcs8 = createPrivateKey(key).export({ type: 'pkcs8', format: 'pem' }) as string;
const spki = createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string;

describe('ESO certificate chain functions', () => {
  const shuffled = { chain: root + leaf + inter };

  it('filterCertChain picks the leaf, the intermediates and the root of an unordered chain', () => {
    expect(renderTemplate('{{ filterCertChain "leaf" .chain }}', shuffled)).toBe(leaf);
    expect(renderTemplate('{{ filterCertChain "intermediate" .chain }}', shuffled)).toBe(inter);
    expect(renderTemplate('{{ filterCertChain "root" .chain }}', shuffled)).toBe(root);
    expect(renderTemplate('[{{ filterCertChain "other" .chain }}]', shuffled)).toBe('[]');
  });

  it('filterCertChain returns nothing for a root when the chain has no self-signed certificate', () => {
    expect(renderTemplate('[{{ filterCertChain "root" .chain }}]', { chain: leaf + inter })).toBe('[]');
    expect(renderTemplate('{{ filterCertChain "leaf" .chain }}', { chain: leaf + inter })).toBe(leaf);
  });

  it('filterCertChain fails on two unrelated leaves', () => {
    expect(() =>
      renderTemplate('{{ filterCertChain "leaf" .chain }}', {
        chain: leaf + root + leaf.replace(/A/, 'A') + root,
      }),
    ).toThrow();
  });
});

describe('ESO PKCS#12 functions', () => {
  it('pkcs12cert returns the chain ordered leaf, intermediate, root', () => {
    expect(renderTemplate('{{ .p12 | pkcs12cert }}', { p12 })).toBe(leaf + inter + root);
    expect(renderTemplate('{{ .p12 | pkcs12certPass "hunter2" }}', { p12: p12pass })).toBe(
      leaf + inter + root,
    );
  });

  it('pkcs12key returns the private key as PKCS#8 PEM', () => {
    expect(renderTemplate('{{ .p12 | pkcs12key }}', { p12 })).toBe(pkcs8);
    expect(renderTemplate('{{ .p12 | pkcs12keyPass "hunter2" }}', { p12: p12pass })).toBe(pkcs8);
  });

  it('pkcs12key with a wrong password fails without echoing the password', () => {
    expect(() =>
      renderTemplate('{{ .p12 | pkcs12keyPass .pw }}', { p12: p12pass, pw: 'wrong-pass-xyz' }),
    ).toThrow(/^(?!.*wrong-pass-xyz).*the password is wrong/);
  });

  it('pemToPkcs12 and fullPemToPkcs12 build archives that read back to the same key and chain', () => {
    const data = { crt: leaf + inter + root, key };
    expect(renderTemplate('{{ pemToPkcs12 .crt .key | b64dec | pkcs12cert }}', data)).toBe(leaf);
    expect(renderTemplate('{{ fullPemToPkcs12 .crt .key | b64dec | pkcs12cert }}', data)).toBe(
      leaf + inter + root,
    );
    expect(
      renderTemplate('{{ fullPemToPkcs12Pass .crt .key "pw" | b64dec | pkcs12keyPass "pw" }}', data),
    ).toBe(pkcs8);
    expect(renderTemplate('{{ pemToPkcs12Pass .crt .key "pw" | b64dec | pkcs12certPass "pw" }}', data)).toBe(
      leaf,
    );
  });

  it('pemTruststoreToPKCS12 builds a truststore holding every certificate', () => {
    const data = { crt: root + inter };
    const out = renderTemplate('{{ pemTruststoreToPKCS12 .crt | b64dec | pkcs12cert }}', data);
    expect(out).toContain(root);
    expect(out).toContain(inter);
  });
});

describe('ESO JWK, RSA and YAML functions', () => {
  const jwk = read('leaf-public.jwk.json').trim();

  it('jwkPublicKeyPem turns a JWK into a PKIX public key PEM', () => {
    expect(renderTemplate('{{ jwkPublicKeyPem .jwk }}', { jwk })).toBe(spki);
  });

  it('jwkPrivateKeyPem turns a private JWK into PKCS#8 PEM and refuses a public one', () => {
    const priv = JSON.stringify(createPrivateKey(key).export({ format: 'jwk' }));
    expect(renderTemplate('{{ jwkPrivateKeyPem .jwk }}', { jwk: priv })).toBe(pkcs8);
    expect(() => renderTemplate('{{ jwkPrivateKeyPem .jwk }}', { jwk })).toThrow('is it a private key?');
  });

  it('rsaDecrypt decrypts RSA-OAEP ciphertext and passes data through with scheme None', () => {
    const secret = 'db-password-123';
    const ct = (hash: string): Buffer =>
      publicEncrypt(
        { key: spki, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash },
        Buffer.from(secret),
      );
    expect(renderTemplate('{{ rsaDecrypt "RSA-OAEP" "SHA256" .ct .key }}', { ct: ct('sha256'), key })).toBe(
      secret,
    );
    expect(renderTemplate('{{ rsaDecrypt "RSA-OAEP" "SHA1" .ct .key }}', { ct: ct('sha1'), key })).toBe(
      secret,
    );
    expect(renderTemplate('{{ rsaDecrypt "None" "" .v "" }}', { v: 'plain' })).toBe('plain');
    expect(() => renderTemplate('{{ rsaDecrypt "RSA-PKCS1" "SHA1" .v .key }}', { v: 'x', key })).toThrow(
      'decryption scheme RSA-PKCS1 is not supported',
    );
  });

  it('hexdec decodes hexadecimal', () => {
    expect(renderTemplate('{{ hexdec "48656c6c6f" }}', {})).toBe('Hello');
  });

  it('htpasswd takes the hash algorithm as its third argument, as in ESO', () => {
    const sha = createHash('sha1').update('pw').digest('base64');
    expect(renderTemplate('{{ htpasswd "user" "pw" "sha" }}', {})).toBe(`user:{SHA}${sha}`);
    const line = renderTemplate('{{ htpasswd "user" "pw" "bcrypt" }}', {});
    expect(line.startsWith('user:$2a$10$')).toBe(true);
    expect(bcrypt.compareSync('pw', line.slice('user:'.length))).toBe(true);
    // A computed string is not a sprig.HashAlgorithm, exactly as Go's type check decides.
    expect(() => renderTemplate('{{ htpasswd "user" "pw" (lower "SHA") }}', {})).toThrow(
      'expected sprig.HashAlgorithm',
    );
  });

  it('bcrypt hashes verify with a standard bcrypt implementation', () => {
    const hash = renderTemplate('{{ bcrypt .pw }}', { pw: 'pässwörd' });
    expect(bcrypt.compareSync('pässwörd', hash)).toBe(true);
  });

  it('fromYaml reports errors in the map without repeating the document', () => {
    const out = renderTemplate('{{ (fromYaml .y).Error }}', { y: 'a: [unclosed SECRETVALUE' });
    expect(out).toContain('not valid YAML');
    expect(out).not.toContain('SECRETVALUE');
  });

  it('genCA, genSelfSignedCert and genSignedCert produce certificates that chain', () => {
    const [cert, ca] = renderTemplate(
      '{{ $ca := genCA "test-ca" 30 }}{{ $c := genSignedCert "svc" (list "10.0.0.1") (list "svc.local") 30 $ca }}{{ $c.Cert }}|{{ $ca.Cert }}',
      {},
    ).split('|');
    expect(new X509Certificate(cert).verify(new X509Certificate(ca).publicKey)).toBe(true);
    expect(new X509Certificate(ca).ca).toBe(true);
    expect(renderTemplate('{{ certSANs .c | join "," }}', { c: cert })).toBe('svc.local,10.0.0.1');
    const self = renderTemplate('{{ (genSelfSignedCert "me" nil (list "me.local") 1).Cert | certSANs }}', {});
    expect(self).toBe('[me.local]');
  });
});
