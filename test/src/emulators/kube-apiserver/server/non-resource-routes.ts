import type { IncomingMessage, ServerResponse } from 'node:http';
import { unknownResource } from '../api/api-error.js';
import {
  aggregatedDiscoveryDocument,
  apiGroupDocument,
  apiGroupListDocument,
  apiResourceListDocument,
  apiVersionsDocument,
  requestedAggregatedVersion,
} from '../discovery/discovery-documents.js';
import { openApiV3GroupVersion, openApiV3Root } from '../discovery/openapi-documents.js';
import { VERSION_INFO } from '../discovery/version-info.js';
import type { EmulatorContext } from './emulator-context.js';
import { sendJson } from './http-io.js';

/** Paths served without authentication (as real clusters allow for these). */
export function isPublicPath(path: string): boolean {
  return (
    path === '/version' ||
    path === '/healthz' ||
    path === '/livez' ||
    path === '/readyz' ||
    path === '/.well-known/openid-configuration' ||
    path === '/openid/v1/jwks'
  );
}

function sendText(res: ServerResponse, code: number, text: string, contentType: string): void {
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Serves /version, health, OIDC discovery and OpenAPI; returns false when the path is not one of them. */
export function serveNonResource(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): boolean {
  if (path === '/version') sendJson(res, 200, VERSION_INFO);
  else if (path === '/healthz' || path === '/livez' || path === '/readyz')
    sendText(res, 200, 'ok', 'text/plain; charset=utf-8');
  else if (path === '/.well-known/openid-configuration')
    sendJson(res, 200, ctx.issuer.openidConfiguration(`${ctx.settings.url}/openid/v1/jwks`));
  else if (path === '/openid/v1/jwks')
    sendJson(res, 200, ctx.issuer.jwks(), { 'Content-Type': 'application/jwk-set+json' });
  else if (path === '/openapi/v2') serveOpenApiV2(req, res);
  else if (path === '/openapi/v3') sendJson(res, 200, openApiV3Root(ctx.registry));
  else if (path.startsWith('/openapi/v3/')) serveOpenApiV3(ctx, res, path.slice('/openapi/v3/'.length));
  else return false;
  return true;
}

/** An empty protobuf document (a valid, empty openapi_v2.Document) unless JSON is asked for. */
function serveOpenApiV2(req: IncomingMessage, res: ServerResponse): void {
  const accept = req.headers.accept ?? '';
  if (accept.includes('protobuf') || !accept.includes('json')) {
    sendText(res, 200, '', 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    return;
  }
  sendJson(res, 200, {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: 'v1.32.4' },
    paths: {},
    definitions: {},
  });
}

function serveOpenApiV3(ctx: EmulatorContext, res: ServerResponse, rest: string): void {
  const parts = rest.split('/');
  const [group, version] = parts[0] === 'api' ? ['', parts[1]] : [parts[1], parts[2]];
  const doc = version ? openApiV3GroupVersion(ctx.registry, group, version) : undefined;
  if (!doc) throw unknownResource();
  sendJson(res, 200, doc);
}

/** Discovery: `/api`, `/apis` (legacy or aggregated), `/apis/<g>`, `/api/v1`, `/apis/<g>/<v>`. */
export function serveDiscovery(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: { kind: string; group?: string; version?: string },
): void {
  if (target.kind === 'api-root' || target.kind === 'apis-root') {
    const aggregated = requestedAggregatedVersion(req.headers.accept);
    const core = target.kind === 'api-root';
    if (aggregated) {
      const doc = aggregatedDiscoveryDocument(ctx.registry, core, `apidiscovery.k8s.io/${aggregated}`);
      sendJson(res, 200, doc, {
        'Content-Type': `application/json;g=apidiscovery.k8s.io;v=${aggregated};as=APIGroupDiscoveryList`,
        Vary: 'Accept',
      });
      return;
    }
    sendJson(
      res,
      200,
      core ? apiVersionsDocument(ctx.settings.serverAddress) : apiGroupListDocument(ctx.registry),
      { Vary: 'Accept' },
    );
    return;
  }
  const doc =
    target.kind === 'group'
      ? apiGroupDocument(ctx.registry, target.group ?? '')
      : apiResourceListDocument(ctx.registry, target.group ?? '', target.version ?? '');
  if (!doc) throw unknownResource();
  sendJson(res, 200, doc);
}
