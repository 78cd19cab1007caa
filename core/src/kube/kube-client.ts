/**
 * {@link KubeClient} over the REST API: discovery-resolved paths, JSON bodies, the three patch
 * types, `/status`, a default field manager, paging on list. Writes are never retried here.
 */
import type { KubeTransport } from './kube-transport.js';
import {
  KubeApiError,
  type KindRef,
  type KubeClient,
  type KubeObject,
  type ListOptions,
  type ObjectRef,
  type PatchType,
} from './kube-port.js';
import { collectionPath, objectPath, type ResourceInfo, type ResourceResolver } from './kube-resources.js';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/** Options of {@link RestKubeClient}. */
export interface RestKubeClientOptions {
  readonly transport: KubeTransport;
  readonly resolver: ResourceResolver;
  /** Sent on every write unless the call names another. @default 'tessera' */
  readonly fieldManager?: string;
  /** Namespace used for namespaced kinds when an object or ref names none. @default 'default' */
  readonly defaultNamespace?: string;
  /** Page size of `list`. @default 500 */
  readonly pageSize?: number;
}

interface ListBody<T> {
  items?: T[];
  metadata?: { continue?: string; resourceVersion?: string };
}

/** See the module comment. */
export class RestKubeClient implements KubeClient {
  private readonly fieldManager: string;
  private readonly defaultNamespace: string;

  constructor(private readonly options: RestKubeClientOptions) {
    this.fieldManager = options.fieldManager ?? 'tessera';
    this.defaultNamespace = options.defaultNamespace ?? 'default';
  }

  async get<T extends KubeObject>(ref: ObjectRef): Promise<T | undefined> {
    const info = await this.options.resolver.resolve(ref);
    try {
      const object = await this.options.transport.request<T>({
        method: 'GET',
        path: objectPath(info, ref.name, this.ns(info, ref.namespace)),
      });
      return withKind(object, ref);
    } catch (error) {
      if (error instanceof KubeApiError && error.isNotFound) return undefined;
      throw error;
    }
  }

  async list<T extends KubeObject>(kind: KindRef, options: ListOptions = {}): Promise<T[]> {
    const info = await this.options.resolver.resolve(kind);
    const path = collectionPath(info, options.namespace);
    const items: T[] = [];
    let next: string | undefined;
    do {
      const query = {
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        limit: this.options.pageSize ?? 500,
        continue: next,
      };
      const page = await this.options.transport.request<ListBody<T>>({ method: 'GET', path, query });
      for (const item of page.items ?? []) items.push(withKind(item, kind));
      next = page.metadata?.continue || undefined;
    } while (next !== undefined);
    return items;
  }

  async create<T extends KubeObject>(object: T, options: { fieldManager?: string } = {}): Promise<T> {
    const info = await this.options.resolver.resolve(object);
    const path = collectionPath(info, this.ns(info, object.metadata.namespace));
    return this.write<T>(object, {
      method: 'POST',
      path,
      body: object,
      query: this.managerQuery(options.fieldManager),
    });
  }

  async update<T extends KubeObject>(object: T, options: { fieldManager?: string } = {}): Promise<T> {
    return this.put(object, undefined, options.fieldManager);
  }

  async updateStatus<T extends KubeObject>(object: T): Promise<T> {
    return this.put(object, 'status');
  }

  async patch<T extends KubeObject>(ref: ObjectRef, patch: unknown, type: PatchType): Promise<T> {
    return this.sendPatch<T>(ref, patch, type);
  }

  async patchStatus<T extends KubeObject>(ref: ObjectRef, patch: unknown, type: PatchType): Promise<T> {
    return this.sendPatch<T>(ref, patch, type, 'status');
  }

  async delete(
    ref: ObjectRef,
    options: { propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'; uid?: string } = {},
  ): Promise<void> {
    const info = await this.options.resolver.resolve(ref);
    const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
    if (options.propagationPolicy !== undefined) body.propagationPolicy = options.propagationPolicy;
    if (options.uid !== undefined) body.preconditions = { uid: options.uid };
    try {
      await this.options.transport.request({
        method: 'DELETE',
        path: objectPath(info, ref.name, this.ns(info, ref.namespace)),
        body,
      });
    } catch (error) {
      if (error instanceof KubeApiError && error.isNotFound) return;
      throw error;
    }
  }

  private async put<T extends KubeObject>(
    object: T,
    subresource?: string,
    fieldManager?: string,
  ): Promise<T> {
    const info = await this.options.resolver.resolve(object);
    const name = object.metadata.name ?? '';
    const path = objectPath(info, name, this.ns(info, object.metadata.namespace), subresource);
    return this.write<T>(object, {
      method: 'PUT',
      path,
      body: object,
      query: this.managerQuery(fieldManager),
    });
  }

  private async sendPatch<T extends KubeObject>(
    ref: ObjectRef,
    patch: unknown,
    type: PatchType,
    subresource?: string,
  ): Promise<T> {
    const info = await this.options.resolver.resolve(ref);
    const path = objectPath(info, ref.name, this.ns(info, ref.namespace), subresource);
    const request = {
      method: 'PATCH' as const,
      path,
      body: patch,
      contentType: PATCH_CONTENT_TYPES[type],
      query: this.managerQuery(),
    };
    return this.write<T>(ref, request);
  }

  private async write<T extends KubeObject>(
    kind: KindRef,
    request: Parameters<KubeTransport['request']>[0],
  ): Promise<T> {
    return withKind(await this.options.transport.request<T>(request), kind);
  }

  private managerQuery(fieldManager?: string): Record<string, string> {
    return { fieldManager: fieldManager ?? this.fieldManager };
  }

  private ns(info: ResourceInfo, namespace: string | undefined): string | undefined {
    return info.namespaced ? namespace || this.defaultNamespace : undefined;
  }
}

/** Built-in lists may omit per-item apiVersion/kind; fill them in so callers can rely on them. */
function withKind<T extends KubeObject>(object: T, kind: KindRef): T {
  if (object.apiVersion === undefined) object.apiVersion = kind.apiVersion;
  if (object.kind === undefined) object.kind = kind.kind;
  return object;
}
