import type { FieldError } from './field-error.js';
import type { KubeObject, Verb } from './kube-object.js';
import type { NameRule } from '../objects/name-rules.js';

/** How `fieldValidation` treats unknown fields (the server default is `Warn`). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** What a kind strategy knows about the write in progress. */
export interface WriteContext {
  readonly verb: 'create' | 'update' | 'patch';
  readonly subresource?: string;
  readonly fieldValidation: FieldValidation;
  /** Texts that end up in `Warning: 299 - "…"` response headers. */
  readonly warnings: string[];
  readonly type: ResourceType;
}

/**
 * The per-kind rules of the write path (Kubernetes' `RESTCreateStrategy`/`RESTUpdateStrategy`). Every method works
 * on a fresh copy it may mutate.
 */
export interface KindStrategy {
  /** Whether objects carry `metadata.generation` (bumped on spec changes). */
  readonly hasGeneration: boolean;
  /** Whether PUT without `metadata.resourceVersion` is allowed (false for CRs and CRDs). */
  readonly allowUnconditionalUpdate: boolean;
  /** How `metadata.name` is validated. @default 'subdomain' */
  readonly nameRule?: NameRule;
  /** Refuses writes of this kind right now (e.g. CR creates while the CRD terminates). May throw an ApiError. */
  admit?(verb: 'create' | 'update', obj: KubeObject): void;
  /** Normalises a create body (defaults, folding, schema pruning). May throw an ApiError. */
  prepareForCreate?(obj: KubeObject, ctx: WriteContext): void;
  /** Normalises an update body given the stored object. May throw an ApiError. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: WriteContext): void;
  /** Kind-specific validation; `old` is undefined on create. */
  validate?(obj: KubeObject, old: KubeObject | undefined, ctx: WriteContext): FieldError[];
  /** Adjusts an object the first time a DELETE marks it (finalizers, phase, conditions). */
  beforeDelete?(obj: KubeObject): void;
  /** Finalizers beyond `metadata.finalizers` that hold deletion (Namespace `spec.finalizers`). */
  extraDeletionBlockers?(obj: KubeObject): readonly string[];
}

/** A column of a server-side Table. */
export interface PrinterColumn {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  readonly format?: string;
  readonly description: string;
  readonly priority: number;
  /** Computes the cell; `null` prints blank. */
  readonly cell: (obj: KubeObject, now: number) => unknown;
}

/** Converts between the served shape and the storage shape (events.k8s.io/v1 ↔ core/v1 Event). */
export interface ObjectConversion {
  toStorage(obj: KubeObject): KubeObject;
  fromStorage(obj: KubeObject): KubeObject;
}

/** One served resource of one group-version. */
export interface ResourceType {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly singular: string;
  readonly kind: string;
  readonly listKind: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly Verb[];
  /** Subresources, e.g. `status`, `token`, `finalize`. */
  readonly subresources: readonly string[];
  /** Objects of every type with the same key share one storage bucket (one per group-resource). */
  readonly storageKey: string;
  /** Built-in (typed) kinds accept strategic merge patch; custom resources do not. */
  readonly builtin: boolean;
  readonly strategy: KindStrategy;
  readonly columns: readonly PrinterColumn[];
  /** Field-selector labels beyond metadata.name/metadata.namespace, with how to read each. */
  readonly fieldLabels: Readonly<Record<string, (obj: KubeObject) => string | undefined>>;
  readonly conversion?: ObjectConversion;
  /** For custom resources: the owning CRD's name. */
  readonly crdName?: string;
  /** For create-only virtual kinds (TokenReview, access reviews): computes the reply instead of storing. */
  readonly virtualCreate?: (body: KubeObject) => KubeObject | Promise<KubeObject>;
}

/** `group/version`, or `version` for the core group. */
export function groupVersion(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** True when the type has the given subresource. */
export function hasSubresource(t: ResourceType, sub: string): boolean {
  return t.subresources.includes(sub);
}
