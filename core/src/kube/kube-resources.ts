/**
 * Maps `apiVersion` + `kind` to REST paths using the API server's discovery documents
 * (`/api/v1`, `/apis/<group>/<version>`), cached per group-version and refetched once when a kind
 * is missing (a CRD may have just been installed).
 */
import type { KubeTransport } from './kube-transport.js';
import { KubeApiError, type KindRef } from './kube-port.js';

/** What the client needs to know about one resource. */
export interface ResourceInfo {
  /** `api/v1` or `apis/<group>/<version>`. */
  readonly groupVersionPath: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

/** See the module comment. */
export class ResourceResolver {
  private readonly byGroupVersion = new Map<string, Promise<Map<string, ResourceInfo>>>();

  constructor(private readonly transport: KubeTransport) {}

  /** @throws KubeApiError (404 NotFound) naming the kind when the server does not serve it */
  async resolve(kind: KindRef): Promise<ResourceInfo> {
    const cached = await this.load(kind.apiVersion, false);
    const found = cached.get(kind.kind);
    if (found !== undefined) return found;
    const fresh = await this.load(kind.apiVersion, true);
    const info = fresh.get(kind.kind);
    if (info === undefined) {
      throw new KubeApiError(
        `the server does not serve kind ${kind.kind} in ${kind.apiVersion}; is its CRD installed?`,
        404,
        'NotFound',
      );
    }
    return info;
  }

  private load(apiVersion: string, refresh: boolean): Promise<Map<string, ResourceInfo>> {
    const existing = this.byGroupVersion.get(apiVersion);
    if (existing !== undefined && !refresh) return existing;
    const loading = this.fetch(apiVersion);
    this.byGroupVersion.set(apiVersion, loading);
    loading.catch(() => this.byGroupVersion.delete(apiVersion));
    return loading;
  }

  private async fetch(apiVersion: string): Promise<Map<string, ResourceInfo>> {
    const groupVersionPath = apiVersion.includes('/') ? `apis/${apiVersion}` : `api/${apiVersion}`;
    const map = new Map<string, ResourceInfo>();
    let list: { resources?: ApiResource[] };
    try {
      list = await this.transport.request<{ resources?: ApiResource[] }>({
        method: 'GET',
        path: `/${groupVersionPath}`,
      });
    } catch (error) {
      if (error instanceof KubeApiError && error.isNotFound) return map;
      throw error;
    }
    for (const resource of list.resources ?? []) {
      if (resource.name.includes('/') || map.has(resource.kind)) continue;
      map.set(resource.kind, { groupVersionPath, plural: resource.name, namespaced: resource.namespaced });
    }
    return map;
  }
}

/** Path of a collection: namespaced when `namespace` is given and the resource is namespaced. */
export function collectionPath(info: ResourceInfo, namespace?: string): string {
  const ns = info.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `/${info.groupVersionPath}${ns}/${info.plural}`;
}

/** Path of one object, optionally a subresource (`status`). */
export function objectPath(
  info: ResourceInfo,
  name: string,
  namespace?: string,
  subresource?: string,
): string {
  const base = `${collectionPath(info, namespace)}/${encodeURIComponent(name)}`;
  return subresource === undefined ? base : `${base}/${subresource}`;
}
