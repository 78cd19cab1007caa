import { RateLimitedError } from '../provider/errors.js';
import { ManualClock, settle } from './manual-clock.js';
import { ExponentialBackoffLimiter } from './rate-limiter.js';
import {
  TerminalError,
  awaitChange,
  requeue,
  type ObjectKey,
  type ReconcileResult,
  type Reconciler,
} from './reconciler.js';
import { ControllerRunner, type ReconcileOutcome } from './runner.js';
import { WorkQueue } from './work-queue.js';

/** A reconciler whose answers the test scripts per key, recording every call. */
class ScriptedReconciler implements Reconciler {
  readonly calls: string[] = [];
  private readonly answers = new Map<string, () => Promise<ReconcileResult>>();
  answer(name: string, fn: () => Promise<ReconcileResult>): void {
    this.answers.set(name, fn);
  }
  async reconcile(key: ObjectKey): Promise<ReconcileResult> {
    this.calls.push(`${key.namespace ?? ''}/${key.name}`);
    return (this.answers.get(key.name) ?? (async () => awaitChange()))();
  }
}

function setUp(concurrency = 1) {
  const clock = new ManualClock();
  const queue = new WorkQueue({ clock, rateLimiter: new ExponentialBackoffLimiter({ baseDelayMs: 100 }) });
  const reconciler = new ScriptedReconciler();
  const outcomes: ReconcileOutcome['kind'][] = [];
  const runner = new ControllerRunner({
    name: 'test',
    reconciler,
    queue,
    concurrency,
    requeueJitter: 0,
    observer: { reconciled: (o) => outcomes.push(o) },
  });
  return { clock, queue, reconciler, runner, outcomes };
}

describe('ControllerRunner', () => {
  it('passes the parsed object key to the reconciler', async () => {
    const { queue, reconciler, runner } = setUp();
    runner.start();
    queue.add('ns1/es-a');
    queue.add('cluster-store');
    await settle();
    expect(reconciler.calls).toEqual(['ns1/es-a', '/cluster-store']);
    await runner.stop();
  });

  it('requeues after the asked delay when the reconcile returns requeue(ms)', async () => {
    const { clock, queue, reconciler, runner, outcomes } = setUp();
    reconciler.answer('a', async () => requeue(60_000));
    runner.start();
    queue.add('a');
    await settle();
    await clock.advance(59_999);
    expect(reconciler.calls).toHaveLength(1);
    await clock.advance(1);
    expect(reconciler.calls).toHaveLength(2);
    expect(outcomes.slice(0, 2)).toEqual(['requeue_after', 'requeue_after']);
    await runner.stop();
  });

  it('does not requeue when the reconcile awaits a change', async () => {
    const { clock, queue, reconciler, runner, outcomes } = setUp();
    runner.start();
    queue.add('a');
    await clock.advance(24 * 3600_000);
    expect(reconciler.calls).toHaveLength(1);
    expect(outcomes).toEqual(['success']);
    expect(queue.delayedCount).toBe(0);
    await runner.stop();
  });

  it('retries a throwing reconcile with growing backoff, then forgets the failures after a success', async () => {
    const { clock, queue, reconciler, runner, outcomes } = setUp();
    let failuresLeft = 2;
    reconciler.answer('a', async () => {
      if (failuresLeft-- > 0) throw new Error('backend down');
      return awaitChange();
    });
    runner.start();
    queue.add('a');
    await settle();
    expect(reconciler.calls).toHaveLength(1);
    await clock.advance(100);
    expect(reconciler.calls).toHaveLength(2);
    await clock.advance(199);
    expect(reconciler.calls).toHaveLength(2);
    await clock.advance(1);
    expect(reconciler.calls).toHaveLength(3);
    expect(outcomes).toEqual(['error', 'error', 'success']);
    expect(queue.retries('a')).toBe(0);
    await runner.stop();
  });

  it('does not retry a TerminalError', async () => {
    const { clock, queue, reconciler, runner, outcomes } = setUp();
    reconciler.answer('a', async () => {
      throw new TerminalError('spec.data[0].remoteRef.key is empty; set it', { reason: 'InvalidSpec' });
    });
    runner.start();
    queue.add('a');
    await clock.advance(3600_000);
    expect(reconciler.calls).toHaveLength(1);
    expect(outcomes).toEqual(['terminal_error']);
    await runner.stop();
  });

  it('waits as long as the backend asked when it throttles', async () => {
    const { clock, queue, reconciler, runner, outcomes } = setUp();
    let first = true;
    reconciler.answer('a', async () => {
      if (first) {
        first = false;
        throw new RateLimitedError('slow down', 5000);
      }
      return awaitChange();
    });
    runner.start();
    queue.add('a');
    await clock.advance(4999);
    expect(reconciler.calls).toHaveLength(1);
    await clock.advance(1);
    expect(reconciler.calls).toHaveLength(2);
    expect(outcomes).toEqual(['throttled', 'success']);
    await runner.stop();
  });

  it('runs different keys in parallel up to the concurrency, never the same key twice', async () => {
    // GIVEN reconciles that block until released
    const { queue, reconciler, runner } = setUp(2);
    const release: (() => void)[] = [];
    let running = 0;
    let peak = 0;
    const blocking = async (): Promise<ReconcileResult> => {
      peak = Math.max(peak, ++running);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
      return awaitChange();
    };
    for (const name of ['a', 'b', 'c']) reconciler.answer(name, blocking);
    runner.start();
    // WHEN three keys (and a repeat of one) arrive
    queue.add('a');
    queue.add('b');
    queue.add('c');
    queue.add('a');
    await settle();
    // THEN two run at once and the repeat waits for its first run
    expect(peak).toBe(2);
    expect(reconciler.calls).toEqual(['/a', '/b']);
    while (release.length > 0) {
      release.shift()?.();
      await settle();
    }
    expect(reconciler.calls.sort()).toEqual(['/a', '/a', '/b', '/c']);
    expect(peak).toBe(2);
    await runner.stop();
  });

  it('stop waits for the in-flight reconcile and takes no new keys', async () => {
    const { queue, reconciler, runner } = setUp();
    let finish!: () => void;
    reconciler.answer('a', () => new Promise((resolve) => (finish = () => resolve(awaitChange()))));
    runner.start();
    queue.add('a');
    await settle();
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    queue.add('b');
    await settle();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(reconciler.calls).toEqual(['/a']);
    expect(queue.length).toBe(1);
  });
});
