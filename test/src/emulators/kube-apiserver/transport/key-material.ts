import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createPublicKey, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
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

async function writeAtomically(path: string, content: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}`;
  await writeFile(temp, content, { mode: 0o600 });
  await rename(temp, path);
}

/** Loads both keys from a directory, or generates and saves them there. */
async function keysIn(dir: string): Promise<ServerKeys> {
  const tlsPath = join(dir, 'tls-key.pem');
  const saPath = join(dir, 'sa-key.pem');
  if (existsSync(tlsPath) && existsSync(saPath)) {
    return { tls: await loadPair(tlsPath), serviceAccount: await loadPair(saPath) };
  }
  const keys = await generate();
  await writeAtomically(tlsPath, keys.tls.privateKeyPem);
  await writeAtomically(saPath, keys.serviceAccount.privateKeyPem);
  return keys;
}

/**
 * A per-user key cache in the temp dir (mode 0700, owned by us), so test processes skip the RSA keygen that
 * dominates start-up. Certificates are still issued fresh at each start. Falls back to fresh keys if the directory
 * is not safely ours.
 */
async function userCachedKeys(): Promise<ServerKeys> {
  const uid = process.getuid?.();
  if (uid === undefined) return generate();
  const dir = join(tmpdir(), `tessera-kube-emulator-keys-${uid}`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const info = await stat(dir);
    if (info.uid !== uid || (info.mode & 0o077) !== 0) return await generate();
    return await keysIn(dir);
  } catch {
    return generate();
  }
}

/**
 * Keys for a server. With a data directory they are loaded from (or saved to) it so a restarted server keeps its
 * CA and token signer; without one they come from the per-user cache, once per process.
 */
export async function serverKeys(dataDir?: string): Promise<ServerKeys> {
  if (!dataDir) return (processKeys ??= userCachedKeys());
  return keysIn(dataDir);
}
