/**
 * Loads connection settings: an explicit kubeconfig path, else in-cluster service-account config,
 * else `$KUBECONFIG` / `~/.kube/config`. Fails loudly with the next step when nothing usable exists.
 *
 * A kubeconfig whose context uses plain credentials (token, token file, client
 * certificate, basic auth) and the in-cluster config are served by {@link StaticKubeConfig};
 * everything else (exec/auth-provider plugins, impersonation) by client-node's
 * `KubeConfig`, imported only then (see `client-node-kube-config.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ClientNodeKubeConfig } from './client-node-kube-config.js';
import { KubeConfigError } from './kube-config-error.js';
import type { KubeConfigSource } from './kube-config-source.js';
import { readKubeconfigFiles } from './kubeconfig-file.js';
import { isStatic, proxyUrlOf, StaticKubeConfig } from './static-kube-config.js';

export type { KubeConfigSource } from './kube-config-source.js';

export { KubeConfigError } from './kube-config-error.js';

/** Options of {@link loadKubeConfig}. */
export interface LoadKubeConfigOptions {
  /** Path to a kubeconfig file. @default in-cluster config when running in a pod, else $KUBECONFIG or ~/.kube/config */
  readonly kubeconfigPath?: string;
  /** Context to use instead of the file's current-context. @default the current context */
  readonly context?: string;
  /** Environment to read (tests). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Directory of the mounted ServiceAccount (tests). @default /var/run/secrets/kubernetes.io/serviceaccount */
  readonly serviceAccountDir?: string;
}

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** See the module comment. @throws KubeConfigError */
export function loadKubeConfig(options: LoadKubeConfigOptions = {}): KubeConfigSource {
  const env = options.env ?? process.env;
  let source: KubeConfigSource;
  try {
    if (options.kubeconfigPath !== undefined) {
      if (!existsSync(options.kubeconfigPath)) {
        throw new KubeConfigError(
          `kubeconfig "${options.kubeconfigPath}" does not exist; pass the path of a readable kubeconfig`,
        );
      }
      source = fromFiles([options.kubeconfigPath], options.context);
    } else if (env.KUBERNETES_SERVICE_HOST) {
      source = inCluster(env, options.serviceAccountDir);
    } else {
      source = fromFiles(defaultFiles(env), options.context);
    }
  } catch (error) {
    if (error instanceof KubeConfigError) throw error;
    throw new KubeConfigError(`cannot load the kubeconfig: ${(error as Error).message}`, { cause: error });
  }
  if (source.server === '') {
    throw new KubeConfigError(
      'the kubeconfig has no current cluster; set current-context or pass --kubeconfig',
    );
  }
  return source;
}

/** `$KUBECONFIG` (a path list), else `~/.kube/config`, as client-node and kubectl search. */
function defaultFiles(env: NodeJS.ProcessEnv): string[] {
  const listed = (env.KUBECONFIG ?? '').split(delimiter).filter((file) => file !== '');
  if (listed.length > 0) return listed;
  const home = env.HOME ?? homedir();
  const file = join(home, '.kube', 'config');
  if (existsSync(file)) return [file];
  throw new KubeConfigError(
    'no kubeconfig found: pass --kubeconfig, set $KUBECONFIG or create ~/.kube/config (in a pod the ServiceAccount is used)',
  );
}

function fromFiles(files: readonly string[], context: string | undefined): KubeConfigSource {
  const selection = readKubeconfigFiles(files, context);
  if (context !== undefined && !selection.contextNames.includes(context)) {
    throw new KubeConfigError(
      `context "${context}" is not in the kubeconfig; pick one of: ${selection.contextNames.join(', ')}`,
    );
  }
  const { cluster, user, contextName } = selection;
  const namespace = selection.namespace ?? 'default';
  if (cluster === undefined) return new StaticKubeConfig({ server: '' }, {}, namespace);
  if (isStatic(cluster, user)) return new StaticKubeConfig(cluster, user, namespace);
  return new ClientNodeKubeConfig({
    server: cluster.server,
    namespace,
    files,
    context: contextName,
    proxyUrl: proxyUrlOf(cluster),
  });
}

function inCluster(env: NodeJS.ProcessEnv, dir = SERVICE_ACCOUNT_DIR): KubeConfigSource {
  const host = env.KUBERNETES_SERVICE_HOST ?? '';
  const port = env.KUBERNETES_SERVICE_PORT ?? '';
  const scheme = ['80', '8080', '8001'].includes(port) ? 'http' : 'https';
  const server = `${scheme}://${isIPv6(host) ? `[${host}]` : host}:${port}`;
  const namespaceFile = join(dir, 'namespace');
  const namespace = existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : '';
  return new StaticKubeConfig(
    { server, 'certificate-authority': join(dir, 'ca.crt') },
    { 'token-file': join(dir, 'token') },
    namespace || 'default',
  );
}
