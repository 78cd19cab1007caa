import { InMemoryKube } from '../kube/in-memory-kube.js';
import { KubeApiError } from '../kube/kube-port.js';
import { ManualClock, settle } from './manual-clock.js';
import { LeaderElector, type ElectionEnd, type LeaseObject } from './leader-election.js';

const TIMING = { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 };

function aCandidate(kube: InMemoryKube, clock: ManualClock, identity: string) {
  const elector = new LeaderElector({
    kube,
    clock,
    identity,
    leaseName: 'tessera-controller',
    leaseNamespace: 'tessera',
    random: () => 0,
    ...TIMING,
  });
  const abort = new AbortController();
  let started = 0;
  const ended: { value?: ElectionEnd } = {};
  const running = elector
    .run(abort.signal, { onStartedLeading: () => started++ })
    .then((end) => (ended.value = end));
  return { elector, abort, running, ended, started: () => started };
}

type Candidate = ReturnType<typeof aCandidate>;

const LEASE = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  name: 'tessera-controller',
  namespace: 'tessera',
};

async function lease(kube: InMemoryKube): Promise<LeaseObject['spec']> {
  return (await kube.get<LeaseObject>(LEASE))?.spec;
}

/** GIVEN one API server and clock, and candidate `a` that has taken the Lease. */
async function aLeader() {
  const kube = new InMemoryKube();
  const clock = new ManualClock();
  const a = aCandidate(kube, clock, 'a');
  await settle();
  return { kube, clock, a };
}

/** GIVEN {@link aLeader}, and candidate `b` that has seen the Lease taken. */
async function aLeaderAndAFollower() {
  const world = await aLeader();
  const b = aCandidate(world.kube, world.clock, 'b');
  await settle();
  return { ...world, b };
}

/** Stops the candidates and waits for their election loops to end. */
async function stop(...candidates: Candidate[]): Promise<void> {
  for (const candidate of candidates) candidate.abort.abort();
  await Promise.all(candidates.map((candidate) => candidate.running));
}

describe('LeaderElector', () => {
  it('creates the Lease and leads when there is none', async () => {
    const { kube, a } = await aLeader();
    expect(a.elector.isLeader).toBe(true);
    expect(a.started()).toBe(1);
    expect(await lease(kube)).toMatchObject({
      holderIdentity: 'a',
      leaseDurationSeconds: 15,
      leaseTransitions: 0,
    });
    await stop(a);
  });

  it('lets only one of two candidates lead while the leader renews', async () => {
    // GIVEN a leader and a second candidate
    const { kube, clock, a, b } = await aLeaderAndAFollower();
    // WHEN a minute passes
    for (let i = 0; i < 30; i++) await clock.advance(2_000);
    // THEN the first still leads, the second never did, and the Lease was renewed
    expect(a.elector.isLeader).toBe(true);
    expect(b.elector.isLeader).toBe(false);
    expect(b.elector.leader).toBe('a');
    expect(b.started()).toBe(0);
    expect((await lease(kube))?.renewTime).toBe(new Date(clock.now()).toISOString().replace('Z', '000Z'));
    await stop(a, b);
  });

  it('takes over once the leader stops renewing for a lease duration', async () => {
    // GIVEN a leader that dies without releasing
    const { kube, clock, a, b } = await aLeaderAndAFollower();
    await stop(a);
    // WHEN less than the lease duration passes, THEN the follower waits
    await clock.advance(14_000);
    expect(b.elector.isLeader).toBe(false);
    // WHEN the lease has expired, THEN the follower takes over and counts a transition
    await clock.advance(4_000);
    expect(b.elector.isLeader).toBe(true);
    expect(await lease(kube)).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 });
    await stop(b);
  });

  it('hands over at the next retry when the leader releases the Lease', async () => {
    const { kube, clock, a, b } = await aLeaderAndAFollower();
    await stop(a);
    await a.elector.release();
    expect((await lease(kube))?.holderIdentity).toBe('');
    await clock.advance(2_000);
    expect(b.elector.isLeader).toBe(true);
    await stop(b);
  });

  it('gives up leadership when it cannot renew within the renew deadline', async () => {
    // GIVEN a leader whose renewals all fail
    const { kube, clock, a } = await aLeader();
    kube.injectFault({
      verb: 'get',
      kind: 'Lease',
      times: 10,
      error: () => new KubeApiError('unavailable', 503, 'ServiceUnavailable'),
    });
    // WHEN the deadline passes THEN the election ends as lost
    await clock.advance(8_000);
    expect(a.ended.value).toBeUndefined();
    await clock.advance(2_000);
    expect(a.ended.value).toBe('lost');
    expect(a.elector.isLeader).toBe(false);
  });

  it('keeps leading through a failed renewal shorter than the deadline', async () => {
    const { kube, clock, a } = await aLeader();
    kube.injectFault({
      verb: 'update',
      kind: 'Lease',
      error: () => new KubeApiError('conflict', 409, 'Conflict'),
    });
    kube.injectFault({
      verb: 'get',
      kind: 'Lease',
      error: () => new KubeApiError('unavailable', 503, 'ServiceUnavailable'),
    });
    await clock.advance(20_000);
    expect(a.elector.isLeader).toBe(true);
    expect(a.ended.value).toBeUndefined();
    await stop(a);
  });

  it('loses at once when another replica holds the Lease it thought it had', async () => {
    const { kube, clock, a } = await aLeader();
    const current = await kube.get<LeaseObject>(LEASE);
    await kube.update({ ...current!, spec: { ...current!.spec, holderIdentity: 'intruder' } });
    await clock.advance(2_000);
    expect(a.ended.value).toBe('lost');
  });

  it('does not release a Lease held by someone else', async () => {
    const { kube, clock, a } = await aLeader();
    const b = new LeaderElector({
      kube,
      clock,
      identity: 'b',
      leaseName: 'tessera-controller',
      leaseNamespace: 'tessera',
    });
    await b.release();
    expect((await lease(kube))?.holderIdentity).toBe('a');
    await stop(a);
  });
});
