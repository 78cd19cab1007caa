import { badRequest } from '../api/api-error.js';
import { isJsonObject, type KubeObject } from '../api/kube-object.js';
import { groupVersion, type ResourceType } from '../api/resource-type.js';

/**
 * Checks a decoded request body is an object of the URL's kind, filling a missing apiVersion/kind for built-ins
 * (the typed decoder defaults them from the URL) and refusing it for custom resources (the unstructured decoder does).
 */
export function checkBodyType(type: ResourceType, body: unknown, raw: string): KubeObject {
  if (!isJsonObject(body))
    throw badRequest(`the body of the request must be a JSON object: ${raw.slice(0, 200)}`);
  const obj = body as KubeObject;
  const gv = groupVersion(type);
  if (!type.builtin && (obj.kind === undefined || obj.kind === ''))
    throw badRequest(`Object 'Kind' is missing in '${raw.slice(0, 1000)}'`);
  if (!type.builtin && !obj.apiVersion)
    throw badRequest(`Object 'apiVersion' is missing in '${raw.slice(0, 1000)}'`);
  if (obj.apiVersion !== undefined && obj.apiVersion !== gv) {
    throw badRequest(
      `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${gv})`,
    );
  }
  if (obj.kind !== undefined && obj.kind !== type.kind)
    throw badRequest(
      `${String(obj.kind)} in version "${type.version}" cannot be handled as a ${type.kind}: the kind in the data does not match the expected kind`,
    );
  obj.apiVersion = gv;
  obj.kind = type.kind;
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  if (!isJsonObject(obj.metadata))
    throw badRequest(
      `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: metadata must be an object`,
    );
  return obj;
}

/** Sets the namespace from the URL, refusing a different one in the body. */
export function applyRequestNamespace(
  type: ResourceType,
  obj: KubeObject,
  namespace: string | undefined,
): void {
  if (!type.namespaced) {
    delete obj.metadata.namespace;
    return;
  }
  const inBody = obj.metadata.namespace;
  if (inBody && namespace && inBody !== namespace) {
    throw badRequest(
      `the namespace of the object (${inBody}) does not match the namespace on the request (${namespace})`,
    );
  }
  obj.metadata.namespace = namespace ?? inBody;
}

/** Refuses a body whose name differs from the URL's (update, patch). */
export function checkUrlName(obj: KubeObject, name: string): void {
  const inBody = obj.metadata.name ?? '';
  if (inBody !== name)
    throw badRequest(`the name of the object (${inBody}) does not match the name on the URL (${name})`);
}
