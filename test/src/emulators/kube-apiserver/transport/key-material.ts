import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import { generateRsaKeyPair, type PemKeyPair } from './tls-material.js';

/** The two keys a server needs: TLS (CA and serving cert) and ServiceAccount token signing. */
export interface ServerKeys {
  readonly tls: PemKeyPair;
  readonly serviceAccount: PemKeyPair;
}

let processKeys: Promise<ServerKeys> | undefined;

function generate(): Promise<ServerKeys> {
  return Promise.all([generateRsaKeyPair(), generateRsaKeyPair()]).then(([tls, serviceAccount]) => ({
    tls,
    serviceAccount,
  }));
}

async function loadPair(path: string): Promise<PemKeyPair> {
  const privateKeyPem = await readFile(path, 'utf8');
  const publicKeyPem = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKeyPem, publicKeyPem };
}

/**
 * Keys for a server. With a data directory they are loaded from (or saved to) it so a restarted server keeps its
 * CA and token signer; without one they are generated once per process (RSA keygen dominates start-up time).
 */
export async function serverKeys(dataDir?: string): Promise<ServerKeys> {
  if (!dataDir) return (processKeys ??= generate());
  const tlsPath = join(dataDir, 'tls-key.pem');
  const saPath = join(dataDir, 'sa-key.pem');
  if (existsSync(tlsPath) && existsSync(saPath))
    return { tls: await loadPair(tlsPath), serviceAccount: await loadPair(saPath) };
  const keys = await generate();
  await writeFile(tlsPath, keys.tls.privateKeyPem, { mode: 0o600 });
  await writeFile(saPath, keys.serviceAccount.privateKeyPem, { mode: 0o600 });
  return keys;
}
