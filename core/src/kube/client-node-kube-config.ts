/**
 * The fallback {@link KubeConfigSource}: `@kubernetes/client-node`'s `KubeConfig`, for kubeconfigs
 * that need more than {@link StaticKubeConfig} applies (exec and auth-provider plugins, OIDC,
 * impersonation). The proxy is the transport's job (`proxyUrl`), not client-node's agents. The server and namespace come from Tessera's own reading of the files;
 * client-node is imported on the first request only, so operators with a plain or in-cluster config
 * never load its generated API (~70 MB of memory).
 */
import type { RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeConfigSource } from './kube-config-source.js';

/** Options of {@link ClientNodeKubeConfig}. */
export interface ClientNodeKubeConfigOptions {
  /** The current context's server, as read by `readKubeconfigFiles`. */
  readonly server: string;
  /** The current context's namespace, or `default`. */
  readonly namespace: string;
  /** The files to load: one (`loadFromFile`) or the `$KUBECONFIG` list (`loadFromDefault`). */
  readonly files: readonly string[];
  /** The context to select in client-node. */
  readonly context: string;
  /** The cluster's checked `proxy-url`. @default direct connection */
  readonly proxyUrl?: string;
}

/** See the module comment. */
export class ClientNodeKubeConfig implements KubeConfigSource {
  readonly server: string;
  readonly namespace: string;
  readonly proxyUrl?: string;
  private config: Promise<KubeConfig> | undefined;

  constructor(private readonly options: ClientNodeKubeConfigOptions) {
    this.server = options.server.replace(/\/$/, '');
    this.namespace = options.namespace;
    this.proxyUrl = options.proxyUrl;
  }

  async applyToHTTPSOptions(options: RequestOptions): Promise<void> {
    this.config ??= this.load().catch((error: unknown) => {
      this.config = undefined;
      throw error;
    });
    await (await this.config).applyToHTTPSOptions(options);
    delete options.agent; // client-node's proxy agent; the transport tunnels through proxyUrl itself
  }

  private async load(): Promise<KubeConfig> {
    const { KubeConfig: KubeConfigClass } = await import('@kubernetes/client-node');
    const config = new KubeConfigClass();
    const { files, context } = this.options;
    if (files.length === 1) config.loadFromFile(files[0]);
    else config.loadFromDefault();
    config.setCurrentContext(context);
    return config;
  }
}
