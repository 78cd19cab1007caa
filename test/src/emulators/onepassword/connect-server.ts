/**
 * The emulator's HTTP layer: routing (both with and without trailing slashes), fault injection,
 * bearer-token auth, JSON bodies and Connect's `{status, message}` error bodies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ConnectError, connectMessages } from './connect-error.js';
import type { LoggedRequest } from './request-log.js';
import type { Route, RouteContext, RouteResult } from './route-types.js';
import { EMULATED_CONNECT_VERSION } from './routes-misc.js';

/** Creates (but does not start) the HTTP server for `routes` over `context`. */
export function createConnectServer(routes: readonly Route[], context: RouteContext): Server {
  const server = createServer((req, res) => {
    void serve(routes, context, req, res);
  });
  server.keepAliveTimeout = 5_000;
  return server;
}

async function serve(
  routes: readonly Route[],
  context: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
  const method = (req.method ?? 'GET').toUpperCase();
  const found = findRoute(routes, method, path);
  const entry = context.log.record({
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    operation: found.route?.operation ?? 'Unknown',
    status: 0,
    at: new Date(),
    ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
    ...idsOf(found.route, found.params),
  });
  let result: RouteResult;
  try {
    result = await handle(found, context, req, url);
  } catch (error) {
    result = errorResult(error);
  }
  write(res, entry, result);
}

interface Found {
  readonly route?: Route;
  readonly params: string[];
  readonly pathExists: boolean;
}

function findRoute(routes: readonly Route[], method: string, path: string): Found {
  let pathExists = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathExists = true;
    if (route.method === method) return { route, params: match.slice(1), pathExists };
  }
  return { params: [], pathExists };
}

async function handle(
  found: Found,
  context: RouteContext,
  req: IncomingMessage,
  url: URL,
): Promise<RouteResult> {
  const body = await readBody(req);
  const { route } = found;
  if (!route) {
    throw found.pathExists ? new ConnectError(405, 'Method Not Allowed') : new ConnectError(404, 'Not Found');
  }
  if (route.auth) {
    await context.faults.apply(route.operation);
    if (req.headers.authorization !== `Bearer ${context.store.token}`)
      throw new ConnectError(401, connectMessages.invalidToken);
  }
  const params = found.params.map(decodeParam);
  return route.handle(context, {
    params,
    query: url.searchParams,
    body: parseJson(body),
    headers: req.headers,
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new ConnectError(400, 'Invalid request body: not valid JSON');
  }
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ConnectError(400, `Invalid path parameter: ${raw}`);
  }
}

function idsOf(route: Route | undefined, params: string[]): Pick<LoggedRequest, 'vaultId' | 'itemId'> {
  if (!route || !route.pattern.source.includes('vaults') || params.length === 0) return {};
  return { vaultId: params[0], ...(params[1] !== undefined ? { itemId: params[1] } : {}) };
}

function errorResult(error: unknown): RouteResult {
  if (error instanceof ConnectError) {
    return {
      status: error.status,
      json: { status: error.status, message: error.message },
      headers: error.headers,
    };
  }
  return { status: 500, json: { status: 500, message: 'Internal Server Error' } };
}

function write(res: ServerResponse, entry: LoggedRequest, result: RouteResult): void {
  entry.status = result.status;
  const headers: Record<string, string> = {
    '1password-connect-version': EMULATED_CONNECT_VERSION,
    ...result.headers,
  };
  let payload: Uint8Array | string | undefined = result.body;
  if (result.json !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(result.json);
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(result.status, headers);
  res.end(result.status === 204 ? undefined : payload);
}
