import { RateLimitedError, type RemoteRef, type SecretsClient } from '@tessera/core';
import { waitUntil } from '@tessera/core/testing';
import {
  startOnePasswordConnect,
  VAULT_LOOKUP_OPERATIONS,
  type OnePasswordConnectEmulator,
} from '@tessera/test/emulators/onepassword/index';
import { OnePasswordProvider } from './onepassword-provider.js';
import { REQUESTS_PER_HOUR_ANNOTATION } from './onepassword-settings.js';
import { aClientHarness, aOnePasswordStore, text, type ClientHarness, failureOf } from './test-support.js';

const TOKEN = 'budget-token';
const ITEMS = ['db', 'cache', 'queue', 'search'] as const;
const item = (name: string) => ({
  category: 'SERVER',
  fields: { f1: `${name}-1`, f2: `${name}-2`, f3: `${name}-3` },
});

/** ExternalSecret i takes f1 of item i, f2 of item i+1 and f3 of item i+2 (4 items shared by 10 ExternalSecrets). */
function externalSecretRefs(i: number): RemoteRef[] {
  return [1, 2, 3].map((n) => ({ key: ITEMS[(i + n - 1) % ITEMS.length], property: `f${n}` }));
}

describe('1Password provider: request budget', () => {
  let connect: OnePasswordConnectEmulator;
  let harness: ClientHarness;

  beforeEach(async () => {
    connect = await startOnePasswordConnect({
      token: TOKEN,
      seed: {
        vaults: {
          infrastructure: { db: item('db'), cache: item('cache') },
          applications: { queue: item('queue'), search: item('search') },
        },
      },
    });
  });
  afterEach(() => connect.stop());

  function client(provider = new OnePasswordProvider({ clock: harness.clock })): Promise<SecretsClient> {
    return provider.newClient(harness.context);
  }

  it.each([
    ['without read options', undefined],
    ['with the refresh interval as maxAgeMs, as the core passes it', { maxAgeMs: 60_000 }],
  ])(
    'costs at most 4 item reads per refresh cycle for 10 ExternalSecrets x 3 fields from 4 items, and one vault look-up per vault per client (%s)',
    async (_, options) => {
      harness = aClientHarness(aOnePasswordStore({ connectHost: connect.url }), TOKEN);
      const op = await client();
      const readsPerCycle: number[] = [];
      for (let cycle = 1; cycle <= 10; cycle++) {
        // GIVEN two items change in 1Password before cycles 4 and 8
        if (cycle === 4 || cycle === 8) {
          connect.store.setField('infrastructure', 'db', 'f1', `db-1-v${cycle}`);
          connect.store.setField('applications', 'search', 'f3', `search-3-v${cycle}`);
        }
        const before = connect.requestLog.count('GetVaultItemById');
        // WHEN 10 ExternalSecrets refresh, each reading its 3 fields
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => op.getSecrets!(externalSecretRefs(i), options)),
        );
        readsPerCycle.push(connect.requestLog.count('GetVaultItemById') - before);
        expect(results.flat().every((r) => 'value' in r)).toBe(true);
        await harness.clock.advance(60_000); // the refresh interval
      }
      // THEN every cycle reads at most the 4 items, and only changed items after the first
      expect(readsPerCycle).toEqual([4, 0, 0, 2, 0, 0, 0, 2, 0, 0]);
      expect(connect.requestLog.count(VAULT_LOOKUP_OPERATIONS)).toBeLessThanOrEqual(2);
      // AND the item lists cost one call per vault per cycle
      expect(connect.requestLog.count('GetVaultItems')).toBe(20);
      expect(text(await op.getSecret({ key: 'db', property: 'f1' }))).toBe('db-1-v8');
      // AND every request was reported to the provider-call metrics
      expect(harness.calls.count()).toBe(connect.requestLog.count());
    },
  );

  it('reads an item once when it changed after its vault was listed, until the list catches up', async () => {
    harness = aClientHarness(aOnePasswordStore({ connectHost: connect.url }), TOKEN);
    const op = await client();
    // GIVEN the vault was listed while "cache" was at version 1 (reading "db" lists infrastructure)
    await op.getSecret({ key: 'db', property: 'f1' });
    connect.store.setField('infrastructure', 'cache', 'f1', 'cache-1-new');
    connect.requestLog.reset();
    // WHEN "cache" is read three times within the cache TTL
    for (let i = 0; i < 3; i++)
      expect(text(await op.getSecret({ key: 'cache', property: 'f1' }))).toBe('cache-1-new');
    // THEN one item read served all three
    expect(connect.requestLog.counts()).toEqual({ GetVaultItemById: 1 });
  });

  it('sends nothing for 2 s after a 429 with Retry-After: 2, failing reads with RateLimitedError meanwhile', async () => {
    harness = aClientHarness(aOnePasswordStore({ connectHost: connect.url }), TOKEN);
    const op = await client();
    connect.faults.rateLimit(2, { times: 1, operations: ['GetVaultItemById'] });
    // WHEN Connect answers 429 with Retry-After: 2
    const first = await failureOf<RateLimitedError>(op.getSecret({ key: 'db', property: 'f1' }));
    expect(first).toBeInstanceOf(RateLimitedError);
    expect(first.retryAfterMs).toBe(2_000);
    expect(harness.calls.calls.at(-1)).toEqual({ operation: 'GetItem', outcome: 'throttled' });
    const sent = connect.requestLog.count();
    // THEN nothing is sent before 2 s have passed, whatever is asked, even by a new client of the store
    await harness.clock.advance(1_999);
    for (const key of ['db', 'cache', 'queue']) {
      const refused = await failureOf<RateLimitedError>(op.getSecret({ key, property: 'f2' }));
      expect(refused).toBeInstanceOf(RateLimitedError);
      expect(refused.retryAfterMs).toBe(1);
    }
    expect(connect.requestLog.count()).toBe(sent);
    // AND after 2 s the read goes through
    await harness.clock.advance(1);
    expect(text(await op.getSecret({ key: 'db', property: 'f1' }))).toBe('db-1');
    expect(connect.requestLog.count()).toBe(sent + 1);
  });

  it('keeps a 429 back-off for a new client of the same store', async () => {
    harness = aClientHarness(aOnePasswordStore({ connectHost: connect.url }), TOKEN);
    const provider = new OnePasswordProvider({ clock: harness.clock });
    const op = await client(provider);
    connect.faults.rateLimit(30, { times: 1 });
    await expect(op.validate()).rejects.toBeInstanceOf(RateLimitedError);
    const sent = connect.requestLog.count();
    const next = await client(provider);
    await expect(next.getSecret({ key: 'db', property: 'f1' })).rejects.toBeInstanceOf(RateLimitedError);
    expect(connect.requestLog.count()).toBe(sent);
  });

  it('spreads requests over the hour when the store annotation sets a budget', async () => {
    // GIVEN a budget of 60 requests per hour: one now, then one per minute
    harness = aClientHarness(
      aOnePasswordStore({ connectHost: connect.url, annotations: { [REQUESTS_PER_HOUR_ANNOTATION]: '60' } }),
      TOKEN,
    );
    const op = await new OnePasswordProvider({ clock: harness.clock, maxBudgetWaitMs: 300_000 }).newClient(
      harness.context,
    );
    // WHEN a read needs three requests (vaults, items of the vault, the item)
    let value: string | undefined;
    const read = op.getSecret({ key: 'db', property: 'f1' }).then((v) => (value = text(v)));
    // THEN they go one minute apart instead of failing
    await waitUntil(() => connect.requestLog.count() === 1);
    await harness.clock.advance(59_000);
    expect(connect.requestLog.count()).toBe(1);
    await harness.clock.advance(1_000);
    await waitUntil(() => connect.requestLog.count() === 2);
    await harness.clock.advance(60_000);
    await read;
    expect(value).toBe('db-1');
    expect(connect.requestLog.count()).toBe(3);
  });

  it('fails fast with RateLimitedError naming the budget when the wait would be too long', async () => {
    harness = aClientHarness(
      aOnePasswordStore({ connectHost: connect.url, annotations: { [REQUESTS_PER_HOUR_ANNOTATION]: '60' } }),
      TOKEN,
    );
    const op = await client();
    const refused = await failureOf<RateLimitedError>(op.getSecret({ key: 'db', property: 'f1' }));
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused.message).toMatch(
      /ClusterSecretStore onepassword has used its budget of 60 1Password requests per hour/,
    );
    expect(connect.requestLog.count()).toBe(1);
  });
});
