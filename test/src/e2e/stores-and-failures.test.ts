/**
 * End to end: stores and failures. A store that becomes Ready re-queues its ExternalSecrets at once
 * (ESO waits for the backoff); ClusterSecretStore conditions deny namespaces; a provider failure
 * leaves the existing Secret exactly as it was; and a 1Password Connect token rotated in the
 * emulator turns the store not-ready with a message that says so, then Ready again once the token
 * Secret is updated; after a 429 with `Retry-After: 2` nothing reaches Connect for 2 s and the
 * Secret is left untouched meanwhile. The operator runs as its own process; the Connect emulator
 * runs here.
 */
import { startOnePasswordConnect, type OnePasswordConnectEmulator } from '../emulators/onepassword/index.js';
import type { E2eWorld } from './harness/e2e-world.js';
import { aFakeClusterStore, aFakeStore, anExternalSecret, dataEntries } from './harness/fixtures.js';
import type { OperatorProcess } from './harness/operator-process.js';
import { waitFor } from './harness/wait-for.js';
import { useE2eWorld } from './harness/use-e2e-world.js';

let world: E2eWorld;
let operator: OperatorProcess;

useE2eWorld(async (started) => {
  world = started;
  operator = await world.startOperator(['--concurrent', '2']);
});

async function readyOf(kind: string, name: string, namespace?: string) {
  return world.user.ready(kind, name, namespace);
}

/** Waits until the object's Ready condition has `status` and returns it. */
function waitForReady(kind: string, name: string, namespace: string | undefined, status: 'True' | 'False') {
  return waitFor(
    async () => {
      const ready = await readyOf(kind, name, namespace);
      return ready?.status === status ? ready : undefined;
    },
    { what: `${kind} ${namespace ?? ''}/${name} Ready=${status}`, timeoutMs: 15_000 },
  );
}

/** The first exponential-backoff delay the operator's queue uses after `retries` earlier failures (5 ms × 2^retries). */
const backoffAfter = (retries: number): number => 5 * 2 ** retries;

describe('stores', () => {
  it('an ExternalSecret waiting for a store is synced as soon as the store turns Ready, before its backoff retry', async () => {
    // GIVEN a store that fails validation and an ExternalSecret that has failed against it many times
    const namespace = await world.namespace('store-ready');
    const value = world.canaries.plant('storeready');
    await world.user.create(aFakeStore('store', namespace, [{ key: '/k', value }], { validationResult: 2 }));
    await world.user.create(anExternalSecret('es', namespace, { data: dataEntries({ k: '/k' }) }));
    const key = `${namespace}/es`;
    const isFailure = (line: { msg: string; key?: unknown }) =>
      line.key === key && line.msg === 'reconcile failed, will retry';
    await operator.waitForLog(
      (line) => isFailure(line) && Number(line.retries) >= 9,
      15_000,
      'the ExternalSecret to back off',
    );
    // WHEN the user fixes the store
    await world.user.patch('SecretStore', 'store', namespace, {
      spec: { provider: { fake: { validationResult: 0 } } },
    });
    // THEN the Secret is created
    const created = await waitFor(
      () => world.server.requestLog.entries({ verb: 'create', resource: 'secrets', namespace, code: 201 })[0],
      { what: 'the target Secret to be created' },
    );
    expect((await world.user.secretData('es', namespace))?.k).toBe(value);
    // AND it was created before the retry the backoff had scheduled after the last failure
    const failures = operator.logs().filter((line) => isFailure(line) && Date.parse(line.ts) <= created.time);
    const last = failures[failures.length - 1];
    expect(created.time).toBeLessThan(Date.parse(last.ts) + backoffAfter(Number(last.retries)));
  }, 30_000);

  it('ClusterSecretStore conditions refuse namespaces they do not allow, naming the namespace', async () => {
    // GIVEN a ClusterSecretStore usable only from one namespace
    const allowed = await world.namespace('css-allowed');
    const denied = await world.namespace('css-denied');
    const store = `restricted-${allowed}`;
    const value = world.canaries.plant('conditions');
    await world.user.create(aFakeClusterStore(store, [{ key: '/k', value }], [{ namespaces: [allowed] }]));
    const spec = {
      secretStoreRef: { kind: 'ClusterSecretStore', name: store },
      data: dataEntries({ k: '/k' }),
    };
    // WHEN ExternalSecrets in both namespaces use it
    await world.user.create(anExternalSecret('es', allowed, spec));
    await world.user.create(anExternalSecret('es', denied, spec));
    // THEN the allowed one syncs and the other is refused with the reason, and gets no Secret
    await waitForReady('ExternalSecret', 'es', allowed, 'True');
    expect((await world.user.secretData('es', allowed))?.k).toBe(value);
    const refused = await waitForReady('ExternalSecret', 'es', denied, 'False');
    expect(refused.reason).toBe('SecretSyncedError');
    expect(refused.message).toContain(
      `using cluster store "${store}" is not allowed from namespace "${denied}": denied by spec.condition`,
    );
    expect(await world.user.secret('es', denied)).toBeUndefined();
  });

  it('a provider failure leaves the existing Secret byte-for-byte unchanged', async () => {
    // GIVEN a synced Secret extracted from a JSON item
    const namespace = await world.namespace('provider-failure');
    const [user, password] = [world.canaries.plant('user'), world.canaries.plant('password')];
    await world.user.create(
      aFakeStore('store', namespace, [{ key: '/db', value: JSON.stringify({ user, password }) }]),
    );
    await world.user.create(anExternalSecret('es', namespace, { dataFrom: [{ extract: { key: '/db' } }] }));
    await waitForReady('ExternalSecret', 'es', namespace, 'True');
    const before = await world.user.secret('es', namespace);
    expect(before?.data).toEqual({
      user: Buffer.from(user).toString('base64'),
      password: Buffer.from(password).toString('base64'),
    });
    // WHEN the provider can no longer serve the item as a map and a sync is forced
    await world.user.patch('SecretStore', 'store', namespace, {
      spec: { provider: { fake: { data: [{ key: '/db', value: 'not a JSON object' }] } } },
    });
    await world.user.forceSync('es', namespace);
    // THEN the ExternalSecret reports the failure and the Secret is untouched, resourceVersion included
    const failed = await waitForReady('ExternalSecret', 'es', namespace, 'False');
    expect(failed.message).toContain('could not get secret data from provider');
    expect(await world.user.secret('es', namespace)).toEqual(before);
  });
});

