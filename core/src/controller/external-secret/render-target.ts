/**
 * Step: compute the target Secret's desired data, labels, annotations and type (ESO B.11), given
 * the provider data and the Secret as it exists.
 *
 * Data precedence, highest first: `template.data`, `templateFrom` (both rendered by the
 * {@link TemplateRenderer}), provider data — included when `mergePolicy: Merge` or when the
 * template has neither data nor templateFrom — and, for creationPolicy Merge / CreateOrMerge only,
 * the existing Secret's other keys. Keys this ExternalSecret wrote before are dropped first, so a key
 * removed from the spec disappears from the Secret.
 *
 * Metadata: labels and annotations this ExternalSecret wrote before are removed, then the template's
 * (rendered) labels and annotations are added — or, without a template, the ExternalSecret's own.
 * Labels and annotations written by anyone else are kept.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { SecretObject } from '../../kube/kube-port.js';
import { copyMap, fromWireData, setEntry, type ByteMap } from './byte-map.js';
import type { ExternalSecretSettings } from './load.js';
import { readManagedFields, type ManagedFields } from './managed-fields.js';
import type { TemplateRenderer } from './template-renderer.js';

/** The Secret as this ExternalSecret wants it, before bookkeeping (labels, hash, owner) is added. */
export interface DesiredTarget {
  /** The complete data map. */
  readonly data: ByteMap;
  /** Complete labels and annotations (other writers' entries kept). */
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  /** Secret type; undefined keeps the API default (Opaque) for a new Secret. */
  readonly type?: string;
  /** Finalizers the template asks for (added to the existing ones). */
  readonly finalizers: readonly string[];
  /** What this ExternalSecret wrote, recorded for the next reconcile. */
  readonly managed: ManagedFields;
}

/** Options of {@link renderTarget}. */
export interface RenderTargetOptions {
  readonly es: ExternalSecret;
  readonly settings: ExternalSecretSettings;
  /** Provider data after decoding, conversion and rewrites. */
  readonly providerData: Readonly<ByteMap>;
  /** The target Secret as it exists, undefined when it does not. */
  readonly existing: SecretObject | undefined;
  readonly renderer: TemplateRenderer;
}

/** A copy of `map` without `keys` (built by skipping them, not by deleting, which makes V8 objects slow). */
function without<T>(map: Readonly<Record<string, T>>, keys: readonly string[]): Record<string, T> {
  if (keys.length === 0) return copyMap(map);
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(map)) if (!keys.includes(key)) setEntry(out, key, value);
  return out;
}

function overlay<T>(...maps: Readonly<Record<string, T>>[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const map of maps) for (const [key, value] of Object.entries(map)) setEntry(out, key, value);
  return out;
}

interface Ours {
  readonly data: ByteMap;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly type?: string;
  readonly finalizers: readonly string[];
}

async function ourContribution(options: RenderTargetOptions): Promise<Ours> {
  const { es, providerData, existing, renderer } = options;
  const template = es.spec.target?.template;
  if (!template) {
    return {
      data: copyMap(providerData),
      labels: { ...(es.metadata.labels ?? {}) },
      annotations: { ...(es.metadata.annotations ?? {}) },
      type: existing?.type,
      finalizers: [],
    };
  }
  const rendered = await renderer.render({
    template,
    namespace: es.metadata.namespace ?? '',
    data: providerData,
  });
  const hasTemplates =
    Object.keys(template.data ?? {}).length > 0 || (template.templateFrom ?? []).length > 0;
  const includeProvider = template.mergePolicy === 'Merge' || !hasTemplates;
  return {
    data: overlay(includeProvider ? providerData : {}, rendered.data),
    labels: rendered.labels,
    annotations: rendered.annotations,
    type: template.type ?? existing?.type,
    finalizers: template.metadata?.finalizers ?? [],
  };
}

/** Computes the desired target; see the module comment for the precedence rules. */
export async function renderTarget(options: RenderTargetOptions): Promise<DesiredTarget> {
  const { es, settings, existing } = options;
  const previous = readManagedFields(existing?.metadata.annotations, es.metadata.name ?? '');
  const keepsOthers = settings.creationPolicy === 'Merge' || settings.creationPolicy === 'CreateOrMerge';
  const base = keepsOthers ? without(fromWireData(existing?.data), previous.data) : {};
  const ours = await ourContribution(options);
  return {
    data: overlay(base, ours.data),
    labels: overlay(without(existing?.metadata.labels ?? {}, previous.labels), ours.labels),
    annotations: overlay(
      without(existing?.metadata.annotations ?? {}, previous.annotations),
      ours.annotations,
    ),
    type: ours.type,
    finalizers: ours.finalizers,
    managed: {
      data: Object.keys(ours.data),
      labels: Object.keys(ours.labels),
      annotations: Object.keys(ours.annotations),
    },
  };
}
