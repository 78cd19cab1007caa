import { parseArgs } from 'node:util';
import { startKubeApiServer } from './start-kube-api-server.js';

/**
 * `npm run kube-emulator`: starts the emulator in the foreground. The first line of output is
 * `KUBECONFIG=<absolute path>`, printed once the server accepts requests; Ctrl-C stops it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      'data-dir': { type: 'string' },
      'any-token': { type: 'boolean' },
    },
  });
  const server = await startKubeApiServer({
    port: values.port ? Number(values.port) : undefined,
    seed: values.seed ? Number(values.seed) : undefined,
    dataDir: values['data-dir'],
    acceptAnyToken: values['any-token'] ?? false,
  });
  process.stdout.write(`KUBECONFIG=${server.kubeconfigPath}\n`);
  process.stdout.write(
    `# kube emulator serving at ${server.url} (kubectl 1.32 / client-node 1.4); Ctrl-C to stop\n`,
  );
  const shutdown = (): void => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `kube emulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
