import { deleteObject } from '../objects/delete-object.js';
import { sendJson } from '../server/http-io.js';
import { StoredObject } from '../storage/stored-object.js';
import { decodeBody } from './request-body.js';
import { deleteOptionsOf } from './request-options.js';
import type { ResourceScope } from './resource-scope.js';
import { writtenJson } from './write-reply.js';

/**
 * DELETE of one object: a `Status` Success when it is gone at once, or 200 with the object while finalizers hold it.
 */
export async function handleDelete(scope: ResourceScope): Promise<void> {
  const { type } = scope;
  const options = deleteOptionsOf(scope.query, (await decodeBody(scope)).value);
  const result = deleteObject(scope.ctx.store, {
    ...options,
    type,
    namespace: scope.namespace ?? '',
    name: scope.name ?? '',
  });
  if (result.outcome === 'pending') {
    sendJson(scope.res, 200, writtenJson(type, result.object));
    return;
  }
  const meta = result.object instanceof StoredObject ? result.object.object.metadata : result.object.metadata;
  const details: Record<string, string> = { name: meta.name ?? '' };
  if (type.group) details.group = type.group;
  details.kind = type.plural;
  details.uid = meta.uid ?? '';
  sendJson(scope.res, 200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details });
}
