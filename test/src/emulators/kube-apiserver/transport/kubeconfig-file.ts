import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** What goes into the kubeconfig. */
export interface KubeconfigOptions {
  readonly server: string;
  readonly caPem: string;
  readonly token: string;
  /** @default 'default' */
  readonly namespace?: string;
}

/** The kubeconfig text: one cluster with the CA inline, one token user, one context. */
export function kubeconfigYaml(o: KubeconfigOptions): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'tessera-emulator',
        cluster: { server: o.server, 'certificate-authority-data': Buffer.from(o.caPem).toString('base64') },
      },
    ],
    contexts: [
      {
        name: 'tessera-emulator',
        context: { cluster: 'tessera-emulator', user: 'tessera-admin', namespace: o.namespace ?? 'default' },
      },
    ],
    'current-context': 'tessera-emulator',
    users: [{ name: 'tessera-admin', user: { token: o.token } }],
  });
}

/** Writes `<dir>/kubeconfig` (mode 0600) and returns its absolute path. */
export async function writeKubeconfig(dir: string, o: KubeconfigOptions): Promise<string> {
  const path = join(dir, 'kubeconfig');
  await writeFile(path, kubeconfigYaml(o), { mode: 0o600 });
  return path;
}
