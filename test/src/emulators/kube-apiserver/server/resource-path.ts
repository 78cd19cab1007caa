import { unknownResource } from '../api/api-error.js';
import type { ResourceType } from '../api/resource-type.js';
import type { ResourceRegistry } from '../discovery/resource-registry.js';

/** A request path split into its API parts. */
export type ApiPath =
  | { readonly kind: 'api-root' }
  | { readonly kind: 'apis-root' }
  | { readonly kind: 'group'; readonly group: string }
  | {
      readonly kind: 'group-version';
      readonly group: string;
      readonly version: string;
      readonly rest: readonly string[];
    };

/** Splits `/api/...` and `/apis/...` paths; undefined for anything else. */
export function parseApiPath(path: string): ApiPath | undefined {
  const parts: string[] = [];
  for (const p of path.split('/')) if (p.length > 0) parts.push(p.includes('%') ? decodeURIComponent(p) : p);
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'api-root' };
    return { kind: 'group-version', group: '', version: parts[1], rest: parts.slice(2) };
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'apis-root' };
    if (parts.length === 2) return { kind: 'group', group: parts[1] };
    return { kind: 'group-version', group: parts[1], version: parts[2], rest: parts.slice(3) };
  }
  return undefined;
}

/** The resource a group-version path addresses. */
export interface ResourceTarget {
  readonly type: ResourceType;
  readonly namespace?: string;
  readonly name?: string;
  readonly subresource?: string;
}

function target(
  type: ResourceType | undefined,
  namespace: string | undefined,
  tail: readonly string[],
): ResourceTarget {
  if (!type || tail.length > 2) throw unknownResource();
  const [name, subresource] = tail;
  if (subresource !== undefined && !type.subresources.includes(subresource)) throw unknownResource();
  if (type.namespaced && namespace === undefined && name !== undefined) throw unknownResource();
  return { type, namespace, name, subresource };
}

/**
 * Resolves `rest` (the segments after the group-version) to a resource. `namespaces/<x>/<y>` is the namespaced
 * collection `<y>` when `<y>` is a namespaced resource of the GV, else a Namespace subresource. Throws 404.
 */
export function resolveResource(
  registry: ResourceRegistry,
  group: string,
  version: string,
  rest: readonly string[],
): ResourceTarget {
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const nested = registry.find(group, version, rest[2]);
    if (nested?.namespaced) return target(nested, rest[1], rest.slice(3));
  }
  return target(registry.find(group, version, rest[0]), undefined, rest.slice(1));
}
