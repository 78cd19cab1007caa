import type { ExternalSecret } from '../../api/v1/index.js';
import { KubeApiError } from '../../kube/kube-port.js';
import { TesseraMetrics } from '../../metrics/tessera-metrics.js';
import { ProviderUnavailableError, RateLimitedError } from '../../provider/errors.js';
import { CANARY, ExternalSecretWorld } from '../../testing/external-secret-fixtures.js';
import { aSecretStore, anExternalSecret } from '../../testing/fixtures.js';
import { TerminalError } from '../reconciler.js';
import { EXTERNAL_SECRET_FINALIZER } from './target-bookkeeping.js';

const ES_REF = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  name: 'db',
  namespace: 'default',
};
const HOUR = 3_600_000;
const item = JSON.stringify({ user: 'app', password: CANARY, host: 'db.local' });

/** GIVEN a Ready store whose item db-prod holds three fields, and an ExternalSecret reading all three. */
function threeFieldWorld() {
  const world = new ExternalSecretWorld({ values: { 'db-prod': item }, batch: true });
  world.seed(
    aSecretStore('store').ready().build(),
    anExternalSecret('db')
      .withData('user', { key: 'db-prod', property: 'user' })
      .withData('password', { key: 'db-prod', property: 'password' })
      .withData('host', { key: 'db-prod', property: 'host' })
      .build(),
  );
  return world;
}

