/**
 * HTTP(S) to the API server with the kubeconfig's TLS and credentials, keep-alive connections, a
 * client-side QPS/burst limit (like client-go's `--kube-api-qps/burst`), JSON requests and
 * line-delimited watch streams. Non-2xx answers become {@link KubeApiError}.
 */
import http from 'node:http';
import https from 'node:https';
import { sleep, systemClock, type Clock } from '../controller/clock.js';
import { TokenBucket } from '../controller/rate-limiter.js';
import type { KubeConfigSource } from './kube-config-source.js';
import { KubeApiError } from './kube-port.js';
import { statusError } from './kube-status-error.js';

/** Options of {@link KubeTransport}. */
export interface KubeTransportOptions {
  readonly kubeConfig: KubeConfigSource;
  /** Requests per second; 0 or less lifts the limit. @default 50 */
  readonly qps?: number;
  /** Requests allowed in a burst above `qps`. @default 100 */
  readonly burst?: number;
  /** Timeout of non-watch requests. @default 30_000 */
  readonly requestTimeoutMs?: number;
  /** @default 'tessera' */
  readonly userAgent?: string;
  /** @default systemClock */
  readonly clock?: Clock;
}

/** One request. `query` values that are undefined are left out. */
export interface KubeRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: unknown;
  /** @default 'application/json' when there is a body */
  readonly contentType?: string;
  readonly signal?: AbortSignal;
}

const HEADER_TTL_MS = 10_000;

/** See the module comment. */
export class KubeTransport {
  private readonly server: URL;
  private readonly bucket: TokenBucket;
  private readonly clock: Clock;
  private agent: http.Agent | undefined;
  private headers: Record<string, string> = {};
  private headersAt = -Infinity;
  private pendingHeaders: Promise<void> | undefined;

  constructor(private readonly options: KubeTransportOptions) {
    if (options.kubeConfig.server === '') throw new Error('the kubeconfig has no current cluster');
    this.server = new URL(options.kubeConfig.server);
    this.clock = options.clock ?? systemClock;
    this.bucket = new TokenBucket({ qps: options.qps ?? 50, burst: options.burst ?? 100, clock: this.clock });
  }

  /** The API server's base URL. */
  get baseUrl(): string {
    return this.server.toString();
  }

  /** Sends a request and returns the parsed JSON body. @throws KubeApiError on non-2xx or when unreachable */
  async request<T>(request: KubeRequest): Promise<T> {
    const response = await this.send(request, this.options.requestTimeoutMs ?? 30_000);
    const text = await readBody(response);
    if ((response.statusCode ?? 0) >= 300) throw statusError(response.statusCode ?? 0, text, request);
    return (text.length === 0 ? {} : JSON.parse(text)) as T;
  }

  /**
   * Opens a watch stream and calls `onLine` for each line until the server closes the stream
   * (resolves) or the connection fails (rejects). @throws KubeApiError when the answer is not 200
   */
  async stream(request: KubeRequest, onLine: (line: string) => void): Promise<void> {
    const response = await this.send(request, 0);
    if ((response.statusCode ?? 0) >= 300)
      throw statusError(response.statusCode ?? 0, await readBody(response), request);
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let newline = buffer.indexOf('\n');
        while (newline >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (line.length > 0) onLine(line);
          newline = buffer.indexOf('\n');
        }
      });
      response.on('end', () => resolve());
      response.on('error', reject);
      response.on('close', () =>
        response.complete ? resolve() : reject(new Error('watch stream closed before its end')),
      );
    });
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }

  private async send(request: KubeRequest, timeoutMs: number): Promise<http.IncomingMessage> {
    const wait = this.bucket.reserve();
    if (wait > 0 && !(await sleep(this.clock, wait, request.signal))) throw abortedError(request);
    await this.refreshHeaders();
    const url = new URL(request.path, this.server);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const body = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
    const headers: Record<string, string> = {
      ...this.headers,
      Accept: 'application/json',
      'User-Agent': this.options.userAgent ?? 'tessera',
    };
    if (body !== undefined) {
      headers['Content-Type'] = request.contentType ?? 'application/json';
      headers['Content-Length'] = String(body.length);
    }
    return new Promise((resolve, reject) => {
      const lib = url.protocol === 'https:' ? https : http;
      const req = lib.request(url, { method: request.method, headers, agent: this.agent }, resolve);
      // Destroying without an error on abort: aborting via `signal` leaves an unhandled socket error.
      const onAbort = (): void => void req.destroy();
      request.signal?.addEventListener('abort', onAbort, { once: true });
      req.on('close', () => request.signal?.removeEventListener('abort', onAbort));
      if (timeoutMs > 0)
        req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (error) => reject(unreachableError(request, error)));
      req.end(body);
    });
  }

  private async refreshHeaders(): Promise<void> {
    if (this.clock.now() - this.headersAt < HEADER_TTL_MS && this.agent !== undefined) return;
    this.pendingHeaders ??= this.loadHeaders().finally(() => (this.pendingHeaders = undefined));
    await this.pendingHeaders;
  }

  private async loadHeaders(): Promise<void> {
    const options: https.RequestOptions = {};
    await this.options.kubeConfig.applyToHTTPSOptions(options);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.headers ?? {})) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    if (options.auth) headers.Authorization = `Basic ${Buffer.from(options.auth).toString('base64')}`;
    this.headers = headers;
    this.headersAt = this.clock.now();
    this.agent ??= this.makeAgent(options);
  }

  private makeAgent(options: https.RequestOptions): http.Agent {
    if (this.server.protocol !== 'https:') return new http.Agent({ keepAlive: true });
    return new https.Agent({
      keepAlive: true,
      ca: options.ca,
      cert: options.cert,
      key: options.key,
      pfx: options.pfx,
      passphrase: options.passphrase,
      servername: options.servername,
      rejectUnauthorized: options.rejectUnauthorized,
    });
  }
}

function readBody(response: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });
}

function unreachableError(request: KubeRequest, error: Error): KubeApiError {
  if (request.signal?.aborted) return abortedError(request);
  return new KubeApiError(
    `${request.method} ${request.path}: API server unreachable: ${error.message}`,
    0,
    'Unreachable',
    { cause: error },
  );
}

function abortedError(request: KubeRequest): KubeApiError {
  return new KubeApiError(`${request.method} ${request.path}: aborted`, 0, 'Aborted');
}
