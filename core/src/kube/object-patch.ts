/**
 * Patch application for the in-memory Kubernetes client: JSON merge patch (RFC 7386, also used for
 * `strategic`, which differs only for lists with merge keys) and JSON patch (RFC 6902).
 */
import { KubeApiError } from './kube-port.js';

type Json = unknown;

/** Applies an RFC 7386 merge patch; `null` removes a field. Returns a new value. */
export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isPlainObject(patch)) return structuredClone(patch);
  const result: Record<string, Json> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'test' | 'move' | 'copy';
  path: string;
  value?: Json;
  from?: string;
}

/** Applies an RFC 6902 JSON patch; a failed `test` or a missing path is a 422 as on the API server. */
export function applyJsonPatch(target: Json, operations: unknown): Json {
  if (!Array.isArray(operations)) throw invalid('a JSON patch must be an array of operations');
  let document = structuredClone(target);
  for (const operation of operations as JsonPatchOperation[]) {
    document = applyOperation(document, operation);
  }
  return document;
}

function applyOperation(document: Json, operation: JsonPatchOperation): Json {
  switch (operation.op) {
    case 'add':
      return setAt(document, parsePointer(operation.path), structuredClone(operation.value), 'add');
    case 'replace':
      getAt(document, parsePointer(operation.path));
      return setAt(document, parsePointer(operation.path), structuredClone(operation.value), 'replace');
    case 'remove':
      getAt(document, parsePointer(operation.path));
      return removeAt(document, parsePointer(operation.path));
    case 'test':
      if (JSON.stringify(getAt(document, parsePointer(operation.path))) !== JSON.stringify(operation.value)) {
        throw invalid(`JSON patch test failed at ${operation.path}`);
      }
      return document;
    case 'copy':
    case 'move': {
      const from = parsePointer(operation.from ?? '');
      const value = structuredClone(getAt(document, from));
      const without = operation.op === 'move' ? removeAt(document, from) : document;
      return setAt(without, parsePointer(operation.path), value, 'add');
    }
    default:
      throw invalid(`unsupported JSON patch operation ${String((operation as { op: unknown }).op)}`);
  }
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw invalid(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(document: Json, path: string[]): Json {
  let current = document;
  for (const part of path) {
    if (Array.isArray(current) && /^\d+$/.test(part) && Number(part) < current.length)
      current = current[Number(part)];
    else if (isPlainObject(current) && part in current) current = current[part];
    else throw invalid(`path /${path.join('/')} does not exist`);
  }
  return current;
}

function setAt(document: Json, path: string[], value: Json, mode: 'add' | 'replace'): Json {
  if (path.length === 0) return value;
  const parent = getAt(document, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index > parent.length) throw invalid(`index ${last} is out of range`);
    if (mode === 'add') parent.splice(index, 0, value);
    else parent[index] = value;
  } else if (isPlainObject(parent)) {
    parent[last] = value;
  } else {
    throw invalid(`cannot set a field inside a scalar at /${path.join('/')}`);
  }
  return document;
}

function removeAt(document: Json, path: string[]): Json {
  const parent = getAt(document, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isPlainObject(parent)) delete parent[last];
  return document;
}

function isPlainObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): KubeApiError {
  return new KubeApiError(message, 422, 'Invalid');
}