describe('ExternalSecret reconcile', () => {
  test('a new ExternalSecret is synced with at most three API writes and one provider read', async () => {
    const world = threeFieldWorld();
    // WHEN it is reconciled for the first time
    const run = await world.reconcile('db');
    // THEN the Secret holds the three values, the status says so, and the budget held
    expect(run.error).toBeUndefined();
    expect(world.secretText('db')).toEqual({ user: 'app', password: CANARY, host: 'db.local' });
    expect(world.ready('db')).toMatchObject({
      status: 'True',
      reason: 'SecretSynced',
      message: 'secret synced',
    });
    expect(world.externalSecret('db')?.status?.binding).toEqual({ name: 'db' });
    expect(world.externalSecret('db')?.metadata.finalizers).toEqual([EXTERNAL_SECRET_FINALIZER]);
    expect(world.kube.writes().map((call) => `${call.verb} ${call.kind}`)).toEqual([
      'patch ExternalSecret',
      'create Secret',
      'updateStatus ExternalSecret',
    ]);
    expect(world.client.reads()).toBe(1);
    expect(world.events.events.map((event) => event.reason)).toEqual(['Created']);
    expect(run.result).toEqual({ requeueAfter: HOUR });
  });

  test('without a batch API, identical entries still cost one read per refresh', async () => {
    const world = new ExternalSecretWorld({ values: { token: 't' } });
    world.seed(
      aSecretStore('store').ready().build(),
      anExternalSecret('es').withData('a', 'token').withData('b', 'token').build(),
    );
    await world.reconcile();
    world.advance(HOUR + 1000);
    await world.reconcile();
    expect(world.client.count('getSecret')).toBe(2);
    expect(world.secretText('es')).toEqual({ a: 't', b: 't' });
  });

  test('a reconcile inside the refresh interval reads nothing and writes nothing', async () => {
    const world = threeFieldWorld();
    await world.reconcile('db');
    world.kube.resetCalls();
    world.client.calls.length = 0;
    world.advance(10 * 60_000);
    const run = await world.reconcile('db');
    expect(world.kube.writes()).toEqual([]);
    expect(world.client.reads()).toBe(0);
    expect(run.result).toEqual({ requeueAfter: 50 * 60_000 });
  });

  test('a refresh with no remote change writes nothing to the Secret and the status once', async () => {
    const world = threeFieldWorld();
    await world.reconcile('db');
    world.kube.resetCalls();
    world.advance(HOUR + 1000);
    await world.reconcile('db');
    expect(world.kube.writes('Secret')).toEqual([]);
    expect(world.kube.writes().map((call) => call.verb)).toEqual(['updateStatus']);
    expect(world.events.withReason('Updated')).toEqual([]);
  });

  test('a remote change is picked up on the next refresh with one Secret update and an Updated event', async () => {
    const world = threeFieldWorld();
    await world.reconcile('db');
    world.client.set('db-prod', JSON.stringify({ user: 'app2', password: CANARY, host: 'db.local' }));
    world.kube.resetCalls();
    world.advance(HOUR + 1000);
    await world.reconcile('db');
    expect(world.secretText('db')?.user).toBe('app2');
    expect(world.kube.writes('Secret').map((call) => call.verb)).toEqual(['update']);
    expect(world.events.withReason('Updated')).toHaveLength(1);
  });

  test('a provider failure leaves the existing Secret byte for byte unchanged and says which entry failed', async () => {
    const world = threeFieldWorld();
    await world.reconcile('db');
    const before = world.secret('db');
    // WHEN the provider is down at the next refresh
    world.client.failure = new ProviderUnavailableError('backend returned 503');
    world.advance(HOUR + 1000);
    const run = await world.reconcile('db');
    // THEN the reconcile is retried (not terminal), the Secret is untouched and the status names the entry
    expect(run.error).toBeInstanceOf(Error);
    expect(run.error).not.toBeInstanceOf(TerminalError);
    expect(world.secret('db')).toEqual(before);
    expect(world.ready('db')).toMatchObject({
      status: 'False',
      reason: 'SecretSyncedError',
      message:
        'could not get secret data from provider: spec.data[0] (key=db-prod, property=user): ' +
        'reading from SecretStore/store failed: backend returned 503',
    });
    expect(world.events.withReason('UpdateFailed')[0]).toMatchObject({ type: 'Warning' });
  });

  test('canary values never reach status, events or errors, even when a provider echoes them', async () => {
    const world = threeFieldWorld();
    const first = await world.reconcile('db');
    world.client.failure = new ProviderUnavailableError(`upstream said: bad value ${CANARY}`);
    world.advance(HOUR + 1000);
    const failed = await world.reconcile('db');
    expect(world.visibleText(first.error, failed.error)).not.toContain(CANARY);
    expect(world.visibleText()).toContain('could not get secret data from provider');
  });

  test('a throttled provider hands its RateLimitedError to the runner', async () => {
    const world = threeFieldWorld();
    world.client.failure = new RateLimitedError('slow down', 1500);
    const run = await world.reconcile('db');
    expect(run.error).toBeInstanceOf(RateLimitedError);
    expect(world.ready('db')?.message).toMatch(/^could not get secret data from provider: spec\.data\[0\]/);
  });

  test('a missing store fails with ESO message, and the ExternalSecret recovers once the store exists', async () => {
    const world = new ExternalSecretWorld({ values: { k: 'v' } });
    world.seed(anExternalSecret('es').usingStore('later').withData('k', 'k').build());
    const failed = await world.reconcile();
    expect(failed.error).toBeDefined();
    expect(world.ready()?.message).toMatch(
      /^could not get secret data from provider: could not get SecretStore "later", not found/,
    );
    world.seed(aSecretStore('later').ready().build());
    expect((await world.reconcile()).error).toBeUndefined();
    expect(world.ready()).toMatchObject({ status: 'True', reason: 'SecretSynced' });
  });

  test('a store that is not Ready fails fast without calling the provider', async () => {
    const world = new ExternalSecretWorld({ values: { k: 'v' } });
    world.seed(aSecretStore('store').notReady().build(), anExternalSecret('es').withData('k', 'k').build());
    await world.reconcile();
    expect(world.ready()?.message).toMatch(/SecretStore "store" is not ready/);
    expect(world.clientRequests).toEqual([]);
  });

  test('an ExternalSecret using a store of another controller class is left completely alone', async () => {
    const world = new ExternalSecretWorld({ values: { k: 'v' }, controllerClass: 'tessera' });
    world.seed(
      aSecretStore('store').withController('eso').ready().build(),
      anExternalSecret('es').withData('k', 'k').build(),
    );
    world.kube.resetCalls();
    const run = await world.reconcile();
    expect(run.result).toBe('awaitChange');
    expect(world.kube.writes()).toEqual([]);
    expect(world.events.events).toEqual([]);
  });

  test('an invalid policy pair is a terminal error with ESO message in the status', async () => {
    const world = new ExternalSecretWorld({ values: { k: 'v' } });
    world.seed(
      aSecretStore('store').ready().build(),
      anExternalSecret('es')
        .withData('k', 'k')
        .withTarget({ creationPolicy: 'Merge', deletionPolicy: 'Delete' })
        .build(),
    );
    const run = await world.reconcile();
    expect(run.error).toBeInstanceOf(TerminalError);
    expect(world.ready()?.message).toBe(
      "invalid ExternalSecret: deletionPolicy=Delete must not be used when the controller doesn't own the secret. Please set creationPolicy=Owner",
    );
    expect(world.client.reads()).toBe(0);
  });

  test('a status conflict is retried without failing the ExternalSecret', async () => {
    const world = threeFieldWorld();
    world.kube.injectFault({
      verb: 'updateStatus',
      kind: 'ExternalSecret',
      error: () => new KubeApiError('conflict', 409, 'Conflict'),
    });
    const run = await world.reconcile('db');
    expect((run.error as KubeApiError).isConflict).toBe(true);
    expect(world.secretText('db')).toEqual({ user: 'app', password: CANARY, host: 'db.local' });
    expect(world.events.withReason('UpdateFailed')).toEqual([]);
  });

  test('a deleted ExternalSecret is forgotten', async () => {
    const world = threeFieldWorld();
    await world.reconcile('db');
    await world.kube.patch(ES_REF, { metadata: { finalizers: [] } }, 'merge');
    await world.kube.delete(ES_REF);
    expect((await world.reconcile('db')).result).toBe('awaitChange');
  });

  test('the controller class may be empty on both sides (default)', async () => {
    const world = new ExternalSecretWorld({ values: { k: 'v' } });
    world.seed(aSecretStore('store').ready().build(), anExternalSecret('es').withData('k', 'k').build());
    await world.reconcile();
    expect(world.secretText('es')).toEqual({ k: 'v' });
    const es = world.externalSecret() as ExternalSecret;
    expect(es.status?.syncedResourceVersion).toMatch(/^1-[0-9a-f]{56}$/);
  });

  test('metrics follow ESO: sync calls, errors, the Ready condition, and nothing left after deletion', async () => {
    const metrics = new TesseraMetrics({ processMetrics: false });
    const world = new ExternalSecretWorld({ values: { k: 'v' } }, { metrics });
    world.seed(aSecretStore('store').ready().build(), anExternalSecret('es').withData('k', 'k').build());
    await world.reconcile();
    world.client.failure = new ProviderUnavailableError('down');
    world.advance(HOUR + 1000);
    await world.reconcile();
    const text = await metrics.registry.metrics();
    expect(text).toContain('externalsecret_sync_calls_total{name="es",namespace="default"} 2');
    expect(text).toContain('externalsecret_sync_calls_error{name="es",namespace="default"} 1');
    expect(text).toContain(
      'externalsecret_status_condition{name="es",namespace="default",condition="Ready",status="False"} 1',
    );
    expect(text).toContain(
      'externalsecret_status_condition{name="es",namespace="default",condition="Ready",status="True"} 0',
    );
    // WHEN the ExternalSecret is gone
    await world.kube.patch({ ...ES_REF, name: 'es' }, { metadata: { finalizers: [] } }, 'merge');
    await world.kube.delete({ ...ES_REF, name: 'es' });
    await world.reconcile();
    expect(await metrics.registry.metrics()).not.toContain('name="es"');
  });
});
