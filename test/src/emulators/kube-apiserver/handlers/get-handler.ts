import { notFound } from '../api/api-error.js';
import { groupResourceOf, servedJson, servedObject } from '../objects/render.js';
import { sendJson } from '../server/http-io.js';
import { buildTable, requestedTableVersion, type IncludeObject } from '../printing/table.js';
import type { ResourceScope } from './resource-scope.js';

/** GET of one object (also `/status`): the object, or a one-row Table for kubectl. */
export function handleGet(scope: ResourceScope): void {
  const { ctx, type, name = '' } = scope;
  const stored = ctx.store.get(type.storageKey, scope.namespace ?? '', name);
  if (!stored) throw notFound(groupResourceOf(type), name);
  const tableVersion = requestedTableVersion(scope.req.headers.accept);
  if (tableVersion) {
    const includeObject = (scope.query.get('includeObject') ?? 'Metadata') as IncludeObject;
    sendJson(
      scope.res,
      200,
      buildTable(type, [servedObject(type, stored)], {
        version: tableVersion,
        includeObject,
        resourceVersion: String(stored.rv),
      }),
    );
    return;
  }
  sendJson(scope.res, 200, servedJson(type, stored));
}
