/**
 * Warms the harness (the API server emulator and the bench's own client) before the operator starts: a real API
 * server is a long-running process whose code is long since optimised, while a freshly spawned emulator spends
 * its first thousand requests in V8's interpreter and baseline tiers. The bench replays the requests an initial
 * sync makes (create ExternalSecret, merge-patch its finalizers, create the target Secret, PUT the status) on
 * `count` objects in a namespace of its own, then deletes them all, so the operator — started afterwards — never
 * sees them and is still measured cold.
 */
import { forEachConcurrently, type BenchClient, type BenchObject } from './reconcile-client.js';
import { anExternalSecret, createNamespace } from './reconcile-setup.js';

/** Namespace of the harness warm-up objects (deleted before the operator starts). */
export const HARNESS_WARMUP_NAMESPACE = 'bench-harness-warmup';

const FINALIZER = 'externalsecrets.external-secrets.io/externalsecret-cleanup';

/** See the module comment. */
export async function warmHarness(client: BenchClient, count: number, concurrency: number): Promise<void> {
  const ns = HARNESS_WARMUP_NAMESPACE;
  const esPath = `/apis/external-secrets.io/v1/namespaces/${ns}/externalsecrets`;
  const secretPath = `/api/v1/namespaces/${ns}/secrets`;
  await createNamespace(client, ns);
  await forEachConcurrently(count, concurrency, async (i) => {
    await client.call('POST', esPath, anExternalSecret(i, 3600, ns));
    const es = await client.call('PATCH', `${esPath}/es-${i}`, { metadata: { finalizers: [FINALIZER] } });
    await client.call('POST', secretPath, aTargetSecret(i));
    await client.call('PUT', `${esPath}/es-${i}/status`, { ...es, status: aSyncedStatus(es) });
    await client.call('PATCH', `${esPath}/es-${i}`, { metadata: { finalizers: null } });
    await client.call('DELETE', `${esPath}/es-${i}`);
    await client.call('DELETE', `${secretPath}/secret-${i}`);
  });
  const left = await client.call<{ items: unknown[] }>('GET', esPath);
  if (left.items.length > 0)
    throw new Error(`harness warm-up left ${left.items.length} ExternalSecrets behind`);
}

function aTargetSecret(i: number): BenchObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `secret-${i}`,
      namespace: HARNESS_WARMUP_NAMESPACE,
      labels: { 'reconcile.external-secrets.io/managed': 'true' },
      annotations: { 'reconcile.external-secrets.io/data-hash': 'warm-up' },
    },
    type: 'Opaque',
    data: { username: Buffer.from(`warm-${i}`).toString('base64') },
  } as BenchObject;
}

function aSyncedStatus(es: BenchObject): BenchObject['status'] {
  return {
    refreshTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    conditions: [{ type: 'Ready', status: 'True', reason: 'SecretSynced' }],
    syncedResourceVersion: `1-${es.metadata.resourceVersion ?? ''}`,
  };
}
