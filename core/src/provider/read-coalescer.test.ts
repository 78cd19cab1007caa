import { SecretNotFoundError } from './errors.js';
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
