/**
 * The kube transport through a cluster's `proxy-url`: an HTTP CONNECT proxy on loopback tunnels TLS
 * to the API server emulator, and the API server's certificate is still verified end to end.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect as connectTcp, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { connectToKube, type KubeConnection } from '@tessera/core';
import { startKubeApiServer, type KubeApiServer } from '../emulators/kube-apiserver/index.js';

/** A CONNECT-only proxy that records the targets it tunnelled to. */
function startConnectProxy(): Promise<{ server: Server; url: string; targets: string[] }> {
  const targets: string[] = [];
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client, head) => {
    targets.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connectTcp(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, targets }),
    ),
  );
}

let api: KubeApiServer;
let proxy: Awaited<ReturnType<typeof startConnectProxy>>;
let dir: string;
let kube: KubeConnection | undefined;

beforeAll(async () => {
  api = await startKubeApiServer();
  proxy = await startConnectProxy();
  dir = mkdtempSync(join(tmpdir(), 'kube-proxy-'));
});
afterEach(async () => {
  await kube?.close();
  kube = undefined;
});
afterAll(async () => {
  await api.stop();
  proxy.server.closeAllConnections();
  await new Promise((resolve) => proxy.server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** The emulator's kubeconfig with `proxy-url` added to its cluster. */
function kubeconfigThroughProxy(): string {
  const config = parse(readFileSync(api.kubeconfigPath, 'utf8')) as {
    clusters: Array<{ cluster: Record<string, unknown> }>;
  };
  config.clusters[0].cluster['proxy-url'] = proxy.url;
  const path = join(dir, 'config');
  writeFileSync(path, stringify(config));
  return path;
}

describe('kube transport with a proxy-url', () => {
  test('requests are tunnelled through the proxy to the API server, whose certificate is verified', async () => {
    // GIVEN a kubeconfig whose cluster names an HTTP proxy
    kube = connectToKube({ kubeconfigPath: kubeconfigThroughProxy(), qps: 0 });
    // WHEN the client writes and reads an object
    await kube.client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'via-proxy' } });
    const read = await kube.client.get({ apiVersion: 'v1', kind: 'Namespace', name: 'via-proxy' });
    // THEN the answer came from the emulator, through a CONNECT tunnel to its address
    expect(read?.metadata.name).toBe('via-proxy');
    const apiAddress = new URL(api.url).host;
    expect(proxy.targets.length).toBeGreaterThan(0);
    expect(new Set(proxy.targets)).toEqual(new Set([apiAddress]));
  });
});
