/**
 * Refresh behaviour through the whole reconcile: refresh policies, refreshInterval 0, forced sync,
 * drift repair, target rename and immutable targets (ESO B.2, B.4, B.7, B.10).
 */
import type { ExternalSecretBuilder } from '../../testing/fixtures.js';
import { ExternalSecretWorld } from '../../testing/external-secret-fixtures.js';
import { aSecretStore, anExternalSecret, ES_REF, SECRET_REF } from '../../testing/fixtures.js';
import { TerminalError } from '../reconciler.js';

const HOUR = 3_600_000;

/** GIVEN a Ready store with k=v1 and the ExternalSecret built by `build`, synced once. */
async function syncedWorld(build: (es: ExternalSecretBuilder) => ExternalSecretBuilder = (es) => es) {
  const world = new ExternalSecretWorld({ values: { k: 'v1' } });
  world.seed(aSecretStore('store').ready().build(), build(anExternalSecret('es').withData('k', 'k')).build());
  const first = await world.reconcile();
  expect(first.error).toBeUndefined();
  world.client.set('k', 'v2');
  return world;
}

const annotate = (world: ExternalSecretWorld, value: string) =>
  world.kube.patch(ES_REF, { metadata: { annotations: { 'force-sync': value } } }, 'merge');

describe('refresh policies', () => {
  test('Periodic picks up a remote change once the interval has passed', async () => {
    const world = await syncedWorld();
    world.advance(30 * 60_000);
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v1' });
    world.advance(31 * 60_000);
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v2' });
  });

  test('CreatedOnce never reads the provider again, not even after a spec change', async () => {
    const world = await syncedWorld((es) => es.withRefreshPolicy('CreatedOnce'));
    world.advance(48 * HOUR);
    await annotate(world, '1');
    const run = await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v1' });
    expect(world.client.reads()).toBe(1);
    expect(run.result).toBe('awaitChange');
  });

  test('OnChange ignores time but refreshes on a spec or annotation change', async () => {
    const world = await syncedWorld((es) => es.withRefreshPolicy('OnChange'));
    world.advance(48 * HOUR);
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v1' });
    await annotate(world, '1');
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v2' });
  });
});

describe('forced sync', () => {
  test('changing any annotation refreshes a Periodic ExternalSecret at once', async () => {
    const world = await syncedWorld();
    world.advance(60_000);
    await annotate(world, String(Date.now()));
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v2' });
  });

  test('refreshInterval 0 fetches once and ignores forced syncs', async () => {
    const world = await syncedWorld((es) => es.withRefreshInterval('0s'));
    world.advance(48 * HOUR);
    await annotate(world, '1');
    const run = await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v1' });
    expect(run.result).toBe('awaitChange');
  });
});

describe('drift repair', () => {
  test('a deleted Owner Secret is recreated at once, even with refreshInterval 0', async () => {
    const world = await syncedWorld((es) => es.withRefreshInterval('0s'));
    await world.kube.delete(SECRET_REF);
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v2' });
  });

  test('a hand-edited Owner Secret is restored at once', async () => {
    const world = await syncedWorld((es) => es.withRefreshPolicy('CreatedOnce'));
    world.client.set('k', 'v1');
    const secret = world.secret('es');
    await world.kube.update({ ...secret!, data: { k: Buffer.from('hacked').toString('base64') } });
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v1' });
  });

  test('a Secret that lost its managed label is taken back', async () => {
    const world = await syncedWorld();
    await world.kube.patch(
      SECRET_REF,
      { metadata: { labels: { 'reconcile.external-secrets.io/managed': null } } },
      'merge',
    );
    await world.reconcile();
    expect(world.secret('es')?.metadata.labels?.['reconcile.external-secrets.io/managed']).toBe('true');
  });

  test('an edited Orphan Secret is only restored by a real refresh', async () => {
    const world = await syncedWorld((es) => es.withTarget({ creationPolicy: 'Orphan' }));
    world.client.set('k', 'v1');
    const secret = world.secret('es');
    await world.kube.update({ ...secret!, data: { k: Buffer.from('edited').toString('base64') } });
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'edited' });
    world.advance(HOUR + 1000);
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v1' });
  });
});

describe('target rename', () => {
  test('the Secret created under the old name is deleted and the new one created', async () => {
    const world = await syncedWorld();
    // WHEN spec.target.name changes
    await world.kube.patch(ES_REF, { spec: { target: { name: 'renamed' } } }, 'merge');
    await world.reconcile();
    // THEN
    expect(world.secretText('renamed')).toEqual({ k: 'v2' });
    expect(world.secret('es')).toBeUndefined();
    expect(world.events.withReason('Deleted').map((event) => event.message)).toEqual([
      'secret deleted because it was orphaned',
    ]);
    expect(world.externalSecret()?.status?.binding).toEqual({ name: 'renamed' });
  });
});

describe('immutable targets', () => {
  test('a data change on an immutable Secret stops with ESO message and keeps the data', async () => {
    const world = await syncedWorld((es) => es.withTarget({ immutable: true }));
    world.advance(HOUR + 1000);
    const run = await world.reconcile();
    expect(run.error).toBeInstanceOf(TerminalError);
    expect(world.secretText('es')).toEqual({ k: 'v1' });
    expect(world.ready()?.message).toMatch(
      /^could not update secret, target is immutable: Secret "es" is immutable/,
    );
  });

  test('a deleted immutable Secret is created afresh', async () => {
    const world = await syncedWorld((es) => es.withTarget({ immutable: true }));
    await world.kube.delete(SECRET_REF);
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v2' });
    expect(world.secret('es')?.immutable).toBe(true);
  });
});

describe('metadata copying', () => {
  test('the ExternalSecret labels are copied and a removed label disappears from the Secret', async () => {
    const world = await syncedWorld((es) => es.withLabels({ team: 'a', tier: 'db' }));
    expect(world.secret('es')?.metadata.labels).toMatchObject({ team: 'a', tier: 'db' });
    await world.kube.patch(ES_REF, { metadata: { labels: { tier: null } } }, 'merge');
    await world.reconcile();
    expect(world.secret('es')?.metadata.labels?.tier).toBeUndefined();
    expect(world.secret('es')?.metadata.labels?.team).toBe('a');
  });

  test('a data key removed from the spec disappears from the Secret', async () => {
    const world = await syncedWorld((es) => es.withData('other', 'k'));
    expect(Object.keys(world.secretText('es') ?? {})).toEqual(['k', 'other']);
    await world.kube.patch(
      ES_REF,
      { spec: { data: [{ secretKey: 'k', remoteRef: { key: 'k' } }] } },
      'merge',
    );
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v2' });
  });
});
