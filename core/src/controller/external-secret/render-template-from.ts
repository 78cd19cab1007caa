/**
 * `target.template.templateFrom[]` (ESO B.11 step 5), in list order; within one entry the ConfigMap,
 * then the Secret, then the literal, as ESO's parser does:
 * - `configMap` / `secret` items read the key from the object in the ExternalSecret's namespace;
 *   `templateAs: Values` renders it and stores the output under the item's key, `KeysAndValues`
 *   renders it and stores every entry of the YAML map it yields;
 * - `literal` always renders as KeysAndValues;
 * - `target` (`Data`, `Labels`, `Annotations`, any case) chooses where the output goes;
 * - `valuesDecodingStrategy` decodes each output value before it is stored.
 */
import type { TemplateFrom } from '../../api/v1/index.js';
import { setEntry, type ByteMap } from './byte-map.js';
import { decodeValue } from './decoding.js';
import { parseKeysAndValues } from './template-keys-and-values.js';
import { TemplateSourceError, TemplateSpecError } from './template-render-errors.js';
import type { TemplateSourceKind, TemplateSourceReader } from './template-sources.js';

/** Where rendered output goes (the renderer's result under construction). */
export interface RenderedMaps {
  readonly data: ByteMap;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
}

/** Runs one template; errors name `field` and the template `name`. */
export type RunTemplate = (field: string, name: string, source: string | Uint8Array) => Uint8Array;

/** Options of {@link renderTemplateFrom}. */
export interface RenderTemplateFromOptions {
  readonly items: readonly TemplateFrom[];
  /** The ExternalSecret's namespace: where ConfigMaps and Secrets are read. */
  readonly namespace: string;
  /** @default none: configMap/secret entries fail with a clear error */
  readonly sources?: TemplateSourceReader;
  readonly run: RunTemplate;
  readonly out: RenderedMaps;
}

type Target = 'data' | 'labels' | 'annotations';

/** Stores one rendered value under `key` in `target`. */
export function applyToTarget(out: RenderedMaps, target: Target, key: string, value: Uint8Array): void {
  if (target === 'data') setEntry(out.data, key, value);
  else setEntry(out[target], key, Buffer.from(value).toString('utf8'));
}

function targetOf(item: TemplateFrom, field: string): Target {
  const target = (item.target ?? 'Data').toLowerCase();
  if (target === 'data' || target === 'labels' || target === 'annotations') return target;
  throw new TemplateSpecError(
    `${field}.target "${item.target}" is not allowed for a Secret target; use Data, Annotations or Labels`,
  );
}

interface Scope {
  readonly options: RenderTemplateFromOptions;
  readonly item: TemplateFrom;
  readonly field: string;
  readonly target: Target;
}

function store(scope: Scope, key: string, value: Uint8Array, what: string): void {
  const decoded = decodeValue(scope.item.valuesDecodingStrategy, value, what);
  applyToTarget(scope.options.out, scope.target, key, decoded);
}

function renderKeysAndValues(scope: Scope, field: string, name: string, source: string | Uint8Array): void {
  const rendered = scope.options.run(field, name, source);
  for (const [key, value] of parseKeysAndValues(rendered, `${field} (template "${name}")`))
    store(scope, key, new Uint8Array(Buffer.from(value, 'utf8')), `${field} key "${key}"`);
}

async function renderObjectItems(scope: Scope, kind: TemplateSourceKind): Promise<void> {
  const ref = kind === 'ConfigMap' ? scope.item.configMap : scope.item.secret;
  if (!ref) return;
  const field = `${scope.field}.${kind === 'ConfigMap' ? 'configMap' : 'secret'}`;
  const where = `${kind} "${scope.options.namespace}/${ref.name}"`;
  if (!scope.options.sources) {
    throw new TemplateSourceError(`${field}: ${where} cannot be read here; give it to the renderer`);
  }
  const content = await scope.options.sources.read({
    kind,
    namespace: scope.options.namespace,
    name: ref.name,
  });
  if (!content) throw new TemplateSourceError(`${field}: ${where} was not found; create it or fix the name`);
  for (const item of ref.items) {
    const source = Object.hasOwn(content.data, item.key) ? content.data[item.key] : undefined;
    if (source === undefined)
      throw new TemplateSourceError(
        `${field}: ${where} has no key "${item.key}"; add the key or fix the item`,
      );
    const itemField = `${field} key "${item.key}"`;
    const templateAs = item.templateAs ?? 'Values';
    if (templateAs === 'Values')
      store(scope, item.key, scope.options.run(itemField, item.key, source), itemField);
    else if (templateAs === 'KeysAndValues') renderKeysAndValues(scope, itemField, item.key, source);
    else
      throw new TemplateSpecError(
        `${itemField}: templateAs "${String(templateAs)}" is not Values or KeysAndValues`,
      );
  }
}

/** Renders every `templateFrom` entry into `options.out`; see the module comment. */
export async function renderTemplateFrom(options: RenderTemplateFromOptions): Promise<void> {
  for (const [index, item] of options.items.entries()) {
    const field = `spec.target.template.templateFrom[${index}]`;
    const scope: Scope = { options, item, field, target: targetOf(item, field) };
    await renderObjectItems(scope, 'ConfigMap');
    await renderObjectItems(scope, 'Secret');
    if (item.literal !== undefined) renderKeysAndValues(scope, `${field}.literal`, 'literal', item.literal);
  }
}
