/**
 * InformerCache over the real transport against a minimal list/watch server on loopback (plain
 * HTTP): the API server emulator never sends `managedFields`, a real API server always does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../controller/clock.js';
import type { KubeConfigSource } from './kube-config-source.js';
import type { SecretObject } from './kube-port.js';
import { ResourceResolver } from './kube-resources.js';
import { InformerCache } from './object-cache.js';
import { KubeTransport } from './kube-transport.js';

const MANAGED_FIELDS = [{ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:data': {} } }];

function aSecret(name: string, resourceVersion: string): SecretObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: 'ns', resourceVersion, managedFields: MANAGED_FIELDS },
    data: { k: 'dg==' },
  };
}

/** Serves discovery of v1 Secrets, a list of one Secret, and a watch that adds a second one. */
function startListWatchServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/api/v1') {
      res.end(JSON.stringify({ resources: [{ name: 'secrets', kind: 'Secret', namespaced: true }] }));
    } else if (req.url?.includes('watch=true')) {
      res.write(`${JSON.stringify({ type: 'ADDED', object: aSecret('watched', '2') })}\n`);
    } else {
      res.end(JSON.stringify({ metadata: { resourceVersion: '1' }, items: [aSecret('listed', '1')] }));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe('InformerCache', () => {
  test('drops managedFields from listed and watched objects and keeps the rest', async () => {
    // GIVEN a server whose objects carry managedFields, as a real API server's do
    const { server, url } = await startListWatchServer();
    const kubeConfig: KubeConfigSource = {
      server: url,
      namespace: 'ns',
      applyToHTTPSOptions: async () => {},
    };
    const transport = new KubeTransport({ kubeConfig, qps: 0 });
    const cache = new InformerCache<SecretObject>({
      transport,
      resolver: new ResourceResolver(transport),
      kind: { apiVersion: 'v1', kind: 'Secret' },
      clock: systemClock,
    });
    const watched = new Promise<void>((resolve) =>
      cache.onChange((_type, object) => object.metadata.name === 'watched' && resolve()),
    );
    try {
      // WHEN the cache lists and then watches
      cache.start();
      await cache.synced();
      await watched;
      // THEN both objects are held, without managedFields
      const held = cache.list().sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
      expect(held.map((s) => [s.metadata.name, s.metadata.resourceVersion, s.data])).toEqual([
        ['listed', '1', { k: 'dg==' }],
        ['watched', '2', { k: 'dg==' }],
      ]);
      expect(held.map((s) => s.metadata.managedFields)).toEqual([undefined, undefined]);
    } finally {
      await cache.stop();
      transport.close();
      server.closeAllConnections();
      server.close();
    }
  });
});
