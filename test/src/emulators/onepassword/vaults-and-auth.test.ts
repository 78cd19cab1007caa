import type { OnePasswordConnectEmulator } from './index.js';
import { connectSdk, startTestConnect } from './test-connect.js';

describe('Connect emulator: vaults and bearer-token auth (through @1password/connect)', () => {
  let connect: OnePasswordConnectEmulator;
  beforeAll(async () => ({ connect } = await startTestConnect()));
  afterAll(() => connect.stop());
  beforeEach(() => {
    connect.faults.clear();
    connect.requestLog.reset();
  });
  const sdk = (token?: string) => connectSdk(connect, token);

  it('lists every vault with the Vault wire shape', async () => {
    const vaults = await sdk().listVaults();
    expect(vaults.map((v) => v.name).sort()).toEqual(['applications', 'infrastructure']);
    const infra = vaults.find((v) => v.name === 'infrastructure')!;
    expect(infra.id).toMatch(/^[a-z0-9]{26}$/);
    expect(infra.items).toBe(4);
    expect(infra.type).toBe('USER_CREATED');
    expect(connect.requestLog.entries[0].path).toBe('/v1/vaults/');
  });

  it('finds a vault by title with the filter the SDK sends', async () => {
    const vault = await sdk().getVault('applications');
    expect(vault.name).toBe('applications');
    expect(connect.requestLog.entries[0].query).toEqual({ filter: 'title eq "applications"' });
  });

  it('accepts the documented name filter as well as title', async () => {
    const res = await fetch(
      `${connect.url}/v1/vaults?filter=${encodeURIComponent('name eq "infrastructure"')}`,
      {
        headers: { authorization: `Bearer ${connect.token}` },
      },
    );
    const body = (await res.json()) as { name: string }[];
    expect(body.map((v) => v.name)).toEqual(['infrastructure']);
  });

  it('gets a vault by id and answers 404 with the contract message for an unknown id', async () => {
    const id = connect.store.vault('infrastructure')!.id;
    expect((await sdk().getVaultById(id)).name).toBe('infrastructure');
    await expect(sdk().getVaultById('a'.repeat(26))).rejects.toEqual({
      status: 404,
      message: `vault ${'a'.repeat(26)} not found`,
    });
  });

  it('reports a title with no vault as the SDK-synthesised 404', async () => {
    await expect(sdk().getVault('nope')).rejects.toEqual({
      status: 404,
      message: 'No Vaults found with title',
    });
  });

  it('hides a vault out of scope from lists and answers 403 on direct access', async () => {
    const vault = connect.store.vault('applications')!;
    connect.faults.denyVault(vault.id);
    expect((await sdk().listVaults()).map((v) => v.name)).toEqual(['infrastructure']);
    await expect(sdk().getVaultById(vault.id)).rejects.toEqual({
      status: 403,
      message: `vault ${vault.id} is not in scope`,
    });
    await expect(sdk().listItems(vault.id)).rejects.toEqual({
      status: 403,
      message: `vault ${vault.id} is not in scope`,
    });
  });

  it('rejects a vault name where an id belongs with 400', async () => {
    await expect(sdk().listItems('infrastructure')).rejects.toEqual({
      status: 400,
      message: 'Invalid Vault UUID',
    });
  });

  it('answers a wrong token with 401 Invalid token signature', async () => {
    await expect(sdk('wrong').listVaults()).rejects.toEqual({
      status: 401,
      message: 'Invalid token signature',
    });
  });

  it('answers a missing Authorization header with 401 and the JSON error body', async () => {
    const res = await fetch(`${connect.url}/v1/vaults`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ status: 401, message: 'Invalid token signature' });
  });

  it('rejects the old token after a rotation and accepts the new one', async () => {
    const old = connect.token;
    const next = connect.store.rotateToken();
    try {
      await expect(sdk(old).listVaults()).rejects.toMatchObject({ status: 401 });
      expect((await sdk(next).listVaults()).length).toBe(2);
    } finally {
      connect.store.rotateToken(old);
    }
  });

  it('serves heartbeat and health without a token', async () => {
    const beat = await fetch(`${connect.url}/heartbeat`);
    expect(await beat.text()).toBe('.');
    const health = (await (await fetch(`${connect.url}/health`)).json()) as { name: string; version: string };
    expect(health.name).toBe('1Password Connect API');
    expect(health.version).toMatch(/^1\.\d+\.\d+$/);
  });

  it('counts requests per endpoint', async () => {
    await sdk().listVaults();
    await sdk().getVault('applications');
    await sdk().getVaultById(connect.store.vault('applications')!.id);
    expect(connect.requestLog.counts()).toEqual({ GetVaults: 2, GetVaultById: 1 });
    expect(connect.requestLog.count(['GetVaults', 'GetVaultById'])).toBe(3);
  });
});
