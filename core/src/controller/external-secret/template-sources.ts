/**
 * The ConfigMaps and Secrets an ExternalSecret reads templates from (`templateFrom[].configMap` /
 * `.secret`, ESO B.11), and how their contents are read.
 *
 * ESO reads them live from the API server on every render. Tessera reads them live only when they
 * changed: {@link KubeTemplateSourceReader} keeps the contents of the sources it read, keyed by
 * resourceVersion, and asks a metadata-only view (when given) whether that version is still current.
 * Without such a view (`tessera render`, tests) every read goes to the {@link KubeClient}.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { KubeClient, KubeObject, SecretObject } from '../../kube/kube-port.js';
import { fromWireData, setEntry, type ByteMap } from './byte-map.js';

/** The kinds `templateFrom` reads. */
export type TemplateSourceKind = 'ConfigMap' | 'Secret';

/** core/v1 ConfigMap as far as templates need it (ESO reads `data` only). */
interface ConfigMapObject extends KubeObject {
  data?: Record<string, string>;
}

/** One ConfigMap or Secret referenced as a template source. */
export interface TemplateSourceRef {
  readonly kind: TemplateSourceKind;
  readonly namespace: string;
  readonly name: string;
}

/** `kind/namespace/name`: the key of a source in indexes and caches. */
export function templateSourceKey(ref: TemplateSourceRef): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** Every ConfigMap and Secret `es` reads templates from (in its own namespace), without duplicates. */
export function referencedTemplateSources(es: ExternalSecret): TemplateSourceRef[] {
  const namespace = es.metadata.namespace ?? '';
  const refs = new Map<string, TemplateSourceRef>();
  const add = (kind: TemplateSourceKind, name: string | undefined): void => {
    if (!name) return;
    const ref = { kind, namespace, name };
    refs.set(templateSourceKey(ref), ref);
  };
  for (const item of es.spec.target?.template?.templateFrom ?? []) {
    add('ConfigMap', item.configMap?.name);
    add('Secret', item.secret?.name);
  }
  return [...refs.values()];
}

/** The contents of one source: key → bytes (a ConfigMap's `data` as UTF-8, a Secret's decoded `data`). */
export interface TemplateSourceContent {
  readonly resourceVersion: string;
  readonly data: Readonly<ByteMap>;
}

/** Reads template sources; undefined when the object does not exist. */
export interface TemplateSourceReader {
  read(ref: TemplateSourceRef): Promise<TemplateSourceContent | undefined>;
}

/** Which version of a source is current, from a metadata-only informer. */
export interface TemplateSourceVersionLookup {
  /**
   * The current resourceVersion, `null` when the object is known not to exist, undefined when
   * unknown (no view of that kind, or not synced yet).
   */
  currentVersion(ref: TemplateSourceRef): string | null | undefined;
}

/** Options of {@link KubeTemplateSourceReader}. */
export interface KubeTemplateSourceReaderOptions {
  readonly kube: Pick<KubeClient, 'get'>;
  /** @default none: every read is live */
  readonly versions?: TemplateSourceVersionLookup;
  /** Most bytes of source contents kept; least recently used first out. @default 16 MiB */
  readonly maxBytes?: number;
}

interface Kept {
  readonly content: TemplateSourceContent;
  readonly bytes: number;
}

function contentOf(object: KubeObject, kind: TemplateSourceKind): ByteMap {
  if (kind === 'Secret') return fromWireData((object as SecretObject).data);
  const out: ByteMap = {};
  for (const [key, value] of Object.entries((object as ConfigMapObject).data ?? {}))
    setEntry<Uint8Array>(out, key, new Uint8Array(Buffer.from(value, 'utf8')));
  return out;
}

function sizeOf(data: Readonly<ByteMap>): number {
  let total = 0;
  for (const [key, value] of Object.entries(data)) total += key.length + value.byteLength;
  return total;
}

/** See the module comment. */
export class KubeTemplateSourceReader implements TemplateSourceReader {
  private readonly kept = new Map<string, Kept>();
  private keptBytes = 0;
  private readonly maxBytes: number;
  /** Live reads made (for tests and diagnostics). */
  liveReads = 0;

  constructor(private readonly options: KubeTemplateSourceReaderOptions) {
    this.maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  }

  async read(ref: TemplateSourceRef): Promise<TemplateSourceContent | undefined> {
    const key = templateSourceKey(ref);
    const current = this.options.versions?.currentVersion(ref);
    const kept = this.kept.get(key);
    if (kept && current !== undefined && current === kept.content.resourceVersion) {
      this.kept.delete(key);
      this.kept.set(key, kept);
      return kept.content;
    }
    this.liveReads++;
    const object = await this.options.kube.get<KubeObject>({
      apiVersion: 'v1',
      kind: ref.kind,
      name: ref.name,
      namespace: ref.namespace,
    });
    this.forget(ref);
    if (!object) return undefined;
    const content = {
      resourceVersion: object.metadata.resourceVersion ?? '',
      data: contentOf(object, ref.kind),
    };
    if (this.options.versions) this.keep(key, content);
    return content;
  }

  /** Drops what is kept about `ref` (it changed or was deleted). */
  forget(ref: TemplateSourceRef): void {
    const key = templateSourceKey(ref);
    const kept = this.kept.get(key);
    if (!kept) return;
    this.kept.delete(key);
    this.keptBytes -= kept.bytes;
  }

  /** Bytes of source contents currently kept. */
  get size(): number {
    return this.keptBytes;
  }

  private keep(key: string, content: TemplateSourceContent): void {
    const bytes = sizeOf(content.data);
    if (bytes > this.maxBytes) return;
    this.kept.set(key, { content, bytes });
    this.keptBytes += bytes;
    for (const [oldest, entry] of this.kept) {
      if (this.keptBytes <= this.maxBytes) break;
      this.kept.delete(oldest);
      this.keptBytes -= entry.bytes;
    }
  }
}
