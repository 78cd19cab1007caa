import type { KubeObject } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-type.js';
import { servedJson } from '../objects/render.js';
import { sendJson, warningHeaders } from '../server/http-io.js';
import { StoredObject } from '../storage/stored-object.js';
import type { ResourceScope } from './resource-scope.js';

/** The JSON of a written object: stored bytes, or the dry-run object. */
export function writtenJson(type: ResourceType, object: StoredObject | KubeObject): string {
  return object instanceof StoredObject ? servedJson(type, object) : JSON.stringify(object);
}

/** Replies with the written object and any field-validation warnings. */
export function replyWritten(
  scope: ResourceScope,
  code: number,
  object: StoredObject | KubeObject,
  warnings: readonly string[],
): void {
  sendJson(scope.res, code, writtenJson(scope.type, object), warningHeaders(warnings));
}
