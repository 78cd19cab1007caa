/**
 * Read freshness (`ReadOptions.maxAgeMs`): a forced sync (0) asks Connect again even within the
 * store's cache TTL; a periodic refresh (the refresh interval) is served from the cache within
 * min(cache TTL, interval); the refs of one call still share their requests.
 */
import type { SecretsClient } from '@tessera/core';
import { waitUntil } from '@tessera/core/testing';
import {
  startOnePasswordConnect,
  type OnePasswordConnectEmulator,
} from '@tessera/test/emulators/onepassword/index';
import { OnePasswordProvider } from './onepassword-provider.js';
import { CACHE_TTL_ANNOTATION } from './onepassword-settings.js';
import { aClientHarness, aOnePasswordStore, text, type ClientHarness } from './test-support.js';

const TOKEN = 'freshness-token';
const FORCED = { maxAgeMs: 0 };
const PERIODIC = { maxAgeMs: 60_000 };

describe('1Password provider: read freshness', () => {
  let connect: OnePasswordConnectEmulator;
  let harness: ClientHarness;
  let op: SecretsClient;

  beforeEach(async () => {
    connect = await startOnePasswordConnect({
      token: TOKEN,
      seed: {
        vaults: {
          infrastructure: {
            db: { category: 'DATABASE', fields: { user: 'app', password: 'pw-1' } },
            tls: { category: 'DOCUMENT', files: { 'tls.crt': 'cert-1' } },
          },
        },
      },
    });
    // GIVEN a store with the default 30 s item-list cache and a client that has read "db" once
    harness = aClientHarness(
      aOnePasswordStore({ connectHost: connect.url, vaults: { infrastructure: 1 } }),
      TOKEN,
    );
    op = await new OnePasswordProvider({ clock: harness.clock }).newClient(harness.context);
    expect(text(await op.getSecret({ key: 'db', property: 'password' }))).toBe('pw-1');
    connect.requestLog.reset();
  });
  afterEach(() => connect.stop());

  it('serves a periodic refresh inside the cache TTL from the cache, without any request', async () => {
    connect.store.setField('infrastructure', 'db', 'password', 'pw-2');
    await harness.clock.advance(10_000);
    expect(text(await op.getSecret({ key: 'db', property: 'password' }, PERIODIC))).toBe('pw-1');
    expect(connect.requestLog.count()).toBe(0);
  });

  it('re-reads the item list and the item for a forced sync within the cache TTL', async () => {
    // GIVEN the item changed in 1Password 1 s after it was read
    connect.store.setField('infrastructure', 'db', 'password', 'pw-2');
    await harness.clock.advance(1_000);
    // WHEN a forced sync reads it
    const value = await op.getSecret({ key: 'db', property: 'password' }, FORCED);
    // THEN Connect was asked again and the new value is returned
    expect(connect.requestLog.counts()).toEqual({ GetVaultItems: 1, GetVaultItemById: 1 });
    expect(text(value)).toBe('pw-2');
  });

  it('re-reads an unchanged item and its files for a forced sync (no cached body is used)', async () => {
    await op.getSecretMap({ key: 'tls' });
    connect.requestLog.reset();
    await op.getSecretMap({ key: 'tls' }, FORCED);
    expect(connect.requestLog.counts()).toEqual({
      GetVaultItems: 1,
      GetVaultItemById: 1,
      DownloadFileByID: 1,
    });
  });

  it('lets the refs of one forced batch share one list and one item read', async () => {
    const results = await op.getSecrets!(
      [
        { key: 'db', property: 'user' },
        { key: 'db', property: 'password' },
        { key: 'db', property: 'user' },
      ],
      FORCED,
    );
    expect(results.map((r) => ('value' in r ? text(r.value) : r.error.message))).toEqual([
      'app',
      'pw-1',
      'app',
    ]);
    expect(connect.requestLog.counts()).toEqual({ GetVaultItems: 1, GetVaultItemById: 1 });
  });

  it('lists again when maxAgeMs is shorter than the cache TTL, re-reading only changed items', async () => {
    await harness.clock.advance(10_000);
    // WHEN an ExternalSecret refreshed every 5 s reads within the 30 s TTL
    await op.getSecret({ key: 'db', property: 'password' }, { maxAgeMs: 5_000 });
    // THEN the list is fetched again, and the unchanged item comes from the cache
    expect(connect.requestLog.counts()).toEqual({ GetVaultItems: 1 });
  });

  it('re-reads the list of a find for a forced sync', async () => {
    await op.getAllSecrets({ name: { regexp: '^user$' } });
    connect.store.setField('infrastructure', 'db', 'user', 'admin');
    connect.requestLog.reset();
    const periodic = await op.getAllSecrets({ name: { regexp: '^user$' } }, PERIODIC);
    expect(connect.requestLog.count()).toBe(0);
    const forced = await op.getAllSecrets({ name: { regexp: '^user$' } }, FORCED);
    expect([text(periodic.user), text(forced.user)]).toEqual(['app', 'admin']);
    expect(connect.requestLog.count('GetVaultItems')).toBe(1);
  });

  it('does not answer a forced sync with a list request sent before it, but lets a periodic read share it', async () => {
    // GIVEN the list has expired and a periodic read's list request is held in flight
    await harness.clock.advance(31_000);
    connect.faults.latency(200, { operations: ['GetVaultItems'], times: 1 });
    const periodic = op.getSecret({ key: 'db', property: 'password' }, PERIODIC);
    await waitUntil(() => connect.requestLog.count('GetVaultItems') === 1);
    // WHEN, 1 ms later, another periodic read and a forced sync read the same item
    await harness.clock.advance(1);
    const sharing = op.getSecret({ key: 'db', property: 'password' }, PERIODIC);
    const forced = op.getSecret({ key: 'db', property: 'password' }, FORCED);
    await Promise.all([periodic, sharing, forced]);
    // THEN only the forced sync sent its own list request
    expect(connect.requestLog.count('GetVaultItems')).toBe(2);
  });

  it('shortens the list cache to the TTL annotation when it is below maxAgeMs', async () => {
    const store = aOnePasswordStore({
      connectHost: connect.url,
      vaults: { infrastructure: 1 },
      annotations: { [CACHE_TTL_ANNOTATION]: '5s' },
    });
    const short = aClientHarness(store, TOKEN, harness.clock);
    const client = await new OnePasswordProvider({ clock: harness.clock }).newClient(short.context);
    await client.getSecret({ key: 'db', property: 'password' });
    connect.requestLog.reset();
    await harness.clock.advance(6_000);
    await client.getSecret({ key: 'db', property: 'password' }, PERIODIC);
    expect(connect.requestLog.counts()).toEqual({ GetVaultItems: 1 });
  });
});
