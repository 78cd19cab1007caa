import { InMemoryKube } from '../kube/in-memory-kube.js';
import type { CacheFactory, KubeObject, ObjectCache } from '../kube/kube-port.js';
import { ManualClock, settle } from './manual-clock.js';
import { Manager } from './manager.js';
import { awaitChange, type ObjectKey, type Reconciler } from './reconciler.js';

/** A cache factory whose sync the test controls. */
class ControlledCaches implements CacheFactory {
  readonly log: string[] = [];
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  cache<T extends KubeObject>(): ObjectCache<T> {
    throw new Error('not used');
  }
  async start(): Promise<void> {
    this.log.push('caches started');
    await this.gate;
  }
  sync(): void {
    this.release();
  }
  async stop(): Promise<void> {
    this.log.push('caches stopped');
  }
}

class RecordingReconciler implements Reconciler {
  readonly seen: string[] = [];
  hold: Promise<void> | undefined;
  constructor(private readonly log: string[]) {}
  async reconcile(key: ObjectKey) {
    this.seen.push(key.name);
    this.log.push(`reconcile ${key.name}`);
    await this.hold;
    this.log.push(`reconciled ${key.name}`);
    return awaitChange();
  }
}

const ELECTION = {
  leaseName: 'tessera',
  leaseNamespace: 'default',
  leaseDurationMs: 15_000,
  renewDeadlineMs: 10_000,
  retryPeriodMs: 2_000,
  random: () => 0,
};

describe('Manager', () => {
  it('is ready only after the caches sync, and reconciles queued keys then', async () => {
    const caches = new ControlledCaches();
    const reconciler = new RecordingReconciler(caches.log);
    const manager = new Manager({ caches, clock: new ManualClock() });
    const queue = manager.addController({ name: 'es', reconciler, watch: (q) => q.add('early') });
    const starting = manager.start();
    await settle();
    expect(manager.ready).toBe(false);
    expect(reconciler.seen).toEqual([]);
    caches.sync();
    await starting;
    await settle();
    expect(manager.ready).toBe(true);
    expect(reconciler.seen).toEqual(['early']);
    queue.add('later');
    await settle();
    expect(reconciler.seen).toEqual(['early', 'later']);
    await manager.stop();
  });

  it('runs controllers only on the replica that holds the Lease', async () => {
    // GIVEN two managers sharing one API
    const kube = new InMemoryKube();
    const clock = new ManualClock();
    const make = (identity: string) => {
      const caches = new ControlledCaches();
      caches.sync();
      const reconciler = new RecordingReconciler(caches.log);
      const manager = new Manager({ caches, clock, leaderElection: { ...ELECTION, kube, identity } });
      const queue = manager.addController({ name: 'es', reconciler });
      return { manager, queue, reconciler };
    };
    const a = make('a');
    const b = make('b');
    await a.manager.start();
    await settle();
    await b.manager.start();
    // WHEN both get work
    a.queue.add('x');
    b.queue.add('x');
    await clock.advance(6_000);
    // THEN only the leader reconciles
    expect(a.reconciler.seen).toEqual(['x']);
    expect(b.reconciler.seen).toEqual([]);
    expect(a.manager.leading).toBe(true);
    expect(b.manager.leading).toBe(false);
    // WHEN the leader stops gracefully THEN the other takes over at its next retry and catches up
    await a.manager.stop();
    await clock.advance(2_000);
    expect(b.manager.leading).toBe(true);
    expect(b.reconciler.seen).toEqual(['x']);
    await b.manager.stop();
  });

  it('shuts down in order: stop intake, drain in-flight, stop hooks, stop caches, release the Lease', async () => {
    const kube = new InMemoryKube();
    const caches = new ControlledCaches();
    caches.sync();
    const reconciler = new RecordingReconciler(caches.log);
    let finish!: () => void;
    reconciler.hold = new Promise((resolve) => (finish = resolve));
    const manager = new Manager({
      caches,
      clock: new ManualClock(),
      leaderElection: { ...ELECTION, kube, identity: 'a' },
    });
    manager.onStop(async () => {
      caches.log.push('hook');
    });
    const queue = manager.addController({ name: 'es', reconciler });
    await manager.start();
    queue.add('slow');
    await settle();
    const stopping = manager.stop();
    queue.add('ignored');
    await settle();
    expect(caches.log).toEqual(['caches started', 'reconcile slow']);
    finish();
    await stopping;
    expect(caches.log).toEqual([
      'caches started',
      'reconcile slow',
      'reconciled slow',
      'hook',
      'caches stopped',
    ]);
    const lease = await kube.get<KubeObject & { spec: { holderIdentity: string } }>({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      name: 'tessera',
      namespace: 'default',
    });
    expect(lease?.spec.holderIdentity).toBe('');
    expect(await manager.done).toBe('stopped');
  });

  it('stops itself when leadership is lost, without releasing', async () => {
    const kube = new InMemoryKube();
    const clock = new ManualClock();
    const caches = new ControlledCaches();
    caches.sync();
    const manager = new Manager({ caches, clock, leaderElection: { ...ELECTION, kube, identity: 'a' } });
    manager.addController({ name: 'es', reconciler: new RecordingReconciler(caches.log) });
    await manager.start();
    await settle();
    const lease = await kube.get<KubeObject & { spec: object }>({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      name: 'tessera',
      namespace: 'default',
    });
    await kube.update({ ...lease!, spec: { ...lease!.spec, holderIdentity: 'b' } });
    await clock.advance(2_000);
    expect(await manager.done).toBe('lost-leadership');
    expect(manager.leading).toBe(false);
    expect(caches.log).toContain('caches stopped');
    expect(
      (
        await kube.get<KubeObject & { spec: { holderIdentity: string } }>({
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          name: 'tessera',
          namespace: 'default',
        })
      )?.spec.holderIdentity,
    ).toBe('b');
  });
});
