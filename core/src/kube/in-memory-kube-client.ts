/**
 * A small in-memory {@link KubeClient} for unit tests: one resourceVersion counter, 409 on stale
 * updates and on creating an existing name, merge patches, a status split (updates of the main
 * resource keep the stored `status`, status writes keep everything else), equality label selectors,
 * and injectable failures. It is not an API server: use the emulator for wire behaviour.
 */
import {
  KubeApiError,
  type KindRef,
  type KubeClient,
  type KubeObject,
  type ListOptions,
  type ObjectRef,
  type PatchType,
} from './kube-port.js';

type Verb = 'get' | 'list' | 'create' | 'update' | 'updateStatus' | 'patch' | 'patchStatus' | 'delete';

/** See the module comment. */
export class InMemoryKubeClient implements KubeClient {
  private readonly objects = new Map<string, KubeObject>();
  private version = 0;
  private readonly failures: { verb: Verb; kind?: string; error: Error }[] = [];
  /** Every call, in order (`verb kind ns/name`). */
  readonly calls: string[] = [];

  /** Makes the next call of `verb` (optionally for `kind`) throw `error`. */
  failNext(verb: Verb, error: Error, kind?: string): void {
    this.failures.push({ verb, kind, error });
  }

  /** Stored objects of a kind (copies). */
  all<T extends KubeObject>(kind: string): T[] {
    return [...this.objects.values()].filter((o) => o.kind === kind).map((o) => clone(o) as T);
  }

  async get<T extends KubeObject>(ref: ObjectRef): Promise<T | undefined> {
    this.enter('get', ref);
    const found = this.objects.get(keyOf(ref));
    return found === undefined ? undefined : (clone(found) as T);
  }

  async list<T extends KubeObject>(kind: KindRef, options: ListOptions = {}): Promise<T[]> {
    this.enter('list', { ...kind, name: '*', namespace: options.namespace });
    return [...this.objects.values()]
      .filter((o) => o.apiVersion === kind.apiVersion && o.kind === kind.kind)
      .filter((o) => options.namespace === undefined || o.metadata.namespace === options.namespace)
      .filter((o) => matchesSelector(o, options.labelSelector))
      .map((o) => clone(o) as T);
  }

  async create<T extends KubeObject>(object: T): Promise<T> {
    this.enter('create', refOf(object));
    const key = keyOf(refOf(object));
    if (this.objects.has(key))
      throw new KubeApiError(`${object.kind} "${object.metadata.name}" already exists`, 409, 'AlreadyExists');
    const stored = clone(object);
    stored.metadata = {
      ...stored.metadata,
      uid: `uid-${++this.version}`,
      resourceVersion: String(this.version),
      creationTimestamp: new Date(0).toISOString(),
    };
    this.objects.set(key, stored);
    return clone(stored) as T;
  }

  async update<T extends KubeObject>(object: T): Promise<T> {
    this.enter('update', refOf(object));
    return this.replace(object, false);
  }

  async updateStatus<T extends KubeObject>(object: T): Promise<T> {
    this.enter('updateStatus', refOf(object));
    return this.replace(object, true);
  }

  async patch<T extends KubeObject>(ref: ObjectRef, patch: unknown, type: PatchType): Promise<T> {
    this.enter('patch', ref);
    return this.applyPatch<T>(ref, patch, type, false);
  }

  async patchStatus<T extends KubeObject>(ref: ObjectRef, patch: unknown, type: PatchType): Promise<T> {
    this.enter('patchStatus', ref);
    return this.applyPatch<T>(ref, patch, type, true);
  }

  async delete(ref: ObjectRef): Promise<void> {
    this.enter('delete', ref);
    this.objects.delete(keyOf(ref));
  }

  private replace<T extends KubeObject>(object: T, statusOnly: boolean): T {
    const key = keyOf(refOf(object));
    const stored = this.objects.get(key);
    if (stored === undefined)
      throw new KubeApiError(`${object.kind} "${object.metadata.name}" not found`, 404, 'NotFound');
    if (
      object.metadata.resourceVersion !== undefined &&
      object.metadata.resourceVersion !== stored.metadata.resourceVersion
    ) {
      throw new KubeApiError(
        `Operation cannot be fulfilled on ${object.kind} "${object.metadata.name}": the object has been modified`,
        409,
        'Conflict',
      );
    }
    return this.store(key, stored, clone(object), statusOnly) as T;
  }

  private applyPatch<T extends KubeObject>(
    ref: ObjectRef,
    patch: unknown,
    type: PatchType,
    statusOnly: boolean,
  ): T {
    const key = keyOf(ref);
    const stored = this.objects.get(key);
    if (stored === undefined) throw new KubeApiError(`${ref.kind} "${ref.name}" not found`, 404, 'NotFound');
    if (type === 'json')
      throw new KubeApiError(
        'JSON patch is not supported by InMemoryKubeClient',
        415,
        'UnsupportedMediaType',
      );
    return this.store(key, stored, mergePatch(clone(stored), patch) as KubeObject, statusOnly) as T;
  }

  private store(key: string, stored: KubeObject, next: KubeObject, statusOnly: boolean): KubeObject {
    const merged = statusOnly
      ? { ...clone(stored), status: next.status }
      : { ...next, status: stored.status };
    merged.metadata = {
      ...(statusOnly ? stored.metadata : next.metadata),
      uid: stored.metadata.uid,
      resourceVersion: String(++this.version),
    };
    this.objects.set(key, merged);
    return clone(merged);
  }

  private enter(verb: Verb, ref: ObjectRef): void {
    this.calls.push(`${verb} ${ref.kind} ${ref.namespace ?? ''}/${ref.name}`);
    const index = this.failures.findIndex(
      (f) => f.verb === verb && (f.kind === undefined || f.kind === ref.kind),
    );
    if (index >= 0) throw this.failures.splice(index, 1)[0].error;
  }
}

function refOf(object: KubeObject): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name ?? '',
    namespace: object.metadata.namespace,
  };
}

function keyOf(ref: ObjectRef): string {
  return `${ref.apiVersion}|${ref.kind}|${ref.namespace ?? ''}|${ref.name}`;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function matchesSelector(object: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  const labels = object.metadata.labels ?? {};
  return selector.split(',').every((term) => {
    const [key, value] = term.split('=').map((part) => part.trim());
    return value === undefined ? key in labels : labels[key] === value;
  });
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}
