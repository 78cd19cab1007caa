/**
 * Creates manifests through the Kubernetes API, the way `kubectl create -f` would: CRDs first (and
 * waits until they are served), then Namespaces, then Secrets, then stores, then everything else,
 * so a referenced object always exists before the object that refers to it. Documents without a
 * `kind` (such as the Connect seed next to the onepassword examples) are skipped.
 */
import { readManifests, type KubeClient, type KubeObject } from '@tessera/core';

/** The order kinds are created in; unlisted kinds come last. */
const KIND_ORDER = [
  'CustomResourceDefinition',
  'Namespace',
  'Secret',
  'ConfigMap',
  'ClusterSecretStore',
  'SecretStore',
  'ExternalSecret',
  'ClusterExternalSecret',
];

/** Options of {@link applyManifests}. */
export interface ApplyManifestsOptions {
  readonly kube: KubeClient;
  /** Files or directories of YAML manifests. */
  readonly paths: readonly string[];
  /** Rewrites a document before it is created (e.g. to point a store at an emulator). @default identity */
  readonly rewrite?: (object: KubeObject) => KubeObject;
  /** How long to wait for a CRD to be served. @default 10000 */
  readonly crdTimeoutMs?: number;
}

/** Reads, orders and creates every manifest; resolves with the created objects in creation order. */
export async function applyManifests(options: ApplyManifestsOptions): Promise<KubeObject[]> {
  const objects = await loadObjects(options.paths);
  const created: KubeObject[] = [];
  for (const object of objects) {
    const desired = options.rewrite ? options.rewrite(object) : object;
    created.push(await createWhenServed(options.kube, desired, options.crdTimeoutMs ?? 10_000));
  }
  for (const crd of created.filter((object) => object.kind === 'CustomResourceDefinition')) {
    await waitUntilServed(options.kube, crd, options.crdTimeoutMs ?? 10_000);
  }
  return created;
}

/** Resolves once the API serves the CRD's kind in its storage version (a list succeeds). */
async function waitUntilServed(kube: KubeClient, crd: KubeObject, timeoutMs: number): Promise<void> {
  const spec = crd.spec as {
    group: string;
    names: { kind: string };
    versions: { name: string; storage?: boolean }[];
  };
  const version = spec.versions.find((v) => v.storage) ?? spec.versions[0];
  const kind = { apiVersion: `${spec.group}/${version.name}`, kind: spec.names.kind };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await kube.list(kind);
      return;
    } catch (error) {
      if (!(error as { isNotFound?: boolean }).isNotFound || Date.now() > deadline) {
        throw new Error(`${kind.kind} is not served by the API: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The manifests under `paths` that are Kubernetes objects, in creation order. */
export async function loadObjects(paths: readonly string[]): Promise<KubeObject[]> {
  const objects: KubeObject[] = [];
  for (const document of await readManifests(paths)) {
    if (document.errors.length > 0) {
      throw new Error(`${document.file}:${document.index}: invalid YAML: ${document.errors.join('; ')}`);
    }
    const value = document.value as Partial<KubeObject> | null;
    if (typeof value?.kind !== 'string' || typeof value.apiVersion !== 'string') continue;
    objects.push(value as KubeObject);
  }
  const rank = (object: KubeObject): number => {
    const index = KIND_ORDER.indexOf(object.kind);
    return index === -1 ? KIND_ORDER.length : index;
  };
  return objects.sort((a, b) => rank(a) - rank(b));
}

/**
 * Creates the object; when its kind is not served yet (a CRD created a moment ago), retries until
 * `timeoutMs`. An object that already exists is left as it is.
 */
async function createWhenServed(
  kube: KubeClient,
  object: KubeObject,
  timeoutMs: number,
): Promise<KubeObject> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await kube.create(object);
    } catch (error) {
      const status = error as { isAlreadyExists?: boolean; isNotFound?: boolean; message?: string };
      if (status.isAlreadyExists) return object;
      if (!status.isNotFound || Date.now() > deadline) {
        throw new Error(`cannot create ${describe(object)}: ${status.message ?? String(error)}`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function describe(object: KubeObject): string {
  const namespace = object.metadata.namespace ? `${object.metadata.namespace}/` : '';
  return `${object.kind} ${namespace}${object.metadata.name ?? '(no name)'}`;
}
