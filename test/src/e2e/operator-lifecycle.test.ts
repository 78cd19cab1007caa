/**
 * End to end: the operator process's life. Killed with SIGKILL in the middle of a sync it converges
 * after a restart with neither duplicate nor lost Secrets; two replicas with leader election leave
 * all writes to the leader, and the follower takes over when the leader is killed; a graceful stop
 * exits 0 and releases the Lease. Which replica wrote what is read from the API emulator's request
 * log: every operator request carries `pid/<process id>` in its User-Agent.
 */
import type { V1Secret } from '@kubernetes/client-node';
import type { E2eWorld } from './harness/e2e-world.js';
import { aFakeStore, anExternalSecret, dataEntries } from './harness/fixtures.js';
import type { OperatorProcess } from './harness/operator-process.js';
import { waitFor } from './harness/wait-for.js';
import { useE2eWorld } from './harness/use-e2e-world.js';

const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const LEASE = 'e2e-leader';

let world: E2eWorld;

useE2eWorld(async (started) => {
  world = started;
});

/** Writes (other than to Leases) made by one operator process since `since`. */
function writesBy(operator: OperatorProcess, since = 0) {
  return world.server.requestLog
    .entries({ verb: WRITES, since })
    .filter((record) => record.userAgent.endsWith(`pid/${operator.pid}`) && record.resource !== 'leases');
}

function isControlledBy(secret: V1Secret, uid: string | undefined): boolean {
  const owners = secret.metadata?.ownerReferences ?? [];
  return owners.length === 1 && owners[0].controller === true && owners[0].uid === uid;
}

describe('operator process lifecycle', () => {
  it('converges after being killed mid-sync, with no duplicate and no lost Secret', async () => {
    // GIVEN an operator and many ExternalSecrets created at once
    const first = await world.startOperator([], 'killed');
    const namespace = await world.namespace('sigkill');
    const count = 60;
    const values = Array.from({ length: count }, (_, i) => world.canaries.plant(`kill${i}`));
    await world.user.create(
      aFakeStore(
        'store',
        namespace,
        values.map((value, i) => ({ key: `/k${i}`, value })),
      ),
    );
    await Promise.all(
      values.map((_, i) =>
        world.user.create(anExternalSecret(`es-${i}`, namespace, { data: dataEntries({ value: `/k${i}` }) })),
      ),
    );
    // WHEN it is killed as soon as the first Secrets appear
    await waitFor(async () => (await world.user.secrets(namespace)).length > 0, { what: 'the first Secret' });
    await first.kill();
    const atKill = (await world.user.secrets(namespace)).length;
    expect(atKill).toBeLessThan(count);
    // AND a new operator process starts
    const second = await world.startOperator([], 'restarted');
    // THEN every ExternalSecret is Ready and there is exactly one correct Secret for each
    await waitFor(
      async () =>
        (await world.user.list('ExternalSecret')).filter(
          (es) =>
            es.metadata.namespace === namespace &&
            es.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
        ).length === count,
      { what: 'every ExternalSecret to be Ready', timeoutMs: 30_000 },
    );
    const externalSecrets = (await world.user.list('ExternalSecret')).filter(
      (es) => es.metadata.namespace === namespace,
    );
    const secrets = await world.user.secrets(namespace);
    expect(secrets.map((secret) => secret.metadata?.name).sort()).toEqual(
      externalSecrets.map((es) => es.metadata.name).sort(),
    );
    for (const es of externalSecrets) {
      const index = Number(es.metadata.name.slice('es-'.length));
      const secret = secrets.find((s) => s.metadata?.name === es.metadata.name) as V1Secret;
      expect(Buffer.from(secret.data?.value ?? '', 'base64').toString()).toBe(values[index]);
      expect(isControlledBy(secret, es.metadata.uid)).toBe(true);
    }
    // AND it reports itself alive and ready
    expect((await fetch(`${second.opsUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${second.opsUrl}/readyz`)).status).toBe(200);
    // AND a graceful stop exits 0
    expect(await second.stop()).toBe(0);
    expect(second.logs().some((line) => line.msg === 'stopped')).toBe(true);
  }, 60_000);

  it('two replicas with leader election: only the leader writes, and the follower takes over when the leader is killed', async () => {
    // GIVEN two replicas campaigning for one Lease with short timings
    const flags = [
      '--enable-leader-election',
      '--leader-election-id',
      LEASE,
      '--leader-election-namespace',
      'default',
      '--leader-election-lease-duration',
      '2s',
      '--leader-election-renew-deadline',
      '1500ms',
      '--leader-election-retry-period',
      '200ms',
    ];
    const a = await world.startOperator(flags, 'replica-a');
    const b = await world.startOperator(flags, 'replica-b');
    const becameLeader = (operator: OperatorProcess) =>
      operator.logs().some((line) => line.msg === 'became leader');
    const leader = await waitFor(() => [a, b].find(becameLeader), { what: 'a leader' });
    const follower = leader === a ? b : a;
    // WHEN an ExternalSecret is created
    const namespace = await world.namespace('leader');
    const value = world.canaries.plant('leader');
    await world.user.create(aFakeStore('store', namespace, [{ key: '/k', value }]));
    await world.user.create(anExternalSecret('first', namespace, { data: dataEntries({ k: '/k' }) }));
    await waitFor(async () => (await world.user.secretData('first', namespace))?.k === value, {
      what: 'the first Secret',
    });
    await waitFor(
      async () => (await world.user.ready('ExternalSecret', 'first', namespace))?.status === 'True',
      { what: 'first to be Ready' },
    );
    // THEN the leader did the work and the follower wrote nothing
    expect(
      writesBy(leader).some((record) => record.resource === 'secrets' && record.namespace === namespace),
    ).toBe(true);
    expect(writesBy(follower)).toEqual([]);
    expect(becameLeader(follower)).toBe(false);
    // WHEN the leader is killed
    const mark = world.server.requestLog.mark();
    await leader.kill();
    // THEN the follower takes the Lease and syncs what comes next
    await follower.waitForLog((line) => line.msg === 'became leader', 15_000, 'the follower to take over');
    await world.user.create(anExternalSecret('second', namespace, { data: dataEntries({ k: '/k' }) }));
    await waitFor(async () => (await world.user.secretData('second', namespace))?.k === value, {
      what: 'the second Secret',
    });
    expect(
      writesBy(follower, mark).some(
        (record) => record.resource === 'secrets' && record.namespace === namespace,
      ),
    ).toBe(true);
    expect((await world.user.lease(LEASE, 'default'))?.spec?.holderIdentity).toBe(
      follower.logs().find((line) => line.msg === 'became leader')?.identity,
    );
    // WHEN the new leader stops gracefully THEN it exits 0 and releases the Lease
    expect(await follower.stop()).toBe(0);
    expect((await world.user.lease(LEASE, 'default'))?.spec?.holderIdentity ?? '').toBe('');
  }, 60_000);
});
