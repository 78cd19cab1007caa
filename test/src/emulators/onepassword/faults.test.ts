import type { OnePasswordConnectEmulator } from './index.js';
import { connectSdk, startTestConnect } from './test-connect.js';

describe('Connect emulator: fault injection', () => {
  let connect: OnePasswordConnectEmulator;
  let infra: string;
  beforeAll(async () => ({ connect, infra } = await startTestConnect()));
  afterAll(() => connect.stop());
  beforeEach(() => {
    connect.faults.clear();
    connect.requestLog.reset();
  });
  const sdk = () => connectSdk(connect);
  const get = (path: string) =>
    fetch(`${connect.url}${path}`, { headers: { authorization: `Bearer ${connect.token}` } });

  it('answers 429 with Retry-After and the error body for the chosen number of requests', async () => {
    const fault = connect.faults.rateLimit(2, { times: 1 });
    const limited = await get('/v1/vaults');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toMatchObject({ status: 429 });
    expect((await get('/v1/vaults')).status).toBe(200);
    expect(fault.hits).toBe(1);
  });

  it('limits a fault to the operations named', async () => {
    connect.faults.serverError({ status: 503, operations: ['GetVaultItemById'] });
    expect((await sdk().listItems(infra)).length).toBeGreaterThan(0);
    await expect(sdk().getItem(infra, 'login item')).rejects.toMatchObject({ status: 503 });
    expect(connect.requestLog.entries.map((e) => [e.operation, e.status])).toEqual([
      ['GetVaultItems', 200],
      ['GetVaultItems', 200],
      ['GetVaultItemById', 503],
    ]);
  });

  it('injects 401, 403 and 404 with Connect messages', async () => {
    const unauthorized = connect.faults.unauthorized({ times: 1 });
    await expect(sdk().listVaults()).rejects.toEqual({ status: 401, message: 'Invalid token signature' });
    unauthorized.remove();
    connect.faults.inject({ status: 403, times: 1 });
    await expect(sdk().listVaults()).rejects.toMatchObject({ status: 403 });
    connect.faults.inject({ status: 404, message: `vault ${infra} not found`, times: 1 });
    await expect(sdk().listItems(infra)).rejects.toEqual({
      status: 404,
      message: `vault ${infra} not found`,
    });
    expect((await sdk().listVaults()).length).toBe(2);
  });

  it('delays a request by the injected latency and still answers it', async () => {
    const fault = connect.faults.latency(30, { operations: ['GetVaults'] });
    expect((await sdk().listVaults()).length).toBe(2);
    expect(fault.hits).toBe(1);
  });

  it('stops injecting once a fault is removed', async () => {
    const fault = connect.faults.serverError();
    await expect(sdk().listVaults()).rejects.toMatchObject({ status: 500 });
    fault.remove();
    expect((await sdk().listVaults()).length).toBe(2);
  });

  it('counts faulted requests in the request log with their status', async () => {
    connect.faults.rateLimit(1, { times: 2 });
    await get('/v1/vaults');
    await get('/v1/vaults');
    await get('/v1/vaults');
    expect(connect.requestLog.entries.map((e) => e.status)).toEqual([429, 429, 200]);
    expect(connect.requestLog.count('GetVaults')).toBe(3);
  });
});
