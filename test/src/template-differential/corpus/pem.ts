/** Corpus: ESO's filterPEM and certSANs (the oracle rebuilds them on Go's encoding/pem and crypto/x509). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseGroup } from './case-builder.js';

const TESTDATA = join(dirname(fileURLToPath(import.meta.url)), '../../../../core/src/template/testdata');
const read = (f: string): string => readFileSync(join(TESTDATA, f), 'utf8');

const leaf = read('leaf.crt');
const inter = read('intermediate.crt');
const root = read('root.crt');
const key = read('leaf.key');
const bundle = leaf + key + inter;
const rewrap = (pem: string): string => {
  const [head, ...rest] = pem.trim().split('\n');
  const tail = rest.pop() as string;
  return [head, ...(rest.join('').match(/.{1,76}/g) ?? []), tail].join('\n') + '\n';
};

const g = caseGroup('pem');
const { add } = g;

add('{{ filterPEM "CERTIFICATE" .bundle }}', { bundle });
add('{{ filterPEM "certificate" .bundle }}', { bundle });
add('{{ .bundle | filterPEM "RSA PRIVATE KEY" }}', { bundle });
add('{{ filterPEM "PRIVATE KEY" .bundle }}|', { bundle });
add('{{ filterPEM "CERTIFICATE" .b }}', { b: 'leading junk\n' + leaf + 'trailing junk\n' });
add('{{ filterPEM "CERTIFICATE" .b }}', { b: leaf.replace(/\n/g, '\r\n') });
add('{{ filterPEM "CERTIFICATE" .b }}', { b: rewrap(inter) });
add('{{ filterPEM "CERTIFICATE" .b }}', { b: '   \n\t' + root + '\n\n' });
add('{{ filterPEM "CERTIFICATE" .b }}', { b: 'no pem here' });
add('{{ filterPEM "CERTIFICATE" .b }}|', { b: '' });
add('{{ filterPEM "CERTIFICATE" .b }}', {
  b: leaf.replace('-----END CERTIFICATE-----', '-----END CERT-----'),
});
add('{{ filterPEM "CERTIFICATE" .b }}', { b: leaf.replace('M', '!') });
add('{{ filterPEM "CERTIFICATE" .b }}', { b: leaf + leaf.replace('M', '!') });
add('{{ filterPEM "X" .b }}', {
  b: '-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\nZm9v\n-----END X-----\n',
});
add('{{ filterPEM "X" .b }}', { b: '-----BEGIN X-----\n-----END X-----\n' });
add('{{ filterPEM "X" .b }}', {
  b: '-----BEGIN X-----\nZm9v\n-----END X-----   \n-----BEGIN X-----\nYmFy\n-----END X-----',
});
add('{{ filterPEM "X" .b }}', { b: 'x-----BEGIN X-----\nZm9v\n-----END X-----\n' });
add('{{ filterPEM "X" .b }}', { b: 'text\n-----BEGIN X-----\nZm9v\n-----END X----- trailing\n' });
add('{{ filterPEM "X" .b }}', { b: '-----BEGIN X-----\nZm 9v\t\n-----END X-----\n' });
add('{{ filterPEM "CERTIFICATE" .bundle | b64enc | len }}', { bundle });
add(
  'tls.crt: {{ filterPEM "CERTIFICATE" .bundle | b64enc }}\ntls.key: {{ filterPEM "RSA PRIVATE KEY" .bundle | b64enc }}',
  { bundle },
);
add('{{ certSANs .c }}', { c: leaf });
add('{{ certSANs .c | join "," }}', { c: 'junk\n' + leaf });
add('{{ certSANs .c }}', { c: root });
add('{{ certSANs .c }}', { c: 'not a cert' });
add('{{ certSANs .c }}', { c: '-----BEGIN CERTIFICATE-----\nZm9v\n-----END CERTIFICATE-----\n' });

export const PEM_CASES = g.cases;
