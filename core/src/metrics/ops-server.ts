/**
 * A small HTTP server for operations: `/metrics` (Prometheus text), `/healthz` (process alive) and
 * `/readyz` (caches synced). The operator may run one server for all three or, as ESO does with
 * `--metrics-addr` and `--live-addr`, two servers with different routes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** Options of {@link startOpsServer}. */
export interface OpsServerOptions {
  /** Port; 0 picks a free one. */
  readonly port: number;
  /** @default '0.0.0.0' */
  readonly host?: string;
  /** Serves `/metrics` when given. @default no /metrics */
  readonly registry?: Registry;
  /** `/healthz` answers 200 while this is true; omit to not serve `/healthz`. */
  readonly healthy?: () => boolean;
  /** `/readyz` answers 200 while this is true; omit to not serve `/readyz`. */
  readonly ready?: () => boolean;
}

/** A running ops server. */
export interface OpsServer {
  /** `http://host:port`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Parses `:8080`, `127.0.0.1:8080` or `8080` into host and port; throws naming the flag value when invalid. */
export function parseListenAddress(address: string): { host: string; port: number } {
  const match = /^(?:(.*):)?(\d{1,5})$/.exec(address.trim());
  const port = match === null ? NaN : Number(match[2]);
  if (match === null || port > 65535)
    throw new Error(`"${address}" is not a listen address; use host:port or :port (e.g. :8080)`);
  return { host: match[1] || '0.0.0.0', port };
}

/** See the module comment. */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const server = http.createServer((req, res) => {
    void handle(options, req.url ?? '/', res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('internal error\n');
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(options: OpsServerOptions, url: string, res: http.ServerResponse): Promise<void> {
  const path = url.split('?')[0];
  if (path === '/metrics' && options.registry !== undefined) {
    const body = await options.registry.metrics();
    res.writeHead(200, { 'Content-Type': options.registry.contentType });
    res.end(body);
    return;
  }
  const check =
    path === '/healthz' || path === '/livez'
      ? options.healthy
      : path === '/readyz'
        ? options.ready
        : undefined;
  if (check === undefined) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found\n');
    return;
  }
  const ok = check();
  res.writeHead(ok ? 200 : 503, { 'Content-Type': 'text/plain' });
  res.end(ok ? 'ok\n' : 'not ready\n');
}
