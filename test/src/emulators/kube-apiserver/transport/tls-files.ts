import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTlsMaterial, type PemKeyPair, type TlsMaterial } from './tls-material.js';

/**
 * The serving certificate and CA for a server: created fresh, or, with a data directory, loaded from (and saved to)
 * `ca.pem`/`cert.pem` so kubeconfigs written before a restart stay valid.
 */
export async function tlsMaterialFor(keys: PemKeyPair, dataDir?: string): Promise<TlsMaterial> {
  if (!dataDir) return createTlsMaterial(keys);
  const caPath = join(dataDir, 'ca.pem');
  const certPath = join(dataDir, 'cert.pem');
  if (existsSync(caPath) && existsSync(certPath))
    return {
      caPem: await readFile(caPath, 'utf8'),
      certPem: await readFile(certPath, 'utf8'),
      keyPem: keys.privateKeyPem,
    };
  const material = createTlsMaterial(keys);
  await writeFile(caPath, material.caPem);
  await writeFile(certPath, material.certPem);
  return material;
}
