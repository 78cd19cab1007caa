import { SecretNotFoundError } from './errors.js';
import type { FindQuery, ReadOptions, RemoteRef } from './provider.js';
import { ReadCoalescer } from './read-coalescer.js';
import { StubSecretsClient } from '../testing/stub-provider.js';

const text = (value: Uint8Array | undefined) => (value ? new TextDecoder().decode(value) : undefined);

describe('ReadCoalescer', () => {
  it('sends every ref of a reconcile in one batch when the client can batch', async () => {
    // GIVEN a batching client holding one JSON item
    const client = new StubSecretsClient({ batch: true, values: { db: '{"user":"app","password":"pw"}' } });
    // WHEN three entries read properties of that item
    const outcomes = await new ReadCoalescer().readAll(client, [
      { key: 'db', property: 'user' },
      { key: 'db', property: 'password' },
      { key: 'db', property: 'user' },
    ]);
    // THEN one batch call was made, with the duplicate ref sent once, and each entry has its value
    expect(client.calls).toEqual([{ operation: 'getSecrets', keys: ['db', 'db'] }]);
    expect(outcomes.map((outcome) => text(outcome.value))).toEqual(['app', 'pw', 'app']);
  });

  it('reads identical refs once when the client cannot batch', async () => {
    const client = new StubSecretsClient({ values: { a: '1', b: '2' } });
    const outcomes = await new ReadCoalescer().readAll(client, [{ key: 'a' }, { key: 'b' }, { key: 'a' }]);
    expect(client.count('getSecret')).toBe(2);
    expect(outcomes.map((outcome) => text(outcome.value))).toEqual(['1', '2', '1']);
  });

  it('treats refs differing in version or metadataPolicy as different reads', async () => {
    const client = new StubSecretsClient({ values: { a: '1' } });
    await new ReadCoalescer().readAll(client, [
      { key: 'a' },
      { key: 'a', version: 'v1' },
      { key: 'a', metadataPolicy: 'Fetch' },
    ]);
    expect(client.count('getSecret')).toBe(3);
  });

  it('attributes a failure to the refs that asked for the missing item only', async () => {
    const client = new StubSecretsClient({ batch: true, values: { present: 'x' } });
    const outcomes = await new ReadCoalescer().readAll(client, [{ key: 'present' }, { key: 'missing' }]);
    expect(text(outcomes[0].value)).toBe('x');
    expect(outcomes[1].error).toBeInstanceOf(SecretNotFoundError);
  });

  it('returns an error for every ref when the whole batch fails, and never rejects', async () => {
    const client = new StubSecretsClient({ batch: true });
    const failure = new Error('backend down');
    (client as { getSecrets?: unknown }).getSecrets = () => Promise.reject(failure);
    const outcomes = await new ReadCoalescer().readAll(client, [{ key: 'a' }, { key: 'b' }]);
    expect(outcomes).toEqual([{ error: failure }, { error: failure }]);
  });

  it('shares an identical read already in flight from another reconcile', async () => {
    // GIVEN a read held in flight
    const client = new StubSecretsClient({ values: { a: '1' } });
    const coalescer = new ReadCoalescer();
    client.hold();
    const first = coalescer.readAll(client, [{ key: 'a' }]);
    const second = coalescer.readAll(client, [{ key: 'a' }]);
    // WHEN it completes
    client.release();
    const results = await Promise.all([first, second]);
    // THEN only one remote call was made and both callers got the value
    expect(client.count('getSecret')).toBe(1);
    expect(results.map(([outcome]) => text(outcome.value))).toEqual(['1', '1']);
  });

  it('reads again once the earlier read has settled (nothing is cached)', async () => {
    const client = new StubSecretsClient({ values: { a: '1' } });
    const coalescer = new ReadCoalescer();
    await coalescer.readAll(client, [{ key: 'a' }]);
    client.set('a', '2');
    const [outcome] = await coalescer.readAll(client, [{ key: 'a' }]);
    expect(client.count('getSecret')).toBe(2);
    expect(text(outcome.value)).toBe('2');
  });

  it('does not share reads between different clients', async () => {
    const one = new StubSecretsClient({ values: { a: '1' } });
    const two = new StubSecretsClient({ values: { a: '2' } });
    const coalescer = new ReadCoalescer();
    one.hold();
    const first = coalescer.readAll(one, [{ key: 'a' }]);
    const [second] = await coalescer.readAll(two, [{ key: 'a' }]);
    one.release();
    expect(text((await first)[0].value)).toBe('1');
    expect(text(second.value)).toBe('2');
  });

  it('gives each caller its own copy of a shared value', async () => {
    const client = new StubSecretsClient({ values: { a: 'abc' } });
    const coalescer = new ReadCoalescer();
    client.hold();
    const first = coalescer.readAll(client, [{ key: 'a' }]);
    const second = coalescer.readAll(client, [{ key: 'a' }]);
    client.release();
    const [[one], [two]] = await Promise.all([first, second]);
    one.value?.fill(0);
    expect(text(two.value)).toBe('abc');
  });

  it('shares identical getSecretMap and getAllSecrets calls in flight', async () => {
    const client = new StubSecretsClient({ values: { cfg: '{"a":"1"}' } });
    const coalescer = new ReadCoalescer();
    client.hold();
    const maps = [
      coalescer.getSecretMap(client, { key: 'cfg' }),
      coalescer.getSecretMap(client, { key: 'cfg' }),
    ];
    const finds = [
      coalescer.getAllSecrets(client, { name: { regexp: 'c.*' } }),
      coalescer.getAllSecrets(client, { name: { regexp: 'c.*' } }),
    ];
    client.release();
    const [map] = await Promise.all(maps);
    await Promise.all(finds);
    expect(client.count('getSecretMap')).toBe(1);
    expect(client.count('getAllSecrets')).toBe(1);
    expect(text(map.a)).toBe('1');
  });
});

