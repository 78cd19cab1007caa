import { checkBodyType } from '../objects/body-checks.js';
import { createObject } from '../objects/create-object.js';
import { sendJson } from '../server/http-io.js';
import { decodeBody } from './request-body.js';
import { writeOptionsOf } from './request-options.js';
import type { ResourceScope } from './resource-scope.js';
import { replyWritten } from './write-reply.js';

/** POST to a collection: 201 with the stored object (virtual review kinds compute their reply instead). */
export async function handleCreate(scope: ResourceScope): Promise<void> {
  const { value, raw } = await decodeBody(scope);
  const body = checkBodyType(scope.type, value, raw);
  if (scope.type.virtualCreate) {
    sendJson(scope.res, 201, await scope.type.virtualCreate(body));
    return;
  }
  const options = writeOptionsOf(scope.query);
  const created = createObject(scope.ctx.store, scope.type, scope.namespace, body, options);
  replyWritten(scope, 201, created, options.warnings);
}
