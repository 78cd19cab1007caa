import { ManualClock } from './manual-clock.js';
import { ExponentialBackoffLimiter } from './rate-limiter.js';
import { WorkQueue } from './work-queue.js';
import { takeQueuedKeys } from '../testing/drain-queue.js';

function aQueue(clock = new ManualClock()): { queue: WorkQueue; clock: ManualClock } {
  return {
    clock,
    queue: new WorkQueue({
      clock,
      rateLimiter: new ExponentialBackoffLimiter({ baseDelayMs: 100 }),
      random: () => 0.5,
    }),
  };
}

describe('WorkQueue', () => {
  it('queues a key once however often it is added', async () => {
    const { queue } = aQueue();
    queue.add('a');
    queue.add('a');
    queue.add('b');
    expect(await takeQueuedKeys(queue)).toEqual(['a', 'b']);
  });

  it('never hands a key to a second worker while the first holds it, and re-queues it on done', async () => {
    // GIVEN a key taken by a worker
    const { queue } = aQueue();
    queue.add('a');
    const first = await queue.get();
    // WHEN it is added again while in flight
    queue.add('a');
    // THEN no one else gets it until the first worker is done
    expect(queue.length).toBe(0);
    let second: string | undefined;
    void queue.get().then((key) => (second = key));
    await Promise.resolve();
    expect(second).toBeUndefined();
    queue.done(first as string);
    await Promise.resolve();
    expect(second).toBe('a');
  });

  it('serves new or changed objects before periodic refreshes', async () => {
    const { queue } = aQueue();
    queue.add('refresh-1', { priority: 'low' });
    queue.add('refresh-2', { priority: 'low' });
    queue.add('changed');
    expect(await takeQueuedKeys(queue)).toEqual(['changed', 'refresh-1', 'refresh-2']);
  });

  it('promotes a queued refresh when its object changes', async () => {
    const { queue } = aQueue();
    queue.add('r1', { priority: 'low' });
    queue.add('r2', { priority: 'low' });
    queue.add('h1');
    queue.add('r2', { priority: 'high' });
    expect(await takeQueuedKeys(queue)).toEqual(['h1', 'r2', 'r1']);
  });

  it('adds a key only after its delay has passed', async () => {
    const { queue, clock } = aQueue();
    queue.addAfter('a', 1000);
    await clock.advance(999);
    expect(queue.length).toBe(0);
    await clock.advance(1);
    expect(queue.length).toBe(1);
    expect(queue.delayedCount).toBe(0);
  });

  it('keeps the earliest of two delayed adds of the same key', async () => {
    const { queue, clock } = aQueue();
    queue.addAfter('a', 5000);
    queue.addAfter('a', 1000);
    queue.addAfter('a', 3000);
    await clock.advance(1000);
    expect(await takeQueuedKeys(queue)).toEqual(['a']);
    await clock.advance(10_000);
    expect(queue.length).toBe(0);
  });

  it('spreads refreshes by the jitter fraction', async () => {
    const { queue, clock } = aQueue();
    queue.addAfter('a', 1000, { jitter: 0.1 });
    await clock.advance(1049);
    expect(queue.length).toBe(0);
    await clock.advance(1);
    expect(queue.length).toBe(1);
  });

  it('retries a failing key with growing delays and forgets them on success', async () => {
    const { queue, clock } = aQueue();
    queue.addRateLimited('a');
    queue.addRateLimited('a');
    expect(queue.retries('a')).toBe(2);
    await clock.advance(100);
    expect(queue.length).toBe(1);
    queue.forget('a');
    expect(queue.retries('a')).toBe(0);
  });

  it('wakes waiting workers when a key arrives', async () => {
    const { queue } = aQueue();
    const got = queue.get();
    queue.add('a');
    expect(await got).toBe('a');
  });

  it('releases waiting workers with undefined when shut down, and ignores later adds', async () => {
    const { queue } = aQueue();
    const got = queue.get();
    queue.shutDown();
    expect(await got).toBeUndefined();
    queue.add('a');
    expect(queue.length).toBe(0);
    expect(await queue.get()).toBeUndefined();
  });

  it('shutDownWithDrain waits for in-flight keys', async () => {
    const { queue } = aQueue();
    queue.add('a');
    const key = (await queue.get()) as string;
    let drained = false;
    const draining = queue.shutDownWithDrain().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    queue.done(key);
    await draining;
    expect(drained).toBe(true);
  });

  it('a worker whose signal aborts stops waiting without taking a key', async () => {
    const { queue } = aQueue();
    const abort = new AbortController();
    const got = queue.get(abort.signal);
    abort.abort();
    expect(await got).toBeUndefined();
    queue.add('a');
    expect(queue.length).toBe(1);
  });

  it('reports depth, adds and retries to its observer', async () => {
    const clock = new ManualClock();
    const seen = { depth: [] as number[], added: 0, retried: 0 };
    const queue = new WorkQueue({
      clock,
      observer: {
        depth: (d) => seen.depth.push(d),
        added: () => seen.added++,
        retried: () => seen.retried++,
      },
    });
    queue.add('a');
    queue.add('a');
    queue.addRateLimited('b');
    await queue.get();
    expect(seen).toEqual({ depth: [1, 0], added: 1, retried: 1 });
  });
});
