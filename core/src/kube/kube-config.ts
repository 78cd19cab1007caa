/**
 * Loads connection settings: an explicit kubeconfig path, else in-cluster service-account config,
 * else `$KUBECONFIG` / `~/.kube/config`. Fails loudly with the next step when nothing usable exists.
 */
import { existsSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { TesseraError } from '../provider/errors.js';

export { KubeConfig };

/** The kubeconfig is missing or has no usable cluster. */
export class KubeConfigError extends TesseraError {
  readonly reason = 'InvalidKubeConfig';
}

/** Options of {@link loadKubeConfig}. */
export interface LoadKubeConfigOptions {
  /** Path to a kubeconfig file. @default in-cluster config when running in a pod, else $KUBECONFIG or ~/.kube/config */
  readonly kubeconfigPath?: string;
  /** Context to use instead of the file's current-context. @default the current context */
  readonly context?: string;
  /** Environment to read (tests). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** See the module comment. @throws KubeConfigError */
export function loadKubeConfig(options: LoadKubeConfigOptions = {}): KubeConfig {
  const env = options.env ?? process.env;
  const config = new KubeConfig();
  try {
    if (options.kubeconfigPath !== undefined) {
      if (!existsSync(options.kubeconfigPath)) {
        throw new KubeConfigError(
          `kubeconfig "${options.kubeconfigPath}" does not exist; pass the path of a readable kubeconfig`,
        );
      }
      config.loadFromFile(options.kubeconfigPath);
    } else if (env.KUBERNETES_SERVICE_HOST) {
      config.loadFromCluster();
    } else {
      config.loadFromDefault();
    }
  } catch (error) {
    if (error instanceof KubeConfigError) throw error;
    throw new KubeConfigError(`cannot load the kubeconfig: ${(error as Error).message}`, { cause: error });
  }
  if (options.context !== undefined) {
    if (config.getContextObject(options.context) === null) {
      throw new KubeConfigError(
        `context "${options.context}" is not in the kubeconfig; pick one of: ${config
          .getContexts()
          .map((c) => c.name)
          .join(', ')}`,
      );
    }
    config.setCurrentContext(options.context);
  }
  if (config.getCurrentCluster() === null) {
    throw new KubeConfigError(
      'the kubeconfig has no current cluster; set current-context or pass --kubeconfig',
    );
  }
  return config;
}

/** The namespace of the current context, or `default`. */
export function contextNamespace(config: KubeConfig): string {
  return config.getContextObject(config.getCurrentContext())?.namespace || 'default';
}
