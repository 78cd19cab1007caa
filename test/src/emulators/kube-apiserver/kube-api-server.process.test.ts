import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startKubeApiServer } from './start-kube-api-server.js';

function clientFor(kubeconfigPath: string): CoreV1Api {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  return kc.makeApiClient(CoreV1Api);
}

describe('the kube-emulator command', () => {
  test('prints KUBECONFIG=<absolute path> as its first line once it serves, and stops on SIGTERM', async () => {
    // GIVEN the emulator's entry point started as a process
    const main = resolve('test/src/emulators/kube-apiserver/main.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', main], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      // WHEN its first line arrives
      const first = await new Promise<string>((ok, fail) => {
        createInterface({ input: child.stdout }).once('line', ok);
        child.once('exit', (code) => fail(new Error(`exited early with ${code}`)));
      });
      // THEN it names an absolute kubeconfig of a server that already answers
      expect(first).toMatch(/^KUBECONFIG=/);
      const path = first.slice('KUBECONFIG='.length);
      expect(isAbsolute(path)).toBe(true);
      const namespaces = await clientFor(path).listNamespace();
      expect(namespaces.items.map((n) => n.metadata?.name)).toEqual([
        'default',
        'kube-node-lease',
        'kube-public',
        'kube-system',
      ]);
    } finally {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
    }
  });
});

describe('dataDir', () => {
  test('a server restarted on the same dataDir keeps its objects, CA and kubeconfig', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-kube-data-'));
    try {
      // GIVEN a server with a data dir and a Secret in it
      const first = await startKubeApiServer({ dataDir: dir });
      await clientFor(first.kubeconfigPath).createNamespacedSecret({
        namespace: 'default',
        body: { metadata: { name: 'kept' }, stringData: { a: 'b' } },
      });
      await first.stop();
      // WHEN a new server starts on the same dir
      const second = await startKubeApiServer({ dataDir: dir });
      try {
        // THEN the Secret is still there and the CA is the same
        const secret = await clientFor(second.kubeconfigPath).readNamespacedSecret({
          name: 'kept',
          namespace: 'default',
        });
        expect(secret.data).toEqual({ a: 'Yg==' });
        expect(second.caPem).toBe(first.caPem);
        expect(existsSync(join(dir, 'state.json'))).toBe(true);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
