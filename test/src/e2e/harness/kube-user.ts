/**
 * What a user does with kubectl, through `@kubernetes/client-node` against the API emulator: create,
 * read, merge-patch and delete ExternalSecrets, stores, Secrets and Namespaces, and list Events. The
 * e2e scenarios drive the operator only through this.
 */
import {
  ApiException,
  CoordinationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  type CoreV1Event,
  type V1Lease,
  type V1Secret,
} from '@kubernetes/client-node';

/** A custom resource as the API returns it. */
export interface Resource {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
    deletionTimestamp?: string;
  };
  spec?: Record<string, unknown>;
  status?: {
    conditions?: {
      type: string;
      status: string;
      reason?: string;
      message?: string;
      lastTransitionTime?: string;
    }[];
    refreshTime?: string;
    syncedResourceVersion?: string;
    [field: string]: unknown;
  };
}

const GROUP = 'external-secrets.io';
const VERSION = 'v1';
const PLURALS: Record<string, string> = {
  ExternalSecret: 'externalsecrets',
  SecretStore: 'secretstores',
  ClusterSecretStore: 'clustersecretstores',
  ClusterExternalSecret: 'clusterexternalsecrets',
};
/** The external-secrets.io kinds the operator reconciles and writes status to. */
export const STATUS_KINDS = Object.keys(PLURALS);
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

/** True when `error` is the API's 404. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiException && error.code === 404;
}

/** See the module comment. */
export class KubeUser {
  readonly core: CoreV1Api;
  readonly custom: CustomObjectsApi;
  readonly coordination: CoordinationV1Api;

  constructor(kubeconfigPath: string) {
    const config = new KubeConfig();
    config.loadFromFile(kubeconfigPath);
    this.core = config.makeApiClient(CoreV1Api);
    this.custom = config.makeApiClient(CustomObjectsApi);
    this.coordination = config.makeApiClient(CoordinationV1Api);
  }

  /** Creates a namespace with optional labels. */
  async createNamespace(name: string, labels?: Record<string, string>): Promise<void> {
    await this.core.createNamespace({ body: { metadata: { name, labels } } });
  }

  /** Creates an external-secrets.io/v1 object (namespaced when `metadata.namespace` is set). */
  async create(object: Resource): Promise<Resource> {
    const plural = pluralOf(object.kind);
    const body = { ...object, apiVersion: `${GROUP}/${VERSION}` };
    if (object.metadata.namespace) {
      return (await this.custom.createNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        plural,
        namespace: object.metadata.namespace,
        body,
      })) as Resource;
    }
    return (await this.custom.createClusterCustomObject({
      group: GROUP,
      version: VERSION,
      plural,
      body,
    })) as Resource;
  }

  /** Reads an external-secrets.io/v1 object; undefined when it does not exist. */
  async get(kind: string, name: string, namespace?: string): Promise<Resource | undefined> {
    const plural = pluralOf(kind);
    try {
      if (namespace)
        return (await this.custom.getNamespacedCustomObject({
          group: GROUP,
          version: VERSION,
          plural,
          namespace,
          name,
        })) as Resource;
      return (await this.custom.getClusterCustomObject({
        group: GROUP,
        version: VERSION,
        plural,
        name,
      })) as Resource;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Merge-patches an external-secrets.io/v1 object (as `kubectl patch --type merge`). */
  async patch(kind: string, name: string, namespace: string | undefined, body: object): Promise<Resource> {
    const plural = pluralOf(kind);
    if (namespace) {
      return (await this.custom.patchNamespacedCustomObject(
        { group: GROUP, version: VERSION, plural, namespace, name, body },
        mergePatch,
      )) as Resource;
    }
    return (await this.custom.patchClusterCustomObject(
      { group: GROUP, version: VERSION, plural, name, body },
      mergePatch,
    )) as Resource;
  }

  /** `kubectl annotate --overwrite` with a fresh value: the documented way to force a sync. */
  async forceSync(
    name: string,
    namespace: string,
    value = `${Date.now()}-${Math.random()}`,
  ): Promise<Resource> {
    return this.patch('ExternalSecret', name, namespace, {
      metadata: { annotations: { 'force-sync': value } },
    });
  }

  /** Deletes an external-secrets.io/v1 object (404 is fine). */
  async delete(kind: string, name: string, namespace?: string): Promise<void> {
    const plural = pluralOf(kind);
    try {
      if (namespace)
        await this.custom.deleteNamespacedCustomObject({
          group: GROUP,
          version: VERSION,
          plural,
          namespace,
          name,
        });
      else await this.custom.deleteClusterCustomObject({ group: GROUP, version: VERSION, plural, name });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** Every object of `kind` in all namespaces. */
  async list(kind: string): Promise<Resource[]> {
    const plural = pluralOf(kind);
    const list = (await this.custom.listCustomObjectForAllNamespaces({
      group: GROUP,
      version: VERSION,
      plural,
    })) as { items: Resource[] };
    return list.items;
  }

  /** The Ready condition of an object, if any. */
  async ready(
    kind: string,
    name: string,
    namespace?: string,
  ): Promise<{ status: string; reason?: string; message?: string } | undefined> {
    return (await this.get(kind, name, namespace))?.status?.conditions?.find(
      (condition) => condition.type === 'Ready',
    );
  }

  /** Reads a Secret; undefined when it does not exist. */
  async secret(name: string, namespace: string): Promise<V1Secret | undefined> {
    try {
      return await this.core.readNamespacedSecret({ name, namespace });
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** A Secret's data decoded to text. */
  async secretData(name: string, namespace: string): Promise<Record<string, string> | undefined> {
    const secret = await this.secret(name, namespace);
    if (!secret) return undefined;
    return Object.fromEntries(
      Object.entries(secret.data ?? {}).map(([key, value]) => [
        key,
        Buffer.from(value, 'base64').toString('utf8'),
      ]),
    );
  }

  /** Creates a Secret from text values. */
  async createSecret(
    name: string,
    namespace: string,
    values: Record<string, string>,
    labels?: Record<string, string>,
  ): Promise<V1Secret> {
    return this.core.createNamespacedSecret({
      namespace,
      body: { metadata: { name, namespace, labels }, stringData: values },
    });
  }

  /** Merge-patches a Secret. */
  async patchSecret(name: string, namespace: string, body: object): Promise<V1Secret> {
    return this.core.patchNamespacedSecret({ name, namespace, body }, mergePatch);
  }

  /** Deletes a Secret (404 is fine). */
  async deleteSecret(name: string, namespace: string): Promise<void> {
    try {
      await this.core.deleteNamespacedSecret({ name, namespace });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** Secrets of a namespace, optionally by label selector. */
  async secrets(namespace: string, labelSelector?: string): Promise<V1Secret[]> {
    return (await this.core.listNamespacedSecret({ namespace, labelSelector })).items;
  }

  /** Reads a Lease; undefined when it does not exist. */
  async lease(name: string, namespace: string): Promise<V1Lease | undefined> {
    try {
      return await this.coordination.readNamespacedLease({ name, namespace });
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every Event in the cluster. */
  async events(): Promise<CoreV1Event[]> {
    return (await this.core.listEventForAllNamespaces()).items;
  }
}

/** The resource (plural) name of an external-secrets.io kind. */
export function pluralOf(kind: string): string {
  const plural = PLURALS[kind];
  if (!plural) throw new Error(`unknown kind ${kind}`);
  return plural;
}
