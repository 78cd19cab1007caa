/**
 * A {@link KubeConfigSource} for the credentials that need no plugin: a bearer token (inline or in
 * a file, re-read on every refresh so rotated ServiceAccount tokens work), a client certificate
 * and key, or basic auth; TLS from the cluster entry (CA, `insecure-skip-tls-verify`,
 * `tls-server-name`). It applies them to request options the way client-node's `KubeConfig` does.
 */
import { readFileSync } from 'node:fs';
import type { RequestOptions } from 'node:https';
import { KubeConfigError } from './kube-config-error.js';
import type { KubeConfigSource } from './kube-config-source.js';
import type { KubeconfigCluster, KubeconfigUser } from './kubeconfig-file.js';

/** User fields {@link StaticKubeConfig} understands; a user with any other field needs client-node. */
const STATIC_USER_FIELDS = new Set([
  'token',
  'token-file',
  'client-certificate',
  'client-certificate-data',
  'client-key',
  'client-key-data',
  'username',
  'password',
]);
/** Cluster fields it understands. */
const STATIC_CLUSTER_FIELDS = new Set([
  'server',
  'certificate-authority',
  'certificate-authority-data',
  'insecure-skip-tls-verify',
  'tls-server-name',
  'proxy-url',
]);

/** True when the user and cluster entries use only fields {@link StaticKubeConfig} applies. */
export function isStatic(cluster: KubeconfigCluster, user: KubeconfigUser): boolean {
  return (
    Object.keys(user).every((field) => STATIC_USER_FIELDS.has(field)) &&
    Object.keys(cluster).every((field) => STATIC_CLUSTER_FIELDS.has(field))
  );
}

/** See the module comment. */
export class StaticKubeConfig implements KubeConfigSource {
  readonly server: string;
  readonly proxyUrl?: string;
  private tls: Pick<RequestOptions, 'ca' | 'cert' | 'key'> | undefined;

  constructor(
    private readonly cluster: KubeconfigCluster,
    private readonly user: KubeconfigUser,
    readonly namespace: string,
  ) {
    this.server = cluster.server.replace(/\/$/, '');
    this.proxyUrl = proxyUrlOf(cluster);
  }

  async applyToHTTPSOptions(options: RequestOptions): Promise<void> {
    const { cluster, user } = this;
    if (cluster['insecure-skip-tls-verify'] === true) options.rejectUnauthorized = false;
    if (cluster['tls-server-name']) options.servername = cluster['tls-server-name'];
    Object.assign(options, this.tlsMaterial());
    if (user.username) options.auth = `${user.username}:${user.password}`;
    const token = user.token || (user['token-file'] ? readFileSync(user['token-file'], 'utf8').trim() : '');
    if (token) options.headers = { ...(options.headers ?? {}), Authorization: `Bearer ${token}` };
  }

  /**
   * CA, client certificate and key, read from their files once: the transport asks again every 10 s
   * for a rotated token, but builds its TLS connections only once, so re-reading them would be I/O
   * whose result is never used.
   */
  private tlsMaterial(): Pick<RequestOptions, 'ca' | 'cert' | 'key'> {
    if (this.tls === undefined) {
      const { cluster, user } = this;
      const tls: Pick<RequestOptions, 'ca' | 'cert' | 'key'> = {};
      const ca = fileOrData(cluster['certificate-authority'], cluster['certificate-authority-data']);
      if (ca) tls.ca = ca;
      const cert = fileOrData(user['client-certificate'], user['client-certificate-data']);
      if (cert) tls.cert = cert;
      const key = fileOrData(user['client-key'], user['client-key-data']);
      if (key) tls.key = key;
      this.tls = tls;
    }
    return this.tls;
  }
}

/**
 * The cluster's `proxy-url`, checked: Tessera's transport tunnels through HTTP and HTTPS proxies
 * (CONNECT), not SOCKS. @throws KubeConfigError for any other scheme or a malformed URL
 */
export function proxyUrlOf(cluster: KubeconfigCluster): string | undefined {
  const value = cluster['proxy-url'];
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new KubeConfigError(`the cluster's proxy-url "${maskCredentials(String(value))}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new KubeConfigError(
      `the cluster's proxy-url uses ${url.protocol.slice(0, -1)}; Tessera supports http:// and https:// proxies only`,
    );
  return url.toString();
}

/** `value` with everything between the scheme and the last `@` (the proxy's user and password) masked. */
function maskCredentials(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, '$1***@');
}

function fileOrData(file: string | undefined, data: string | undefined): Buffer | undefined {
  if (file) return readFileSync(file);
  if (data) return Buffer.from(data, 'base64');
  return undefined;
}
