import { checkBodyType } from '../objects/body-checks.js';
import { updateObject } from '../objects/update-object.js';
import { decodeBody } from './request-body.js';
import { writeOptionsOf } from './request-options.js';
import type { ResourceScope } from './resource-scope.js';
import { replyWritten } from './write-reply.js';

/** PUT of an object, `/status` or a namespace's `/finalize`: 200 with the stored object. */
export async function handleUpdate(scope: ResourceScope): Promise<void> {
  const { value, raw } = await decodeBody(scope);
  const body = checkBodyType(scope.type, value, raw);
  const options = writeOptionsOf(scope.query);
  const result = updateObject(scope.ctx.store, {
    ...options,
    type: scope.type,
    namespace: scope.namespace ?? '',
    name: scope.name ?? '',
    verb: 'update',
    subresource: scope.subresource,
    body,
  });
  replyWritten(scope, 200, result.object, options.warnings);
}
