import type { ResourceType } from '../api/resource-type.js';
import type { ResourceRegistry } from './resource-registry.js';

const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  finalize: ['update'],
  token: ['create'],
};

function subresourceKind(type: ResourceType, sub: string): { group: string; version: string; kind: string } {
  if (sub === 'token') return { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' };
  return { group: type.group, version: type.version, kind: type.kind };
}

function apiResources(type: ResourceType): Record<string, unknown>[] {
  const main: Record<string, unknown> = {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: [...type.verbs],
  };
  if (type.shortNames.length) main.shortNames = [...type.shortNames];
  if (type.categories.length) main.categories = [...type.categories];
  const subs = type.subresources.map((sub) => {
    const rk = subresourceKind(type, sub);
    const entry: Record<string, unknown> = {
      name: `${type.plural}/${sub}`,
      singularName: '',
      namespaced: type.namespaced,
      kind: rk.kind,
      verbs: SUBRESOURCE_VERBS[sub] ?? ['get'],
    };
    if (rk.group !== type.group) Object.assign(entry, { group: rk.group, version: rk.version });
    return entry;
  });
  return [main, ...subs];
}

/** `GET /api` (legacy). */
export function apiVersionsDocument(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupEntry(name: string, versions: readonly string[]): object {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: vs, preferredVersion: vs[0] };
}

/** `GET /apis` (legacy). */
export function apiGroupListDocument(registry: ResourceRegistry): object {
  const groups = registry.groups().filter((g) => g.name !== '');
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map((g) => groupEntry(g.name, g.versions)),
  };
}

/** `GET /apis/<group>`, or undefined when the group is not served. */
export function apiGroupDocument(registry: ResourceRegistry, group: string): object | undefined {
  const g = registry.groups().find((x) => x.name === group && group !== '');
  return g && { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g.name, g.versions) };
}

/** `GET /api/v1`, `GET /apis/<g>/<v>`: each resource before its subresources. */
export function apiResourceListDocument(
  registry: ResourceRegistry,
  group: string,
  version: string,
): object | undefined {
  const types = registry.resourcesOf(group, version);
  if (!types) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: types.flatMap(apiResources),
  };
}

function aggregatedResource(type: ResourceType): object {
  const r: Record<string, unknown> = {
    resource: type.plural,
    responseKind: { group: type.group, version: type.version, kind: type.kind },
    scope: type.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: type.singular,
    verbs: [...type.verbs],
  };
  if (type.shortNames.length) r.shortNames = [...type.shortNames];
  if (type.categories.length) r.categories = [...type.categories];
  if (type.subresources.length) {
    r.subresources = type.subresources.map((sub) => ({
      subresource: sub,
      responseKind: subresourceKind(type, sub),
      verbs: SUBRESOURCE_VERBS[sub] ?? ['get'],
    }));
  }
  return r;
}

/** Aggregated discovery (`apidiscovery.k8s.io/v2` APIGroupDiscoveryList) for `/api` (core) or `/apis`. */
export function aggregatedDiscoveryDocument(
  registry: ResourceRegistry,
  core: boolean,
  apiVersion: string,
): object {
  const groups = registry.groups().filter((g) => (g.name === '') === core);
  const items = groups.map((g) => ({
    metadata: core ? { creationTimestamp: null } : { name: g.name, creationTimestamp: null },
    versions: g.versions.map((v) => ({
      version: v,
      resources: (registry.resourcesOf(g.name, v) ?? []).map(aggregatedResource),
      freshness: 'Current',
    })),
  }));
  return { kind: 'APIGroupDiscoveryList', apiVersion, metadata: {}, items };
}

/** The aggregated-discovery version the Accept header asks for, if any. */
export function requestedAggregatedVersion(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  if (!accept || !accept.includes('as=APIGroupDiscoveryList')) return undefined;
  for (const part of accept.split(',')) {
    if (!part.includes('as=APIGroupDiscoveryList') || !part.includes('g=apidiscovery.k8s.io')) continue;
    if (/;\s*v=v2(\s*;|\s*$)/.test(part)) return 'v2';
    if (/;\s*v=v2beta1(\s*;|\s*$)/.test(part)) return 'v2beta1';
  }
  return undefined;
}
