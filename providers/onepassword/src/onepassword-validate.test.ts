import { InvalidProviderConfigError, ProviderUnavailableError } from '@tessera/core';
import { OnePasswordProvider } from './onepassword-provider.js';
import { TEST_TOKEN } from './provider-test-seed.js';
import { useSeededConnect } from './seeded-connect.js';
import { aClientHarness, aOnePasswordStore, text, TOKEN_REF, failureOf } from './test-support.js';

describe('1Password provider: validate() and token problems', () => {
  const world = useSeededConnect((connect) => {
    connect.faults.clear();
    connect.store.rotateToken(TEST_TOKEN);
    connect.requestLog.reset();
  });

  it('is Ready when the token reads every vault', async () => {
    await expect(world.client.validate()).resolves.toBe('Ready');
    expect(world.connect.requestLog.counts()).toEqual({ GetVaults: 1, GetVaultById: 2 });
  });

  it('names HTTP 401 and the token Secret when the token is wrong', async () => {
    world.harness.secrets.set(TOKEN_REF, 'not-the-token');
    const validation = world.client.validate();
    await expect(validation).rejects.toBeInstanceOf(InvalidProviderConfigError);
    await expect(validation).rejects.toThrow(
      'rejected the token in Secret "tessera-system/onepassword-connect-token" key "token" (HTTP 401: Invalid token signature)',
    );
    await expect(validation).rejects.toThrow('(while checking vaults "infrastructure", "applications")');
  });

  it('says the token was rotated, then is Ready again once the Secret holds the new token', async () => {
    await world.client.validate();
    const rotated = world.connect.store.rotateToken();
    await expect(world.client.validate()).rejects.toThrow(
      /wrong, revoked or was rotated.*\(while checking vault "(infrastructure|applications)"\)/,
    );
    world.harness.secrets.set(TOKEN_REF, rotated);
    await expect(world.client.validate()).resolves.toBe('Ready');
    expect(text(await world.client.getSecret({ key: 'stripe', property: 'credential' }))).toBe('sk_stripe');
  });

  it('picks up an updated token Secret on the next read after a 401, without a new client', async () => {
    await world.client.getSecret({ key: 'stripe', property: 'credential' });
    const rotated = world.connect.store.rotateToken();
    world.harness.secrets.set(TOKEN_REF, rotated);
    await world.harness.clock.advance(60_000);
    expect(text(await world.client.getSecret({ key: 'sendgrid', property: 'credential' }))).toBe('sg_key');
  });

  it('stops sending with a rejected token until the hold passes, then probes once', async () => {
    world.connect.store.rotateToken();
    await expect(world.client.getSecret({ key: 'shared' })).rejects.toBeInstanceOf(
      InvalidProviderConfigError,
    );
    const sent = world.connect.requestLog.count();
    await expect(world.client.getSecret({ key: 'shared' })).rejects.toThrow(/rejected the token/);
    await expect(world.client.getSecret({ key: 'stripe', property: 'credential' })).rejects.toThrow(
      /rejected the token/,
    );
    expect(world.connect.requestLog.count()).toBe(sent);
    await world.harness.clock.advance(10_000);
    await expect(world.client.getSecret({ key: 'shared' })).rejects.toThrow(/rejected the token/);
    expect(world.connect.requestLog.count()).toBe(sent + 1);
  });

  it('names the vault and HTTP 403 when the token may not read a vault', async () => {
    await world.client.validate();
    world.connect.faults.denyVault(world.connect.store.vault('applications')!.id);
    const validation = world.client.validate();
    await expect(validation).rejects.toBeInstanceOf(InvalidProviderConfigError);
    await expect(validation).rejects.toThrow(
      /may not access vault "applications" \(HTTP 403: vault [a-z0-9]{26} is not in scope/,
    );
  });

  it('names the vault and HTTP 404 when a configured vault does not exist', async () => {
    const store = aOnePasswordStore({
      connectHost: world.connect.url,
      vaults: { infrastructure: 1, 'no-such-vault': 2 },
    });
    const other = await new OnePasswordProvider({ clock: world.harness.clock }).newClient(
      aClientHarness(store, TEST_TOKEN).context,
    );
    await expect(other.validate()).rejects.toThrow(
      /vault "no-such-vault" was not found among the 2 vaults the Connect token can read \(HTTP 404\)/,
    );
  });

  it('reports a Connect server error as ProviderUnavailableError, not as bad configuration', async () => {
    world.connect.faults.serverError({ status: 503 });
    await expect(world.client.validate()).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('reports an unreachable Connect as ProviderUnavailableError naming the host', async () => {
    const store = aOnePasswordStore({ connectHost: 'http://127.0.0.1:9' });
    const offline = await new OnePasswordProvider({ clock: world.harness.clock }).newClient(
      aClientHarness(store, TEST_TOKEN).context,
    );
    const validation = offline.validate();
    await expect(validation).rejects.toBeInstanceOf(ProviderUnavailableError);
    await expect(validation).rejects.toThrow(/could not reach 1Password Connect at http:\/\/127\.0\.0\.1:9/);
  });

  it('fails client creation when the token Secret is missing', async () => {
    const empty = aClientHarness(aOnePasswordStore({ connectHost: world.connect.url }), TEST_TOKEN);
    empty.secrets.set(TOKEN_REF, '');
    await expect(new OnePasswordProvider().newClient(empty.context)).rejects.toThrow(
      /is empty; put the Connect token there/,
    );
  });

  it('never puts the token or a secret value into an error message', async () => {
    world.harness.secrets.set(TOKEN_REF, 'canary-token-value');
    const error = await failureOf<Error>(world.client.getSecret({ key: 'stripe' }));
    expect(String(error.message)).not.toContain('canary-token-value');
    world.harness.secrets.set(TOKEN_REF, TEST_TOKEN);
    await world.harness.clock.advance(10_000);
    const missing = await failureOf<Error>(world.client.getSecret({ key: 'stripe', property: 'nope' }));
    expect(missing.message).not.toContain('sk_stripe');
  });
});