/** A stub client that records the read options each call received. */
class OptionsRecordingClient extends StubSecretsClient {
  readonly received: (ReadOptions | undefined)[] = [];

  override getSecret(ref: RemoteRef, options?: ReadOptions): Promise<Uint8Array> {
    this.received.push(options);
    return super.getSecret(ref);
  }
  override getSecretMap(ref: RemoteRef, options?: ReadOptions): Promise<Record<string, Uint8Array>> {
    this.received.push(options);
    return super.getSecretMap(ref);
  }
  override getAllSecrets(find: FindQuery, options?: ReadOptions): Promise<Record<string, Uint8Array>> {
    this.received.push(options);
    return super.getAllSecrets(find);
  }
}

describe('ReadCoalescer freshness (maxAgeMs)', () => {
  let now: number;
  const coalescerAt = () => new ReadCoalescer({ now: () => now });
  beforeEach(() => (now = 1_000_000));

  it('passes the read options to the client', async () => {
    const client = new OptionsRecordingClient({ values: { a: '1', m: '{"x":"y"}' } });
    const coalescer = coalescerAt();
    await coalescer.readAll(client, [{ key: 'a' }], { maxAgeMs: 0 });
    await coalescer.getSecretMap(client, { key: 'm' }, { maxAgeMs: 5 });
    await coalescer.getAllSecrets(client, { name: { regexp: 'a' } }, { maxAgeMs: 7 });
    expect(client.received).toEqual([{ maxAgeMs: 0 }, { maxAgeMs: 5 }, { maxAgeMs: 7 }]);
  });

  it('passes the read options to a batch read', async () => {
    const stub = new StubSecretsClient({ batch: true, values: { a: '1' } });
    const received: unknown[][] = [];
    const client = Object.assign(Object.create(stub) as StubSecretsClient, {
      getSecrets: (refs: readonly RemoteRef[], options?: ReadOptions) => {
        received.push([refs, options]);
        return stub.getSecrets!(refs);
      },
    });
    await coalescerAt().readAll(client, [{ key: 'a' }], { maxAgeMs: 0 });
    expect(received).toEqual([[[{ key: 'a' }], { maxAgeMs: 0 }]]);
  });

  it('does not hand a forced sync a read that was already in flight, even a fresh one', async () => {
    // GIVEN a fresh read in flight, started 10 ms ago
    const client = new OptionsRecordingClient({ values: { a: 'old' } });
    const coalescer = coalescerAt();
    client.hold();
    const earlier = coalescer.readAll(client, [{ key: 'a' }], { maxAgeMs: 0 });
    now += 10;
    // WHEN the remote value changes and a forced sync reads the same ref
    client.set('a', 'new');
    const forced = coalescer.readAll(client, [{ key: 'a' }], { maxAgeMs: 0 });
    client.release();
    const [[first], [second]] = await Promise.all([earlier, forced]);
    // THEN the forced sync made its own read
    expect(client.count('getSecret')).toBe(2);
    expect(text(first.value)).toBe('new'); // both held reads resolve after the change
    expect(text(second.value)).toBe('new');
  });

  it('lets a periodic refresh share a fresh read in flight that started within its max age', async () => {
    const client = new OptionsRecordingClient({ values: { a: '1' } });
    const coalescer = coalescerAt();
    client.hold();
    const fresh = coalescer.readAll(client, [{ key: 'a' }], { maxAgeMs: 0 });
    now += 10;
    const periodic = coalescer.readAll(client, [{ key: 'a' }], { maxAgeMs: 60_000 });
    client.release();
    await Promise.all([fresh, periodic]);
    expect(client.count('getSecret')).toBe(1);
  });

  it('does not let a caller with a max age share a read started without one (it may come from any cache)', async () => {
    const client = new OptionsRecordingClient({ values: { a: '1' } });
    const coalescer = coalescerAt();
    client.hold();
    const unbounded = coalescer.readAll(client, [{ key: 'a' }]);
    const bounded = coalescer.readAll(client, [{ key: 'a' }], { maxAgeMs: 60_000 });
    client.release();
    await Promise.all([unbounded, bounded]);
    expect(client.received).toEqual([undefined, { maxAgeMs: 60_000 }]);
  });

  it('does not let a periodic refresh share a read whose data may be older than its max age', async () => {
    // GIVEN a read started with a 60 s max age, still in flight 1 s later
    const client = new OptionsRecordingClient({ values: { a: '1' } });
    const coalescer = coalescerAt();
    client.hold();
    const first = coalescer.readAll(client, [{ key: 'a' }], { maxAgeMs: 60_000 });
    now += 1_000;
    // WHEN callers with a 60 s and a 120 s max age read the same ref
    const same = coalescer.readAll(client, [{ key: 'a' }], { maxAgeMs: 60_000 });
    const looser = coalescer.readAll(client, [{ key: 'a' }], { maxAgeMs: 120_000 });
    client.release();
    await Promise.all([first, same, looser]);
    // THEN the 60 s caller read again (the first read may return data 61 s old by now); the 120 s caller shared
    expect(client.count('getSecret')).toBe(2);
  });

  it('lets later callers share the fresher read a stricter caller started', async () => {
    const client = new OptionsRecordingClient({ values: { a: '1' } });
    const coalescer = coalescerAt();
    client.hold();
    const unbounded = coalescer.readAll(client, [{ key: 'a' }]);
    const forced = coalescer.readAll(client, [{ key: 'a' }], { maxAgeMs: 0 });
    const periodic = coalescer.readAll(client, [{ key: 'a' }], { maxAgeMs: 60_000 });
    client.release();
    await Promise.all([unbounded, forced, periodic]);
    expect(client.received).toEqual([undefined, { maxAgeMs: 0 }]);
  });

  it('applies the same rule to getSecretMap and getAllSecrets', async () => {
    const client = new OptionsRecordingClient({ values: { cfg: '{"a":"1"}' } });
    const coalescer = coalescerAt();
    client.hold();
    const maps = [
      coalescer.getSecretMap(client, { key: 'cfg' }),
      coalescer.getSecretMap(client, { key: 'cfg' }, { maxAgeMs: 0 }),
      coalescer.getSecretMap(client, { key: 'cfg' }),
    ];
    const finds = [
      coalescer.getAllSecrets(client, { name: { regexp: 'c' } }, { maxAgeMs: 0 }),
      coalescer.getAllSecrets(client, { name: { regexp: 'c' } }, { maxAgeMs: 1_000 }),
    ];
    now += 1;
    const lateForced = coalescer.getAllSecrets(client, { name: { regexp: 'c' } }, { maxAgeMs: 0 });
    client.release();
    await Promise.all([...maps, ...finds, lateForced]);
    expect(client.count('getSecretMap')).toBe(2);
    expect(client.count('getAllSecrets')).toBe(2);
  });
});
