/**
 * The bench's own Kubernetes client: plain HTTPS with keep-alive and the kubeconfig's bearer token, JSON in and
 * out, plus a watch that hands each event to a callback. Deliberately not the operator's client, so the bench
 * measures the operator and not itself. Its User-Agent is `tessera-bench`.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { createInterface } from 'node:readline';
import { parse } from 'yaml';

/** A Kubernetes object as the bench handles it. */
export interface BenchObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; resourceVersion?: string; [field: string]: unknown };
  spec?: unknown;
  status?: { conditions?: Array<{ type: string; status: string; reason?: string }>; refreshTime?: string };
}

/** One watch event. */
export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: BenchObject;
}

/** See the module comment. */
export class BenchClient {
  private readonly agent: Agent;
  private readonly server: string;
  private readonly token: string;
  private readonly ca: string;

  constructor(kubeconfigPath: string, maxSockets = 64) {
    const config = parse(readFileSync(kubeconfigPath, 'utf8')) as {
      clusters: Array<{ cluster: { server: string; 'certificate-authority-data': string } }>;
      users: Array<{ user: { token: string } }>;
    };
    this.server = config.clusters[0].cluster.server;
    this.token = config.users[0].user.token;
    this.ca = Buffer.from(config.clusters[0].cluster['certificate-authority-data'], 'base64').toString();
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  /** Sends one request; rejects on a non-2xx status with the API's message. */
  async call<T = BenchObject>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, text } = await this.raw(method, path, body);
    if (status < 200 || status >= 300)
      throw new Error(`${method} ${path}: HTTP ${status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** Like {@link call} but resolves with the status and body whatever the status. */
  raw(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { ...this.headers(), Accept: 'application/json' };
    if (payload !== undefined) {
      headers['Content-Type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(path, this.server),
        { method, headers, ca: this.ca, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Watches `path` (a collection) from `resourceVersion`; returns a function that ends the watch. */
  watch(path: string, resourceVersion: string, onEvent: (event: WatchEvent) => void): () => void {
    const url = new URL(path, this.server);
    url.searchParams.set('watch', 'true');
    url.searchParams.set('resourceVersion', resourceVersion);
    const req = request(url, { headers: this.headers(), ca: this.ca, agent: false }, (res) => {
      res.on('error', () => undefined);
      const lines = createInterface({ input: res });
      lines.on('error', () => undefined);
      lines.on('line', (line) => {
        if (line.trim() !== '') onEvent(JSON.parse(line) as WatchEvent);
      });
    });
    req.on('error', () => undefined);
    req.end();
    return () => req.destroy();
  }

  /** Closes the keep-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, 'User-Agent': 'tessera-bench' };
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
