/**
 * `tessera render` without the command line: renders the Secret an ExternalSecret would produce,
 * locally, through the reconcile's own steps — `fetchRemoteData` and `transformData` (with
 * `--store`), then `renderTarget` with the template engine — so what it prints is what the operator
 * would write, minus bookkeeping (managed label, hashes, owner).
 *
 * Nothing is written anywhere: Kubernetes reads (store credentials, `templateFrom` ConfigMaps and
 * Secrets) are answered from the objects given in files, through an in-memory {@link KubeClient}.
 * Only the provider is real when `--store` is used: it is called as the operator would call it.
 */
import type { ContainerModule } from 'inversify';
import { parse } from 'yaml';
import type { ExternalSecret } from '../api/v1/index.js';
import { setEntry, utf8, type ByteMap } from '../controller/external-secret/byte-map.js';
import { EngineTemplateRenderer } from '../controller/external-secret/engine-template-renderer.js';
import { fetchRemoteData } from '../controller/external-secret/fetch-remote-data.js';
import { settingsOf, type ExternalSecretSettings } from '../controller/external-secret/load.js';
import { renderTarget, type DesiredTarget } from '../controller/external-secret/render-target.js';
import { resolveStores } from '../controller/external-secret/resolve-store.js';
import { KubeTemplateSourceReader } from '../controller/external-secret/template-sources.js';
import { transformData } from '../controller/external-secret/transform-data.js';
import { validateSpec } from '../controller/external-secret/validate-spec.js';
import { createContainer } from '../di/create-container.js';
import * as tokens from '../di/tokens.js';
import { InMemoryKube } from '../kube/in-memory-kube.js';
import type { KubeObject } from '../kube/kube-port.js';
import type { ProviderClientCache } from '../provider/client-cache.js';
import type { ProviderDescriptor } from '../provider/provider.js';
import { ReadCoalescer } from '../provider/read-coalescer.js';
import type { StoreRef } from '../provider/store-ref.js';
import type { AnyStore } from '../provider/store-view.js';
import { readManifests, type ManifestDocument } from '../validation/read-manifests.js';
import { createManifestValidator } from '../validation/validate-manifest.js';

/** The input cannot be used (files, documents, options): exit status 2. */
export class RenderInputError extends Error {
  override readonly name = 'RenderInputError';
}

/** Options of {@link renderSecretLocally}. */
export interface RenderSecretOptions {
  /** Files holding the ExternalSecret and any ConfigMaps/Secrets it needs. */
  readonly files: readonly string[];
  /** A JSON/YAML map of Secret key → value: the template context, instead of calling a provider. */
  readonly dataFile?: string;
  /** Files holding the SecretStore(s) / ClusterSecretStore(s) to read through. */
  readonly storeFiles?: readonly string[];
  /** More files with `templateFrom` ConfigMaps and Secrets. */
  readonly templateSourceFiles?: readonly string[];
  readonly providers: readonly ProviderDescriptor[];
  readonly providerModules: readonly ContainerModule[];
}

/** What {@link renderSecretLocally} produces. */
export interface LocallyRenderedSecret {
  readonly es: ExternalSecret;
  readonly settings: ExternalSecretSettings;
  readonly namespace: string;
  readonly desired: DesiredTarget;
}

const STORE_KINDS = new Set(['SecretStore', 'ClusterSecretStore']);

async function readDocuments(paths: readonly string[], what: string): Promise<ManifestDocument[]> {
  try {
    return await readManifests(paths);
  } catch (error) {
    throw new RenderInputError(`cannot read ${what}: ${(error as Error).message}`);
  }
}

function checked(
  documents: readonly ManifestDocument[],
  providers: readonly ProviderDescriptor[],
): KubeObject[] {
  const validate = createManifestValidator({ providers });
  const problems: string[] = [];
  const objects: KubeObject[] = [];
  for (const doc of documents) {
    const where = `${doc.file}:${doc.index}`;
    if (doc.errors.length > 0) problems.push(`${where}: invalid YAML: ${doc.errors[0]}`);
    else {
      const result = validate(doc.value);
      if (result.status === 'checked')
        for (const p of result.problems)
          problems.push(`${where} ${result.kind}/${result.name} ${p.path || '(document)'}: ${p.message}`);
      objects.push(doc.value as KubeObject);
    }
  }
  if (problems.length > 0) throw new RenderInputError(`invalid manifests:\n  ${problems.join('\n  ')}`);
  return objects;
}

