/** The bench's world: CRDs from `crds/`, one fake ClusterSecretStore, and the ExternalSecrets it creates. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { forEachConcurrently, type BenchClient, type BenchObject } from './reconcile-client.js';

/** Namespace of the bench's ExternalSecrets. */
export const NAMESPACE = 'bench';
/** Namespace of the warm-up ExternalSecrets (`--warmup`), which the figures leave out. */
export const WARMUP_NAMESPACE = 'bench-warmup';
/** Name of the fake ClusterSecretStore. */
export const STORE = 'bench-fake';

const CRD_DIR = fileURLToPath(new URL('../crds/', import.meta.url));
const CRD_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

/** Remote key read by ExternalSecret `i`. */
function remoteKey(i: number): string {
  return `bench/app-${i}`;
}

/** Creates every CRD in `crds/` and waits until ExternalSecrets and ClusterSecretStores are served. */
export async function installCrds(client: BenchClient): Promise<void> {
  for (const file of readdirSync(CRD_DIR).filter((name) => name.endsWith('.yaml'))) {
    for (const document of parseAllDocuments(readFileSync(join(CRD_DIR, file), 'utf8'))) {
      await client.call('POST', CRD_PATH, document.toJS());
    }
  }
  for (const plural of ['externalsecrets', 'clustersecretstores']) {
    await poll(
      async () => (await client.raw('GET', `/apis/external-secrets.io/v1/${plural}?limit=1`)).status === 200,
      `${plural} to be served`,
    );
  }
}

/** A fake ClusterSecretStore holding one JSON value (three properties) per ExternalSecret. */
export function aFakeClusterStore(count: number): BenchObject {
  const data = Array.from({ length: count }, (_, i) => ({
    key: remoteKey(i),
    value: JSON.stringify({ username: `user-${i}`, password: `password-${i}`, host: `db-${i % 10}.example` }),
  }));
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: { name: STORE },
    spec: { provider: { fake: { data } } },
  };
}

/** ExternalSecret `i`: three `data` entries, each a property of the same remote key. */
export function anExternalSecret(i: number, refreshSeconds: number, namespace = NAMESPACE): BenchObject {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: `es-${i}`, namespace },
    spec: {
      refreshInterval: `${refreshSeconds}s`,
      secretStoreRef: { kind: 'ClusterSecretStore', name: STORE },
      target: { name: `secret-${i}` },
      data: ['username', 'password', 'host'].map((property) => ({
        secretKey: property,
        remoteRef: { key: remoteKey(i), property },
      })),
    },
  };
}

/** Creates a namespace. */
export async function createNamespace(client: BenchClient, name: string): Promise<void> {
  await client.call('POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  });
}

/** Creates ExternalSecrets 0…n-1 in `namespace`, `concurrency` requests in flight. */
export async function createExternalSecrets(
  client: BenchClient,
  options: { namespace: string; count: number; refreshSeconds: number; concurrency: number },
): Promise<void> {
  const path = `/apis/external-secrets.io/v1/namespaces/${options.namespace}/externalsecrets`;
  await forEachConcurrently(options.count, options.concurrency, (i) =>
    client.call('POST', path, anExternalSecret(i, options.refreshSeconds, options.namespace)),
  );
}

/** Waits until the store is Ready=True. */
export async function waitForStoreReady(client: BenchClient): Promise<void> {
  await poll(async () => {
    const store = await client.call('GET', `/apis/external-secrets.io/v1/clustersecretstores/${STORE}`);
    return store.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  }, `ClusterSecretStore ${STORE} to be Ready`);
}

async function poll(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