describe('1Password Connect', () => {
  let connect: OnePasswordConnectEmulator;
  let token: string;
  let password: string;

  beforeAll(async () => ({ connect, token, password } = await startPlantedConnect('')));
  afterAll(async () => connect?.stop());

  it('a rotated token turns the store not-ready with a message that says so, and Ready again once the token Secret is updated', async () => {
    // GIVEN a ClusterSecretStore revalidated every second, and an ExternalSecret synced from it
    const namespace = await world.namespace('onepassword');
    const store = `onepassword-${namespace}`;
    await world.user.createSecret('connect-token', namespace, { token });
    // The default 30 s item-list cache: a forced sync reads Connect anyway.
    const revalidated = aOnePasswordClusterStore(store, connect.url, namespace);
    await world.user.create({ ...revalidated, spec: { ...revalidated.spec, refreshInterval: 1 } });
    const data = dataEntries({
      username: { key: 'db', property: 'username' },
      password: { key: 'db', property: 'password' },
    });
    await world.user.create(
      anExternalSecret('es', namespace, {
        secretStoreRef: { kind: 'ClusterSecretStore', name: store },
        data,
      }),
    );
    await waitForReady('ExternalSecret', 'es', namespace, 'True');
    const synced = await world.user.secret('es', namespace);
    expect(await world.user.secretData('es', namespace)).toEqual({ username: 'app', password });
    // WHEN Connect fails item reads and a sync is forced THEN the Secret is left exactly as it was
    const fault = connect.faults.serverError({
      operations: ['GetVaultItems', 'GetVaultItemById'],
      status: 503,
    });
    await world.user.forceSync('es', namespace);
    await waitForReady('ExternalSecret', 'es', namespace, 'False');
    expect(await world.user.secret('es', namespace)).toEqual(synced);
    fault.remove();
    await world.user.forceSync('es', namespace);
    await waitForReady('ExternalSecret', 'es', namespace, 'True');
    // WHEN the token is rotated in Connect
    const rotated = world.canaries.plant('rotated-token');
    connect.store.rotateToken(rotated);
    // THEN the store turns not-ready and says which Secret holds the stale token
    const notReady = await waitForReady('ClusterSecretStore', store, undefined, 'False');
    expect(notReady.reason).toBe('InvalidProviderConfig');
    expect(notReady.message).toContain(
      `rejected the token in Secret "${namespace}/connect-token" key "token"`,
    );
    expect(notReady.message).toContain('rotated');
    expect((await world.user.secretData('es', namespace))?.password).toBe(password);
    // WHEN the user puts the new token in the Secret THEN the store is Ready again and syncs work
    await world.user.patchSecret('connect-token', namespace, { stringData: { token: rotated } });
    const ready = await waitForReady('ClusterSecretStore', store, undefined, 'True');
    expect(ready.reason).toBe('Valid');
    await world.user.forceSync('es', namespace);
    await waitFor(async () => (await readyOf('ExternalSecret', 'es', namespace))?.status === 'True', {
      what: 'the ExternalSecret to sync again',
    });
  }, 40_000);
});

/**
 * A Connect emulator whose vault `e2e` holds item `db` (username `app`); its token and the item's
 * password are planted canaries, named with `suffix` so each describe block has its own.
 */
