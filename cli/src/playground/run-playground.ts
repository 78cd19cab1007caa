/**
 * `tessera playground` (what `npm start` runs): the Kubernetes API emulator, a 1Password Connect
 * emulator seeded from `examples/onepassword/connect-seed.yaml`, the CRDs, the manifests of
 * `examples/playground/` and `examples/onepassword/`, and the operator running in this process.
 *
 * Standard output, a stable contract (design.md §7):
 * 1. `KUBECONFIG=<absolute path>` as the first line, as soon as the API serves requests;
 * 2. progress lines, then `READY` once every ExternalSecret (and ClusterExternalSecret) is Ready;
 * 3. how to point kubectl at it, then a live status table (redrawn in place on a terminal, printed
 *    again whenever it changes otherwise).
 * Ctrl-C (SIGINT) or SIGTERM stops everything cleanly. `r` (on a terminal) or SIGUSR2 rotates the
 * Connect emulator's token, to watch the onepassword store go not-ready and recover.
 */
import { join } from 'node:path';
import { connectToKube, type ContainerModule, type TemplateRenderer } from '@tessera/core';
import { startKubeApiServer, startOnePasswordConnect } from '@tessera/test';
import { applyManifests } from './apply-manifests.js';
import { LiveTable } from './live-table.js';
import { pointStoresAt } from './point-stores-at.js';
import { StopRequest } from './stop-request.js';
import { startPlaygroundOperator, type PlaygroundOperator } from './playground-operator.js';
import { PlaygroundStatus } from './playground-status.js';

/** Options of {@link runPlayground}. */
export interface PlaygroundOptions {
  /** Repository root (holds `crds/` and `examples/`). */
  readonly root: string;
  readonly providerModules: readonly ContainerModule[];
  /** @default the reconciler's literal renderer */
  readonly renderer?: TemplateRenderer;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: (text: string) => void;
  /** Store revalidation interval, short so a rotated token shows quickly. @default 10000 */
  readonly storeRequeueIntervalMs?: number;
}

/** Runs until SIGINT/SIGTERM; resolves once everything has stopped. */
export async function runPlayground(options: PlaygroundOptions): Promise<void> {
  const out = (line: string): void => void options.stdout.write(`${line}\n`);
  const stop = new StopRequest();
  options.stdout.on('error', () => stop.request()); // e.g. the reader of a pipe went away
  const kube = await startKubeApiServer();
  out(`KUBECONFIG=${kube.kubeconfigPath}`);
  const connect = await startOnePasswordConnect({
    seed: join(options.root, 'examples/onepassword/connect-seed.yaml'),
  });
  const user = connectToKube({
    kubeconfigPath: kube.kubeconfigPath,
    qps: 0,
    userAgent: 'tessera-playground',
  });
  let operator: PlaygroundOperator | undefined;
  const stopAll = async (): Promise<void> => {
    await operator?.stop().catch(() => undefined);
    await user.close().catch(() => undefined);
    await connect.stop().catch(() => undefined);
    await kube.stop().catch(() => undefined);
  };
  try {
    await applyManifests({ kube: user.client, paths: [join(options.root, 'crds')] });
    if (stop.isRequested) return;
    operator = await startPlaygroundOperator({ ...options, kubeconfigPath: kube.kubeconfigPath });
    out(
      `# operator running in-process; JSON logs in ${operator.logPath}; metrics at ${operator.metricsUrl}/metrics`,
    );
    const created = await applyManifests({
      kube: user.client,
      paths: [join(options.root, 'examples/playground'), join(options.root, 'examples/onepassword')],
      rewrite: pointStoresAt({ onepassword: connect.url }),
    });
    out(
      `# applied ${created.length} objects from examples/playground and examples/onepassword (1Password stores point at ${connect.url})`,
    );
    const status = new PlaygroundStatus(user.client);
    await stop.unlessStopped(status.waitUntilReady((line) => out(`# ${line}`), options.stderr, stop));
    if (stop.isRequested) return;
    out('READY');
    printHelp(out, kube.kubeconfigPath, operator, connect.url);
    const table = new LiveTable({ status, stream: options.stdout, stop });
    const rotate = (): void => {
      const token = connect.store.rotateToken();
      table.note(
        `Connect token rotated to ${token}; the onepassword store turns not-ready on its next check. Put the new token in its Secret with:\n` +
          `  kubectl -n tessera-system create secret generic onepassword-connect-token --from-literal=token=${token} --dry-run=client -o yaml | kubectl apply -f -`,
      );
    };
    await table.runUntilStopped({ onRotate: rotate });
  } finally {
    options.stderr('stopping the playground…\n');
    await stopAll();
    stop.dispose();
    options.stderr('stopped\n');
  }
}

function printHelp(
  out: (line: string) => void,
  kubeconfig: string,
  operator: PlaygroundOperator,
  connectUrl: string,
): void {
  out('');
  out('Point kubectl at the playground:');
  out(`  export KUBECONFIG=${kubeconfig}`);
  out('  kubectl get es,ss,css,ces -A');
  out('  kubectl describe externalsecret -n default database-credentials');
  out("  kubectl get secret -n default database-credentials -o jsonpath='{.data.username}' | base64 -d");
  out(`Operator logs: ${operator.logPath}   metrics: ${operator.metricsUrl}/metrics`);
  out(
    `1Password Connect emulator: ${connectUrl} (press r on a terminal, or send SIGUSR2, to rotate its token)`,
  );
  out('Ctrl-C stops everything.');
  out('');
}
