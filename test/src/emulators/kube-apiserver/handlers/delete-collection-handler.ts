import { ApiError } from '../api/api-error.js';
import { groupVersion } from '../api/resource-type.js';
import { deleteObject } from '../objects/delete-object.js';
import { sendJson } from '../server/http-io.js';
import { selectPage } from './list-handler.js';
import { decodeBody } from './request-body.js';
import { deleteOptionsOf } from './request-options.js';
import type { ResourceScope } from './resource-scope.js';
import { writtenJson } from './write-reply.js';

/** DELETE of a collection (with selectors): deletes each match, replies with the list of what was deleted. */
export async function handleDeleteCollection(scope: ResourceScope): Promise<void> {
  const { ctx, type } = scope;
  const options = deleteOptionsOf(scope.query, (await decodeBody(scope)).value);
  const page = selectPage(scope);
  const items: string[] = [];
  for (const s of page.items) {
    try {
      const result = deleteObject(ctx.store, {
        ...options,
        type,
        namespace: s.object.metadata.namespace ?? '',
        name: s.object.metadata.name ?? '',
      });
      items.push(writtenJson(type, result.object));
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 404)) throw err;
    }
  }
  const meta = `{"resourceVersion":"${ctx.store.currentRv}"}`;
  sendJson(
    scope.res,
    200,
    `{"kind":"${type.listKind}","apiVersion":"${groupVersion(type)}","metadata":${meta},"items":[${items.join(',')}]}`,
  );
}
