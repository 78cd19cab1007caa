/**
 * Reads what the status table shows, through the Kubernetes API as a user would (lists, no
 * informers): stores, ExternalSecrets and ClusterExternalSecrets with their Ready conditions.
 */
import type { KubeClient } from '@tessera/core';
import { isReady, type StatusObject } from './status-table.js';
import type { StopRequest } from './stop-request.js';

const V1 = 'external-secrets.io/v1';

/** One read of everything the table shows. */
export interface StatusSnapshot {
  readonly stores: StatusObject[];
  readonly externalSecrets: StatusObject[];
  readonly clusterExternalSecrets: StatusObject[];
}

/** See the module comment. */
export class PlaygroundStatus {
  constructor(private readonly kube: KubeClient) {}

  /** Lists every kind the table shows. */
  async snapshot(): Promise<StatusSnapshot> {
    const [secretStores, clusterStores, externalSecrets, clusterExternalSecrets] = await Promise.all([
      this.kube.list<StatusObject>({ apiVersion: V1, kind: 'SecretStore' }),
      this.kube.list<StatusObject>({ apiVersion: V1, kind: 'ClusterSecretStore' }),
      this.kube.list<StatusObject>({ apiVersion: V1, kind: 'ExternalSecret' }),
      this.kube.list<StatusObject>({ apiVersion: V1, kind: 'ClusterExternalSecret' }),
    ]);
    return { stores: [...clusterStores, ...secretStores], externalSecrets, clusterExternalSecrets };
  }

  /**
   * Resolves once every ExternalSecret and ClusterExternalSecret is Ready. Reports progress through
   * `progress` whenever the count changes, and every 15 s names on `stderr` what is still waiting.
   */
  async waitUntilReady(
    progress: (line: string) => void,
    stderr: (text: string) => void,
    stop: Pick<StopRequest, 'isRequested'>,
  ): Promise<void> {
    let last = '';
    let nextReminder = Date.now() + 15_000;
    while (!stop.isRequested) {
      const { externalSecrets, clusterExternalSecrets } = await this.snapshot();
      const waiting = [...externalSecrets, ...clusterExternalSecrets].filter((object) => !isReady(object));
      const total = externalSecrets.length + clusterExternalSecrets.length;
      const line = `${total - waiting.length}/${total} ExternalSecrets and ClusterExternalSecrets Ready`;
      if (line !== last) progress(line);
      last = line;
      if (total > 0 && waiting.length === 0) return;
      if (Date.now() > nextReminder) {
        nextReminder = Date.now() + 15_000;
        const names = waiting.map(
          (o) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`,
        );
        stderr(`still waiting for: ${names.join(', ')} (see the operator log)\n`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
