import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, unknownResource } from '../api/api-error.js';
import type { ResourceScope } from '../handlers/resource-scope.js';
import type { RequestRecord } from '../observability/request-log.js';
import type { EmulatorContext } from './emulator-context.js';
import { readBody, sendError } from './http-io.js';
import { isPublicPath, serveDiscovery, serveNonResource } from './non-resource-routes.js';
import { dispatch, verbOf } from './resource-dispatch.js';
import { parseApiPath, resolveResource } from './resource-path.js';

const UNAVAILABLE = new ApiError(
  503,
  'ServiceUnavailable',
  'the server is currently unable to handle the request',
);

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

/** The body as UTF-8 text. (A returned arrow, not a named one: tsx's keepNames would rename it per request.) */
function utf8(bytes: () => Promise<Buffer>): () => Promise<string> {
  return () => bytes().then((b) => b.toString('utf8'));
}

/** Injected latency and errors; settles at once (no extra await) when no fault applies. */
function applyFaults(ctx: EmulatorContext, record: RequestRecord): Promise<void> | undefined {
  const decision = ctx.faults.decide(record);
  if (decision.latencyMs > 0)
    return new Promise<void>((r) => setTimeout(r, decision.latencyMs)).then(() => {
      if (decision.error) throw decision.error;
    });
  if (decision.error) throw decision.error;
  return undefined;
}

async function serveResource(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
  record: RequestRecord,
): Promise<void> {
  const api = parseApiPath(path);
  if (!api) throw unknownResource();
  if (api.kind !== 'group-version' || api.rest.length === 0) {
    ctx.requestLog.commit();
    serveDiscovery(
      ctx,
      req,
      res,
      api.kind === 'group-version' ? { kind: 'group-version', group: api.group, version: api.version } : api,
    );
    return;
  }
  const target = resolveResource(ctx.registry, api.group, api.version, api.rest);
  const verb = verbOf(req.method ?? 'GET', target, query);
  Object.assign(record, {
    verb,
    group: target.type.group,
    version: target.type.version,
    resource: target.type.plural,
    subresource: target.subresource,
    namespace: target.namespace,
    name: target.name,
  });
  ctx.requestLog.commit();
  const delayed = applyFaults(ctx, record);
  if (delayed) await delayed;
  const bodyBytes = once(() => readBody(req));
  const scope: ResourceScope = {
    ctx,
    req,
    res,
    query,
    verb,
    type: target.type,
    namespace: target.namespace,
    name: target.name,
    subresource: target.subresource,
    record,
    bodyBytes,
    body: utf8(bodyBytes),
  };
  await dispatch(scope);
}

async function route(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  record: RequestRecord,
): Promise<void> {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const rawPath = (q < 0 ? raw : raw.slice(0, q)).split('#')[0];
  const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const unavailable = ctx.faults.unavailableMode();
  if (unavailable === 'reset') {
    req.socket.destroy();
    return;
  }
  if (unavailable === 'status') throw UNAVAILABLE;
  if (!isPublicPath(path))
    record.user = (ctx.authenticator.knownUser(req) ?? (await ctx.authenticator.authenticate(req))).username;
  if (serveNonResource(ctx, req, res, path)) {
    ctx.requestLog.commit();
    return;
  }
  await serveResource(ctx, req, res, path, query, record);
}

/** The HTTP request listener: logging, unavailability, authentication, then non-resource or resource routes. */
export function createRequestListener(
  ctx: EmulatorContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const record = ctx.requestLog.begin(
      req.method ?? 'GET',
      req.url ?? '/',
      String(req.headers['user-agent'] ?? ''),
    );
    route(ctx, req, res, record)
      .catch((err) => sendError(res, err))
      .finally(() => {
        record.code = res.statusCode;
        ctx.requestLog.commit();
      });
  };
}
