import { groupVersion, type ResourceType } from '../api/resource-type.js';
import { listItemJson, servedObject } from '../objects/render.js';
import { buildTable, requestedTableVersion, type IncludeObject } from '../printing/table.js';
import { matchesFields, parseFieldSelector } from '../selectors/field-selector.js';
import { matchesLabels, parseLabelSelector } from '../selectors/label-selector.js';
import { sendJson } from '../server/http-io.js';
import type { StoredObject } from '../storage/stored-object.js';
import { decodeContinue, encodeContinue } from './continue-token.js';
import { positiveInt } from './request-options.js';
import type { ResourceScope } from './resource-scope.js';

/** One page of a list. */
export interface ListPage {
  readonly items: StoredObject[];
  readonly resourceVersion: number;
  readonly continueToken?: string;
}

/** Selects the objects of a list request: namespace, label and field selectors, then `limit`/`continue`. */
export function selectPage(scope: Pick<ResourceScope, 'ctx' | 'type' | 'namespace' | 'query'>): ListPage {
  const { ctx, type, query } = scope;
  const labels = parseLabelSelector(query.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(type, query.get('fieldSelector') ?? undefined);
  const limit = positiveInt(query, 'limit');
  const cont = query.get('continue') ? decodeContinue(query.get('continue') ?? '') : undefined;
  const resourceVersion = cont ? cont.rv : ctx.store.currentRv;
  const items: StoredObject[] = [];
  let continueToken: string | undefined;
  for (const s of ctx.store.list(type.storageKey, { namespace: scope.namespace, afterKey: cont?.key })) {
    if (!matchesLabels(labels, s.object.metadata.labels) || !matchesFields(type, fields, s.object)) continue;
    if (limit !== undefined && items.length === limit) {
      continueToken = encodeContinue({ rv: resourceVersion, key: items[items.length - 1].key });
      break;
    }
    items.push(s);
  }
  return { items, resourceVersion, continueToken };
}

/** The `<Kind>List` JSON, assembled from the stored bytes of each item. */
export function listJson(type: ResourceType, page: ListPage): string {
  const meta = page.continueToken
    ? `{"resourceVersion":"${page.resourceVersion}","continue":"${page.continueToken}"}`
    : `{"resourceVersion":"${page.resourceVersion}"}`;
  const items = page.items.map((s) => listItemJson(type, s)).join(',');
  return `{"kind":"${type.listKind}","apiVersion":"${groupVersion(type)}","metadata":${meta},"items":[${items}]}`;
}

/** GET of a collection: a `<Kind>List` whose resourceVersion is the current global one, or a Table. */
export function handleList(scope: ResourceScope): void {
  const page = selectPage(scope);
  const tableVersion = requestedTableVersion(scope.req.headers.accept);
  if (tableVersion) {
    const includeObject = (scope.query.get('includeObject') ?? 'Metadata') as IncludeObject;
    const objects = page.items.map((s) => servedObject(scope.type, s));
    sendJson(
      scope.res,
      200,
      buildTable(scope.type, objects, {
        version: tableVersion,
        includeObject,
        resourceVersion: String(page.resourceVersion),
        continueToken: page.continueToken,
      }),
    );
    return;
  }
  sendJson(scope.res, 200, listJson(scope.type, page));
}
