import { startOpsServer, parseListenAddress, type OpsServer } from './ops-server.js';
import { TesseraMetrics } from './tessera-metrics.js';

describe('ops server', () => {
  let server: OpsServer;
  let ready = false;
  const metrics = new TesseraMetrics({ processMetrics: false });

  beforeAll(async () => {
    metrics.recordSync({ name: 'db', namespace: 'a' }, false);
    server = await startOpsServer({
      port: 0,
      host: '127.0.0.1',
      registry: metrics.registry,
      healthy: () => true,
      ready: () => ready,
    });
  });
  afterAll(async () => server.close());

  it('serves Prometheus text on /metrics', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('externalsecret_sync_calls_total{name="db",namespace="a"} 1');
  });

  it('answers /healthz while alive', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers /readyz 503 until the caches have synced, then 200', async () => {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    ready = true;
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('answers 404 elsewhere', async () => {
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });

  it('parses listen addresses the way the flags are written', () => {
    expect(parseListenAddress(':8080')).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(parseListenAddress('127.0.0.1:9')).toEqual({ host: '127.0.0.1', port: 9 });
    expect(() => parseListenAddress('eight')).toThrow('use host:port or :port');
  });
});
