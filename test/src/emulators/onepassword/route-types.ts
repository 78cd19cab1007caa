/** Shapes shared by the emulator's router and its route handlers. */
import type { IncomingHttpHeaders } from 'node:http';
import type { ConnectStore } from './connect-store.js';
import type { FaultInjector } from './faults.js';
import type { ConnectOperation } from './operations.js';
import type { RequestLog } from './request-log.js';

/** What a handler sees of the request. */
export interface RouteRequest {
  /** Decoded path parameters, in pattern order. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  /** Parsed JSON body (undefined when there is none). */
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
}

/** What a handler answers: JSON, or raw bytes/text with headers. */
export interface RouteResult {
  readonly status: number;
  readonly json?: unknown;
  readonly body?: Uint8Array | string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The emulator state handlers act on. */
export interface RouteContext {
  readonly store: ConnectStore;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
}

/** One endpoint. */
export interface Route {
  readonly method: string;
  /** Anchored pattern over the raw path; a trailing slash is accepted by the router. */
  readonly pattern: RegExp;
  readonly operation: ConnectOperation;
  /** Whether the bearer token is required. */
  readonly auth: boolean;
  handle(context: RouteContext, request: RouteRequest): RouteResult | Promise<RouteResult>;
}
