import { checkBodyType } from '../objects/body-checks.js';
import { createObject } from '../objects/create-object.js';
import { updateObject } from '../objects/update-object.js';
import type { KubeObject } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-type.js';
import {
  applyPatch,
  decodePatch,
  patchTypeOf,
  requireFieldManager,
  type PatchType,
} from '../patch/apply-patch.js';
import { writeOptionsOf } from './request-options.js';
import type { ResourceScope } from './resource-scope.js';
import { replyWritten } from './write-reply.js';

/** Applies `patch` to a copy of the current object. (Returned, not named: tsx's keepNames renames named closures.) */
function patching(
  type: ResourceType,
  patchType: PatchType,
  patch: unknown,
): (current: KubeObject) => KubeObject {
  return (current) => applyPatch(type, patchType, current, patch);
}

/**
 * PATCH (JSON, merge, strategic merge for built-ins, server-side apply). The patch applies to the current stored
 * object, then the update rules hold. Server-side apply creates a missing object (simplified: always forced).
 */
export async function handlePatch(scope: ResourceScope): Promise<void> {
  const { ctx, type } = scope;
  const patchType = patchTypeOf(type, scope.req.headers['content-type']);
  const options = writeOptionsOf(scope.query);
  requireFieldManager(patchType, options.fieldManager);
  const raw = await scope.body();
  const patch = decodePatch(patchType, raw);
  const namespace = scope.namespace ?? '';
  const name = scope.name ?? '';
  if (patchType === 'apply' && !scope.subresource && !ctx.store.get(type.storageKey, namespace, name)) {
    const body = checkBodyType(type, patch, raw);
    const created = createObject(
      ctx.store,
      type,
      scope.namespace,
      { ...body, metadata: { ...body.metadata, name } },
      options,
    );
    replyWritten(scope, 201, created, options.warnings);
    return;
  }
  const result = updateObject(ctx.store, {
    ...options,
    type,
    namespace,
    name,
    verb: 'patch',
    subresource: scope.subresource,
    build: patching(type, patchType, patch),
  });
  replyWritten(scope, 200, result.object, options.warnings);
}
