/** What the transport needs from a kubeconfig: where the API server is and how to authenticate. */
import type { RequestOptions } from 'node:https';

/** The current context of a loaded kubeconfig (or in-cluster config). */
export interface KubeConfigSource {
  /** The API server URL, without a trailing slash. */
  readonly server: string;
  /** The context's namespace, or `default`. */
  readonly namespace: string;
  /** The cluster's `proxy-url` (http or https); undefined to connect directly. */
  readonly proxyUrl?: string;
  /**
   * Adds TLS material (`ca`, `cert`, `key`, `servername`, `rejectUnauthorized`), `auth` and
   * `headers.Authorization` to `options`. Called again to pick up rotated tokens.
   */
  applyToHTTPSOptions(options: RequestOptions): Promise<void>;
}
