/**
 * The bench's own Kubernetes client: HTTPS with keep-alive (undici, the cheapest client per request
 * measured here, so the driver takes as little CPU from the operator and emulator as it can) and the
 * kubeconfig's bearer token, JSON in and out, plus a watch that hands each event to a callback.
 * Deliberately not the operator's client, so the bench measures the operator and not itself. Its
 * User-Agent is `tessera-bench`.
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import { parse } from 'yaml';

/** A Kubernetes object as the bench handles it. */
export interface BenchObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; resourceVersion?: string; [field: string]: unknown };
  spec?: unknown;
  status?: {
    conditions?: Array<{ type: string; status: string; reason?: string }>;
    refreshTime?: string;
    syncedResourceVersion?: string;
  };
}

/** One watch event. */
export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: BenchObject;
}

/** See the module comment. */
export class BenchClient {
  private readonly agent: Agent;
  private readonly origin: string;
  private readonly token: string;

  constructor(kubeconfigPath: string, maxSockets = 64) {
    const config = parse(readFileSync(kubeconfigPath, 'utf8')) as {
      clusters: Array<{ cluster: { server: string; 'certificate-authority-data': string } }>;
      users: Array<{ user: { token: string } }>;
    };
    this.origin = new URL(config.clusters[0].cluster.server).origin;
    this.token = config.users[0].user.token;
    const ca = Buffer.from(config.clusters[0].cluster['certificate-authority-data'], 'base64').toString();
    this.agent = new Agent({ connections: maxSockets, keepAliveTimeout: 30_000, connect: { ca } });
  }

  /** Sends one request; rejects on a non-2xx status with the API's message. */
  async call<T = BenchObject>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, text } = await this.raw(method, path, body);
    if (status < 200 || status >= 300)
      throw new Error(`${method} ${path}: HTTP ${status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** Like {@link call} but resolves with the status and body whatever the status. */
  async raw(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { ...this.headers(), accept: 'application/json' };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined)
      headers['content-type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
    const response = await this.agent.request({
      origin: this.origin,
      path,
      method: method as 'GET',
      headers,
      body: payload,
    });
    return { status: response.statusCode, text: await response.body.text() };
  }

  /** Watches `path` (a collection) from `resourceVersion`; returns a function that ends the watch. */
  watch(path: string, resourceVersion: string, onEvent: (event: WatchEvent) => void): () => void {
    const controller = new AbortController();
    const query = `?watch=true&resourceVersion=${encodeURIComponent(resourceVersion)}`;
    void this.agent
      .request({
        origin: this.origin,
        path: path + query,
        method: 'GET',
        headers: this.headers(),
        signal: controller.signal,
        bodyTimeout: 0,
      })
      .then((response) => {
        let buffer = '';
        response.body.setEncoding('utf8');
        response.body.on('error', () => undefined);
        response.body.on('data', (chunk: string) => {
          buffer += chunk;
          let start = 0;
          for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n', start)) {
            const line = buffer.slice(start, newline);
            if (line.trim() !== '') onEvent(JSON.parse(line) as WatchEvent);
            start = newline + 1;
          }
          buffer = buffer.slice(start);
        });
      })
      .catch(() => undefined);
    return () => controller.abort();
  }

  /** Closes the connections. */
  close(): void {
    void this.agent.destroy().catch(() => undefined);
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'user-agent': 'tessera-bench' };
  }
}

/** Runs `work(i)` for i in [0, n) with at most `concurrency` in flight. */
export async function forEachConcurrently(
  n: number,
  concurrency: number,
  work: (i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}
