/**
 * Connect's RFC 6902 subset for `PATCH …/items/{id}`: `add`, `remove` and `replace` over the
 * item's JSON, where an array element may be addressed by its `id` (`/fields/{fieldId}/value`) as
 * well as by index, `add` on an array path appends, and `replace` on `/` replaces the whole item.
 */
import { ConnectError } from './connect-error.js';

type Json = Record<string, unknown>;

/** Applies `operations` to a copy of `document` (the item's wire JSON) and returns the copy. */
export function applyItemPatch(document: Json, operations: unknown): Json {
  if (!Array.isArray(operations))
    throw new ConnectError(400, 'Invalid patch: the body must be an array of operations');
  let result = structuredClone(document);
  for (const raw of operations) {
    const op = (typeof raw === 'object' && raw ? raw : {}) as Json;
    if (op.op !== 'add' && op.op !== 'remove' && op.op !== 'replace') {
      throw new ConnectError(
        400,
        `Invalid patch operation "${String(op.op)}": only add, remove and replace are supported`,
      );
    }
    if (typeof op.path !== 'string' || !op.path.startsWith('/'))
      throw new ConnectError(400, 'Invalid patch: path must be a JSON pointer');
    if (op.path === '/') {
      if (op.op === 'remove') throw new ConnectError(400, 'Invalid patch: the item itself cannot be removed');
      result = { ...result, ...((op.value ?? {}) as Json) };
      continue;
    }
    applyOne(result, op.op, pointer(op.path), op.value);
  }
  return result;
}

function applyOne(root: Json, op: 'add' | 'remove' | 'replace', segments: string[], value: unknown): void {
  const parent = resolve(root, segments.slice(0, -1), segments.join('/'));
  const last = segments[segments.length - 1];
  const target = Array.isArray(parent) ? undefined : (parent as Json)[last];
  if (!Array.isArray(parent) && Array.isArray(target) && op === 'add') {
    target.push(value);
    return;
  }
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : indexOf(parent, last);
    if (op === 'add') parent.splice(index, 0, value);
    else if (index >= parent.length)
      throw new ConnectError(400, `Invalid patch: nothing at /${segments.join('/')}`);
    else if (op === 'remove') parent.splice(index, 1);
    else parent[index] = value;
    return;
  }
  const object = parent as Json;
  if (op !== 'add' && !(last in object))
    throw new ConnectError(400, `Invalid patch: nothing at /${segments.join('/')}`);
  if (op === 'remove') delete object[last];
  else object[last] = value;
}

function resolve(root: Json, segments: string[], path: string): unknown {
  let node: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[indexOf(node, segment)];
    else if (typeof node === 'object' && node !== null) node = (node as Json)[segment];
    else node = undefined;
    if (node === undefined) throw new ConnectError(400, `Invalid patch: nothing at /${path}`);
  }
  if (typeof node !== 'object' || node === null)
    throw new ConnectError(400, `Invalid patch: /${path} is not inside an object`);
  return node;
}

function indexOf(array: unknown[], segment: string): number {
  if (/^\d+$/.test(segment)) return Number(segment);
  const index = array.findIndex((e) => typeof e === 'object' && e !== null && (e as Json).id === segment);
  return index < 0 ? array.length : index;
}

function pointer(path: string): string[] {
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
