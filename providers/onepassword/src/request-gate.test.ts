import { ManualClock, RateLimitedError } from '@tessera/core';
import { RequestGate } from './request-gate.js';
import { failureOf } from './test-support.js';

describe('RequestGate', () => {
  it('admits everything at once when there is no budget', async () => {
    const gate = new RequestGate({ clock: new ManualClock(), storeName: 's' });
    await Promise.all(Array.from({ length: 100 }, () => gate.admit()));
  });

  it('refuses every request until Retry-After has passed after a 429', async () => {
    const clock = new ManualClock();
    const gate = new RequestGate({ clock, storeName: 'ClusterSecretStore op' });
    const blocked = gate.block(2_000, 'HTTP 429: Too Many Requests');
    expect(blocked.retryAfterMs).toBe(2_000);
    expect(blocked.message).toMatch(
      /^1Password Connect rate-limited store ClusterSecretStore op \(HTTP 429: Too Many Requests\); nothing is sent to it for 2s, until /,
    );
    await clock.advance(1_999);
    const refused = await failureOf<RateLimitedError>(gate.admit());
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterMs).toBe(1);
    expect((refused as Error).message).toMatch(/rate-limited store ClusterSecretStore op \(HTTP 429\)/);
    const resumes = new Date(clock.now() + 1).toISOString();
    expect(refused.message).toContain(`nothing is sent to it for another 1s, until ${resumes}`);
    await clock.advance(1);
    await expect(gate.admit()).resolves.toBeUndefined();
  });

  it('spreads a burst beyond one minute of budget instead of refusing it', async () => {
    const clock = new ManualClock();
    const gate = new RequestGate({ clock, storeName: 's', requestsPerHour: 120, maxWaitMs: 120_000 });
    // GIVEN a budget of 120/h: 2 at once (one minute's worth), then one every 30 s
    await gate.admit();
    await gate.admit();
    const admitted: number[] = [];
    const third = gate.admit().then(() => admitted.push(3));
    const fourth = gate.admit().then(() => admitted.push(4));
    await clock.advance(29_999);
    expect(admitted).toEqual([]);
    await clock.advance(1);
    expect(admitted).toEqual([3]);
    await clock.advance(30_000);
    expect(admitted).toEqual([3, 4]);
    await Promise.all([third, fourth]);
  });

  it('refuses a request whose turn is further away than maxWaitMs, naming the budget', async () => {
    const clock = new ManualClock();
    const gate = new RequestGate({
      clock,
      storeName: 'ClusterSecretStore op',
      requestsPerHour: 60,
      maxWaitMs: 10_000,
    });
    await gate.admit();
    const refused = await failureOf<RateLimitedError>(gate.admit());
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused.message).toMatch(
      /used its budget of 60 1Password requests per hour; the next request can go in 60s/,
    );
    expect(refused.retryAfterMs).toBe(60_000);
    // the refused request gave its turn back
    await clock.advance(60_000);
    await expect(gate.admit()).resolves.toBeUndefined();
  });
});
