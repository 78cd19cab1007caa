import {
  LeaderElector,
  Manager,
  awaitChange,
  type KubeObject,
  type ObjectKey,
  type Reconciler,
} from '@tessera/core';
import { eventually, startKubeWorld, type KubeWorld } from './kube-fixture.js';

let world: KubeWorld;

beforeAll(async () => {
  world = await startKubeWorld();
});
afterAll(async () => world.stop());

/** Short timings so a takeover happens within a second or two. */
const TIMING = { leaseDurationMs: 1_500, renewDeadlineMs: 1_000, retryPeriodMs: 100 };
const LEASE = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: 'default' };

interface Lease extends KubeObject {
  spec?: { holderIdentity?: string; leaseTransitions?: number };
}

class CountingReconciler implements Reconciler {
  readonly seen: string[] = [];
  async reconcile(key: ObjectKey) {
    this.seen.push(key.name);
    return awaitChange();
  }
}

/** One operator replica: its own connection, caches and manager, with leader election on `leaseName`. */
function aReplica(identity: string, leaseName: string) {
  const connection = world.connect();
  connection.caches.cache(
    { apiVersion: 'v1', kind: 'Secret' },
    { labelSelector: 'reconcile.external-secrets.io/managed=true' },
  );
  const manager = new Manager({
    caches: connection.caches,
    leaderElection: { kube: connection.client, leaseName, leaseNamespace: 'default', identity, ...TIMING },
  });
  const reconciler = new CountingReconciler();
  const queue = manager.addController({ name: 'es', reconciler });
  return { manager, queue, reconciler };
}

const holder = async (name: string) =>
  (await world.kube.client.get<Lease>({ ...LEASE, name }))?.spec?.holderIdentity;

describe('leader election against the API emulator', () => {
  it('lets exactly one of two managers reconcile, and hands over when the leader stops', async () => {
    // GIVEN two replicas with work queued on both
    const a = aReplica('replica-a', 'handover');
    const b = aReplica('replica-b', 'handover');
    await a.manager.start();
    await eventually(() => a.manager.leading, 'replica a to lead');
    await b.manager.start();
    a.queue.add('default/x');
    b.queue.add('default/x');
    await eventually(() => a.reconciler.seen.length === 1, 'the leader to reconcile');
    // WHEN several renew periods pass THEN the follower has done nothing
    await world.server.requestLog.waitFor({ verb: 'update', resource: 'leases', name: 'handover' }, 5);
    expect(b.manager.leading).toBe(false);
    expect(b.reconciler.seen).toEqual([]);
    expect(await holder('handover')).toBe('replica-a');
    // WHEN the leader shuts down gracefully THEN it releases the Lease and the follower takes over and catches up
    await a.manager.stop();
    await eventually(() => b.manager.leading, 'replica b to take over');
    await eventually(() => b.reconciler.seen.length === 1, 'replica b to reconcile the queued key');
    expect(await holder('handover')).toBe('replica-b');
    await b.manager.stop();
  });

  it('takes over from a leader that vanished without releasing once its lease expires', async () => {
    // GIVEN a leader that stops renewing without releasing (as if killed)
    const kube = world.connect().client;
    const crashed = new LeaderElector({
      kube,
      leaseName: 'expiry',
      leaseNamespace: 'default',
      identity: 'crashed',
      ...TIMING,
    });
    const abort = new AbortController();
    const running = crashed.run(abort.signal);
    await eventually(() => crashed.isLeader, 'the first elector to lead');
    const follower = aReplica('survivor', 'expiry');
    await follower.manager.start();
    abort.abort();
    await running;
    const stoppedAt = Date.now();
    // WHEN the lease expires THEN the follower leads, counting one transition
    await eventually(() => follower.manager.leading, 'the follower to take over', 10_000);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(TIMING.leaseDurationMs - TIMING.retryPeriodMs * 3);
    const lease = await world.kube.client.get<Lease>({ ...LEASE, name: 'expiry' });
    expect(lease?.spec).toMatchObject({ holderIdentity: 'survivor', leaseTransitions: 1 });
    await follower.manager.stop();
  });

  it('stops a leader that can no longer renew its Lease', async () => {
    // GIVEN a leader
    const replica = aReplica('doomed', 'outage');
    await replica.manager.start();
    await eventually(() => replica.manager.leading, 'the replica to lead');
    // WHEN every Lease update fails for longer than the renew deadline
    const remove = world.server.faults.addRule({
      verb: 'update',
      resource: 'leases',
      errorRate: 1,
      errorCode: 503,
    });
    try {
      // THEN the manager stops itself, reporting lost leadership
      expect(await replica.manager.done).toBe('lost-leadership');
      expect(replica.manager.leading).toBe(false);
    } finally {
      remove();
    }
  });
});