async function startPlantedConnect(
  suffix: string,
): Promise<{ connect: OnePasswordConnectEmulator; token: string; password: string }> {
  const token = world.canaries.plant(`connect-token${suffix}`);
  const password = world.canaries.plant(`op-password${suffix}`);
  const connect = await startOnePasswordConnect({
    seed: { token, vaults: { e2e: { db: { category: 'DATABASE', fields: { username: 'app', password } } } } },
  });
  return { connect, token, password };
}

/** A ClusterSecretStore for the Connect emulator at `url`, reading the token from `namespace`/connect-token. */
function aOnePasswordClusterStore(name: string, url: string, namespace: string) {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: { name },
    spec: {
      provider: {
        onepassword: {
          connectHost: url,
          vaults: { e2e: 1 },
          auth: { secretRef: { connectTokenSecretRef: { name: 'connect-token', key: 'token', namespace } } },
        },
      },
    },
  };
}

describe('1Password Connect rate limit', () => {
  let connect: OnePasswordConnectEmulator;
  let token: string;
  let password: string;

  beforeAll(async () => ({ connect, token, password } = await startPlantedConnect('-429')));
  afterAll(async () => connect?.stop());

  it('after a 429 with Retry-After: 2 nothing is sent to Connect for 2 s and the Secret is left untouched, then the sync succeeds', async () => {
    // GIVEN an ExternalSecret synced from a 1Password ClusterSecretStore
    const namespace = await world.namespace('onepassword-429');
    const store = `onepassword-429-${namespace}`;
    await world.user.createSecret('connect-token', namespace, { token });
    await world.user.create(aOnePasswordClusterStore(store, connect.url, namespace));
    await world.user.create(
      anExternalSecret('es', namespace, {
        secretStoreRef: { kind: 'ClusterSecretStore', name: store },
        data: dataEntries({
          username: { key: 'db', property: 'username' },
          password: { key: 'db', property: 'password' },
        }),
      }),
    );
    await waitForReady('ExternalSecret', 'es', namespace, 'True');
    expect(await world.user.secretData('es', namespace)).toEqual({ username: 'app', password });
    const synced = await world.user.secret('es', namespace);
    // WHEN the password changes in 1Password, Connect answers the next item read with 429 and
    // Retry-After: 2, and the user forces a sync
    const changed = world.canaries.plant('op-password-429-changed');
    connect.store.setField('e2e', 'db', 'password', changed);
    connect.faults.rateLimit(2, { operations: ['GetVaultItemById'], times: 1 });
    const kubeMark = world.server.requestLog.mark();
    const logMark = operator.mark();
    await world.user.forceSync('es', namespace);
    // THEN the ExternalSecret says it is rate-limited, naming the store and when Connect is asked again
    const limited = await waitForReady('ExternalSecret', 'es', namespace, 'False');
    expect(limited.message).toContain(`reading from ClusterSecretStore/${store} failed`);
    expect(limited.message).toContain(`1Password Connect rate-limited store ClusterSecretStore ${store}`);
    expect(limited.message).toMatch(
      /nothing is sent to it for (another )?[12]s, until \d{4}-\d\d-\d\dT[\d:.]+Z/,
    );
    // AND meanwhile the Secret is exactly as it was, resourceVersion included
    expect(await world.user.secret('es', namespace)).toEqual(synced);
    // AND after the window the sync succeeds with the new password
    await waitFor(async () => (await world.user.secretData('es', namespace))?.password === changed, {
      what: 'the Secret to hold the changed password',
    });
    await waitForReady('ExternalSecret', 'es', namespace, 'True');
    // AND no request reached Connect within 2 s after the 429 was served
    const requests = connect.requestLog.entries;
    const throttledAt = requests.findIndex((request) => request.status === 429);
    expect(throttledAt).toBeGreaterThanOrEqual(0);
    const windowEnd = requests[throttledAt].at.getTime() + 2_000;
    const later = requests.slice(throttledAt + 1);
    expect(later.length).toBeGreaterThan(0);
    expect(later.filter((request) => request.at.getTime() < windowEnd)).toEqual([]);
    // AND the Secret was not written before the window ended
    const writes = world.server.requestLog.entries({
      verb: ['create', 'update', 'patch'],
      resource: 'secrets',
      namespace,
      since: kubeMark,
    });
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((write) => write.time < windowEnd)).toEqual([]);
    // AND the runner waited as the provider asked instead of retrying on its error backoff
    const key = `${namespace}/es`;
    const retries = operator
      .logs(logMark)
      .filter((line) => line.key === key && /^reconcile (failed|throttled)/.test(line.msg));
    expect(retries.length).toBeGreaterThan(0);
    for (const line of retries) {
      expect(line.msg).toBe('reconcile throttled by the backend');
      expect(Number(line.retryAfterMs)).toBeGreaterThan(0);
      expect(Number(line.retryAfterMs)).toBeLessThanOrEqual(2_000);
    }
  }, 30_000);
});
