import { methodNotAllowed } from '../api/api-error.js';
import type { Verb } from '../api/kube-object.js';
import { handleTokenRequest } from '../auth/token-request-handler.js';
import { handleCreate } from '../handlers/create-handler.js';
import { handleDeleteCollection } from '../handlers/delete-collection-handler.js';
import { handleDelete } from '../handlers/delete-handler.js';
import { handleGet } from '../handlers/get-handler.js';
import { handleList } from '../handlers/list-handler.js';
import { handlePatch } from '../handlers/patch-handler.js';
import type { ResourceScope } from '../handlers/resource-scope.js';
import { handleUpdate } from '../handlers/update-handler.js';
import { handleWatch } from '../handlers/watch-handler.js';
import type { ResourceTarget } from './resource-path.js';

const NOT_ALLOWED = 'the server does not allow this method on the requested resource';

/** Subresources each HTTP method may address. */
const SUBRESOURCE_METHODS: Record<string, readonly string[]> = {
  GET: ['status'],
  PUT: ['status', 'finalize'],
  PATCH: ['status'],
  POST: ['token'],
  DELETE: [],
};

/** The Kubernetes verb of a request, or a 405. */
export function verbOf(method: string, target: ResourceTarget, query: URLSearchParams): Verb {
  const { name, subresource, type } = target;
  if (subresource !== undefined && !(SUBRESOURCE_METHODS[method] ?? []).includes(subresource))
    throw methodNotAllowed(NOT_ALLOWED);
  let verb: Verb;
  if (method === 'GET')
    verb = name === undefined ? (['true', '1'].includes(query.get('watch') ?? '') ? 'watch' : 'list') : 'get';
  else if (method === 'POST' && (name === undefined) === (subresource === undefined)) verb = 'create';
  else if (method === 'PUT' && name !== undefined) verb = 'update';
  else if (method === 'PATCH' && name !== undefined) verb = 'patch';
  else if (method === 'DELETE') verb = name === undefined ? 'deletecollection' : 'delete';
  else throw methodNotAllowed(NOT_ALLOWED);
  const crossNamespace = type.namespaced && target.namespace === undefined;
  if (crossNamespace && verb !== 'list' && verb !== 'watch') throw methodNotAllowed(NOT_ALLOWED);
  if (!type.verbs.includes(verb) && subresource === undefined) throw methodNotAllowed(NOT_ALLOWED);
  return verb;
}

/** Runs the handler of a classified resource request. */
export async function dispatch(scope: ResourceScope): Promise<void> {
  switch (scope.verb) {
    case 'get':
      return handleGet(scope);
    case 'list':
      return handleList(scope);
    case 'watch':
      return handleWatch(scope);
    case 'create':
      return scope.subresource === 'token' ? handleTokenRequest(scope) : handleCreate(scope);
    case 'update':
      return handleUpdate(scope);
    case 'patch':
      return handlePatch(scope);
    case 'delete':
      return handleDelete(scope);
    case 'deletecollection':
      return handleDeleteCollection(scope);
  }
}
