/**
 * Watches the ConfigMaps and Secrets that ExternalSecrets read templates from, so a template edit
 * re-renders its Secrets at once (ESO only notices at the next refresh).
 *
 * Memory: the operator must not hold every ConfigMap and Secret of the cluster to notice edits of a
 * few. So:
 * - an index maps each referenced source (`kind/namespace/name`) to the ExternalSecrets using it,
 *   kept current from the ExternalSecret cache's events;
 * - the informers are **metadata-only** (name, namespace, uid, resourceVersion: a few hundred bytes
 *   per object, nothing of the contents), like ESO's metadata informer on Secrets;
 * - an informer is started only when the first ExternalSecret referencing that kind appears, so an
 *   operator whose ExternalSecrets use no `templateFrom` lists nothing at all;
 * - contents are read live when they changed, and only for referenced objects
 *   (see {@link KubeTemplateSourceReader}).
 * A change (after the informer's initial list) queues the ExternalSecrets using that object.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { CacheFactory, KubeObject, ObjectCache, WatchEventType } from '../../kube/kube-port.js';
import { objectKeyOf, objectKeyToString } from '../reconciler.js';
import type { WorkQueue } from '../work-queue.js';
import {
  referencedTemplateSources,
  templateSourceKey,
  type TemplateSourceKind,
  type TemplateSourceRef,
  type TemplateSourceVersionLookup,
} from './template-sources.js';

/** Current versions of an ExternalSecret's template sources (see `template-source-refresh.ts`). */
export interface TemplateSourceVersions {
  /**
   * A string that changes whenever one of the ConfigMaps/Secrets `es` reads templates from changes:
   * '' when it reads none, undefined when not known yet (an informer still loading).
   */
  fingerprint(es: ExternalSecret): string | undefined;
}

/** Options of {@link TemplateSourceWatch}. */
export interface TemplateSourceWatchOptions {
  readonly caches: CacheFactory;
  readonly externalSecrets: ObjectCache<ExternalSecret>;
  /** Restrict the informers to one namespace (`--namespace`). @default all namespaces */
  readonly namespace?: string;
}

interface View {
  readonly cache: ObjectCache<KubeObject>;
  synced: boolean;
}

type SourceListener = (ref: TemplateSourceRef, type: WatchEventType) => void;

/** See the module comment. */
export class TemplateSourceWatch implements TemplateSourceVersionLookup, TemplateSourceVersions {
  private readonly users = new Map<string, Set<string>>();
  private readonly sourcesOf = new Map<string, readonly TemplateSourceRef[]>();
  private readonly views = new Map<TemplateSourceKind, View>();
  private readonly listeners = new Set<SourceListener>();
  private queue: Pick<WorkQueue, 'add'> | undefined;

  constructor(private readonly options: TemplateSourceWatchOptions) {}

  /** Indexes the ExternalSecrets and queues their keys on source changes; returns the unsubscribe function. */
  watch(queue: Pick<WorkQueue, 'add'>): () => void {
    this.queue = queue;
    for (const es of this.options.externalSecrets.list()) this.upsert(es);
    const stop = this.options.externalSecrets.onChange((type, es) =>
      type === 'deleted' ? this.remove(es) : this.upsert(es),
    );
    return () => {
      stop();
      this.queue = undefined;
    };
  }

  /** Calls `listener` on every change of a referenced source seen after its informer's initial list. */
  onSourceChange(listener: SourceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  currentVersion(ref: TemplateSourceRef): string | null | undefined {
    const view = this.views.get(ref.kind);
    if (!view?.synced) return undefined;
    return view.cache.get(ref.name, ref.namespace)?.metadata.resourceVersion ?? null;
  }

  fingerprint(es: ExternalSecret): string | undefined {
    const parts: string[] = [];
    for (const ref of referencedTemplateSources(es)) {
      const version = this.currentVersion(ref);
      if (version === undefined) return undefined;
      parts.push(`${templateSourceKey(ref)}@${version ?? '-'}`);
    }
    return parts.sort().join('\n');
  }

  /** ExternalSecret keys (`namespace/name`) reading templates from `ref`. */
  usersOf(ref: TemplateSourceRef): string[] {
    return [...(this.users.get(templateSourceKey(ref)) ?? [])];
  }

  private upsert(es: ExternalSecret): void {
    this.remove(es);
    const refs = referencedTemplateSources(es);
    if (refs.length === 0) return;
    const key = objectKeyToString(objectKeyOf(es));
    this.sourcesOf.set(key, refs);
    for (const ref of refs) {
      const sourceKey = templateSourceKey(ref);
      let set = this.users.get(sourceKey);
      if (!set) this.users.set(sourceKey, (set = new Set()));
      set.add(key);
      this.ensureView(ref.kind);
    }
  }

  private remove(es: ExternalSecret): void {
    const key = objectKeyToString(objectKeyOf(es));
    for (const ref of this.sourcesOf.get(key) ?? []) {
      const sourceKey = templateSourceKey(ref);
      const set = this.users.get(sourceKey);
      set?.delete(key);
      if (set?.size === 0) this.users.delete(sourceKey);
    }
    this.sourcesOf.delete(key);
  }

  private ensureView(kind: TemplateSourceKind): void {
    if (this.views.has(kind)) return;
    const scope = this.options.namespace === undefined ? {} : { namespace: this.options.namespace };
    const cache = this.options.caches.cache<KubeObject>(
      { apiVersion: 'v1', kind },
      { ...scope, metadataOnly: true },
    );
    const view: View = { cache, synced: false };
    this.views.set(kind, view);
    cache.onChange((type, object) => {
      if (view.synced) this.changed(kind, type, object);
    });
    void cache.synced().then(() => (view.synced = true));
  }

  private changed(kind: TemplateSourceKind, type: WatchEventType, object: KubeObject): void {
    const ref = { kind, namespace: object.metadata.namespace ?? '', name: object.metadata.name ?? '' };
    const users = this.usersOf(ref);
    if (users.length === 0) return;
    for (const listener of this.listeners) listener(ref, type);
    for (const key of users) this.queue?.add(key, { priority: 'high' });
  }
}