function theExternalSecret(objects: readonly KubeObject[]): ExternalSecret {
  const found = objects.filter((o) => o.kind === 'ExternalSecret');
  if (found.length !== 1) {
    throw new RenderInputError(
      `expected exactly one ExternalSecret in -f, found ${found.length}; render one ExternalSecret at a time`,
    );
  }
  const es = structuredClone(found[0]) as ExternalSecret;
  es.metadata.namespace ||= 'default';
  return es;
}

/**
 * The Secrets and ConfigMaps given, in the ExternalSecret's namespace unless they name one; the
 * in-memory API stores them as the API server would (Secret `stringData` folded into `data`) and
 * refuses what it would refuse (no name, the same name twice).
 */
function inMemoryCluster(objects: readonly KubeObject[], namespace: string): InMemoryKube {
  const kube = new InMemoryKube();
  for (const object of objects) {
    if (object.apiVersion !== 'v1' || (object.kind !== 'Secret' && object.kind !== 'ConfigMap')) continue;
    try {
      kube.seed({
        ...object,
        metadata: { ...object.metadata, namespace: object.metadata.namespace || namespace },
      });
    } catch (error) {
      throw new RenderInputError(`cannot use the ${object.kind}s given: ${(error as Error).message}`);
    }
  }
  return kube;
}

/** Reads `--data`: a map of key → string (numbers and booleans are taken as written). */
export async function readDataFile(path: string): Promise<ByteMap> {
  let parsed: unknown;
  try {
    const { readFile } = await import('node:fs/promises');
    parsed = parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new RenderInputError(`cannot read --data ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new RenderInputError(`--data ${path} must hold a map of Secret key → string value`);
  const out: ByteMap = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!['string', 'number', 'boolean'].includes(typeof value))
      throw new RenderInputError(`--data ${path}: the value of "${key}" is not a string`);
    setEntry(out, key, utf8(String(value)));
  }
  return out;
}

async function fetchThroughStores(
  es: ExternalSecret,
  stores: readonly KubeObject[],
  kube: InMemoryKube,
  options: RenderSecretOptions,
  renderer: EngineTemplateRenderer,
): Promise<ByteMap> {
  const container = createContainer({
    providerModules: options.providerModules,
    constants: [{ token: tokens.KubeClient, value: kube }],
  });
  const clients = container.get<ProviderClientCache>(tokens.ProviderClientCache);
  const lookup = {
    getStore: (ref: StoreRef) =>
      stores.find((s) => s.kind === ref.kind && s.metadata.name === ref.name) as AnyStore | undefined,
    namespaceLabels: () => undefined,
  };
  try {
    const resolved = resolveStores({ es, stores: lookup, floodGate: false });
    const coalescer = new ReadCoalescer();
    const fetched = await fetchRemoteData({ es, stores: resolved, clients, coalescer });
    return await transformData({ entries: fetched.entries, renderer });
  } finally {
    await clients.close();
  }
}

/**
 * Renders the ExternalSecret found in `options.files`; see the module comment.
 * @throws RenderInputError for unusable input; the reconcile's typed errors when fetching or rendering fails
 */
export async function renderSecretLocally(options: RenderSecretOptions): Promise<LocallyRenderedSecret> {
  if (
    (options.dataFile === undefined) ===
    (options.storeFiles === undefined || options.storeFiles.length === 0)
  )
    throw new RenderInputError(
      'give either --data <file> (values to render with) or --store <file> (fetch through the provider)',
    );
  const documents = await readDocuments([...options.files, ...(options.templateSourceFiles ?? [])], '-f');
  const storeDocuments = await readDocuments(options.storeFiles ?? [], '--store');
  const objects = checked(documents, options.providers);
  const stores = checked(storeDocuments, options.providers).filter((o) => STORE_KINDS.has(o.kind));
  const es = theExternalSecret(objects);
  const namespace = es.metadata.namespace ?? 'default';
  try {
    validateSpec(es);
  } catch (error) {
    throw new RenderInputError(
      `ExternalSecret ${namespace}/${es.metadata.name}: ${(error as Error).message}`,
    );
  }
  const kube = inMemoryCluster([...objects, ...storeDocuments.map((d) => d.value as KubeObject)], namespace);
  const renderer = new EngineTemplateRenderer({ sources: new KubeTemplateSourceReader({ kube }) });
  if (options.storeFiles?.length && stores.length === 0)
    throw new RenderInputError('--store holds no SecretStore or ClusterSecretStore');
  for (const store of stores) if (store.kind === 'SecretStore') store.metadata.namespace ||= namespace;
  const providerData =
    options.dataFile !== undefined
      ? await readDataFile(options.dataFile)
      : await fetchThroughStores(es, stores, kube, options, renderer);
  const settings = settingsOf(es);
  const desired = await renderTarget({ es, settings, providerData, existing: undefined, renderer });
  return { es, settings, namespace, desired };
}
