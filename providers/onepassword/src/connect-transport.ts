/**
 * The HTTP client the Connect SDK sends its requests through (its `httpClient` option). Using our
 * own client instead of the SDK's axios one gives us what the SDK hides: the `Retry-After` header
 * of a 429, byte-exact file content, one place to count every call for the provider-call metrics,
 * and one place to hold requests back (see {@link RequestGate}).
 *
 * It satisfies the SDK's `IRequestClient` interface structurally, so only `onepassword-api.ts`
 * imports the SDK.
 */
import { Readable } from 'node:stream';
import type { ProviderCallObserver } from '@tessera/core';
import { ConnectApiError } from './connect-model.js';
import type { RequestGate } from './request-gate.js';

/** What the SDK passes for one request (a subset of its `ClientRequestOptions`). */
export interface TransportRequestOptions {
  readonly authToken: string;
  readonly params?: Readonly<Record<string, string | readonly string[] | readonly number[]>>;
  readonly data?: unknown;
  readonly headers?: Readonly<Record<string, string | number>>;
  readonly timeout?: number;
  readonly responseType?: string;
}

/** Options of {@link ConnectTransport}. */
export interface ConnectTransportOptions {
  readonly gate: RequestGate;
  readonly calls: ProviderCallObserver;
  /** Request timeout. @default 15_000 (the SDK's) */
  readonly timeoutMs?: number;
  /** When a 429 carries no `Retry-After`. @default 60_000 */
  readonly defaultRetryAfterMs?: number;
}

/** The SDK-facing HTTP client. */
export class ConnectTransport {
  readonly defaultTimeout: number;

  constructor(private readonly options: ConnectTransportOptions) {
    this.defaultTimeout = options.timeoutMs ?? 15_000;
  }

  /** Sends one request; resolves `{status, data}` for 2xx, rejects with {@link ConnectApiError} or a `RateLimitedError`. */
  async request(
    method: string,
    url: string,
    opts: TransportRequestOptions,
  ): Promise<{ status: number; data: unknown }> {
    const operation = operationOf(method, url);
    await this.options.gate.admit();
    const started = performance.now();
    const observe = (outcome: 'success' | 'error' | 'not_found' | 'throttled') =>
      this.options.calls.observe({ operation, outcome, seconds: (performance.now() - started) / 1000 });
    let response: Response;
    try {
      response = await fetch(withParams(url, opts.params), {
        method: method.toUpperCase(),
        headers: headersOf(opts),
        ...(opts.data !== undefined
          ? { body: typeof opts.data === 'string' ? opts.data : JSON.stringify(opts.data) }
          : {}),
        signal: AbortSignal.timeout(opts.timeout ?? this.defaultTimeout),
      });
    } catch (cause) {
      observe('error');
      throw new ConnectApiError(
        0,
        `could not reach 1Password Connect at ${new URL(url).origin} (${reasonOf(cause)})`,
        { cause },
      );
    }
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.ok) {
      observe('success');
      return {
        status: response.status,
        data: opts.responseType === 'stream' ? Readable.from([Buffer.from(body)]) : parseJson(body),
      };
    }
    return this.fail(response, body, observe);
  }

  private fail(
    response: Response,
    body: Uint8Array,
    observe: (outcome: 'error' | 'not_found' | 'throttled') => void,
  ): never {
    const message = messageOf(body) ?? response.statusText;
    if (response.status === 429) {
      observe('throttled');
      const wait =
        retryAfterMs(response.headers.get('retry-after')) ?? this.options.defaultRetryAfterMs ?? 60_000;
      throw this.options.gate.block(wait, `HTTP 429: ${message}`);
    }
    observe(response.status === 404 ? 'not_found' : 'error');
    throw new ConnectApiError(response.status, message);
  }
}

function headersOf(opts: TransportRequestOptions): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json, text/plain, */*',
    'content-type': 'application/json',
    'user-agent': 'tessera-onepassword (connect-sdk-js/1.4.2)',
  };
  for (const [key, value] of Object.entries(opts.headers ?? {})) headers[key.toLowerCase()] = String(value);
  headers.authorization = `Bearer ${opts.authToken}`;
  return headers;
}

function withParams(url: string, params: TransportRequestOptions['params']): string {
  if (!params) return url;
  const target = new URL(url);
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) target.searchParams.append(key, String(v));
  }
  return target.href;
}

/** Names a request after the Connect operation it performs (used as the metric label). */
export function operationOf(method: string, url: string): string {
  const path = new URL(url).pathname.replace(/\/$/, '');
  const verb = method.toUpperCase();
  if (/\/v1\/vaults$/.test(path)) return 'ListVaults';
  if (/\/v1\/vaults\/[^/]+$/.test(path)) return 'GetVault';
  if (/\/items$/.test(path)) return verb === 'POST' ? 'CreateItem' : 'ListItems';
  if (/\/items\/[^/]+$/.test(path))
    return { PUT: 'UpdateItem', PATCH: 'UpdateItem', DELETE: 'DeleteItem' }[verb] ?? 'GetItem';
  if (/\/files\/[^/]+\/content$/.test(path)) return 'GetFileContent';
  if (/\/files(\/[^/]+)?$/.test(path)) return 'GetFiles';
  return 'Other';
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseJson(body: Uint8Array): unknown {
  if (body.byteLength === 0) return undefined;
  const text = Buffer.from(body).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function messageOf(body: Uint8Array): string | undefined {
  const parsed = parseJson(body);
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    typeof (parsed as { message?: unknown }).message === 'string'
  ) {
    return (parsed as { message: string }).message;
  }
  return undefined;
}

function reasonOf(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message}: ${inner.message}` : cause.message;
  }
  return String(cause);
}
