/**
 * The seam where the template engine plugs into the ExternalSecret reconcile. `render-target.ts`
 * owns ESO's precedence rules (B.11) and `transform-data.ts` owns rewrite order; a
 * {@link TemplateRenderer} only renders. The engine's renderer is `EngineTemplateRenderer`, which
 * `externalSecretRegistration` wires by default; {@link literalTemplateRenderer} (the reconciler's
 * own default, for tests) accepts templates that need no rendering and refuses the rest.
 */
import type { ExternalSecretTemplate } from '../../api/v1/index.js';
import { TesseraError } from '../../provider/errors.js';
import type { ByteMap } from './byte-map.js';

/** What the engine renders for one target Secret. */
export interface TemplateRenderRequest {
  readonly template: ExternalSecretTemplate;
  /** Namespace of the ExternalSecret: where `templateFrom` ConfigMaps and Secrets are read. */
  readonly namespace: string;
  /** Template context: the provider data after decoding and rewrites (secretKey → bytes). */
  readonly data: Readonly<ByteMap>;
}

/** The engine's output. Precedence inside each map is the engine's job: `template.data` beats `templateFrom`. */
export interface RenderedTemplate {
  /** `template.data` and `templateFrom` items targeting Data. */
  readonly data: ByteMap;
  /** `template.metadata.labels` (values rendered) and `templateFrom` items targeting Labels. */
  readonly labels: Record<string, string>;
  /** `template.metadata.annotations` (values rendered) and `templateFrom` items targeting Annotations. */
  readonly annotations: Record<string, string>;
}

/**
 * Renders ExternalSecret templates. Implementations are pure apart from reading `templateFrom`
 * sources, and never put secret values into error messages.
 */
export interface TemplateRenderer {
  /** Renders `target.template`. Throws a typed error naming the template on failure. */
  render(request: TemplateRenderRequest): Promise<RenderedTemplate>;
  /** Renders a `rewrite.transform` template for one key (`.value` = the key) and returns the new key. */
  renderKey(template: string, key: string): Promise<string>;
}

/** A template needs the engine and none is wired. Retried like other template errors. */
export class TemplateEngineUnavailableError extends TesseraError {
  readonly reason = 'TemplateError';
}

const LOOKS_LIKE_TEMPLATE = /\{\{/;

function literalMap(
  map: Readonly<Record<string, string>> | undefined,
  where: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(map ?? {})) {
    if (LOOKS_LIKE_TEMPLATE.test(value)) unavailable(`${where}.${key}`);
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function unavailable(where: string): never {
  throw new TemplateEngineUnavailableError(
    `${where} needs the template engine, which is not available in this build; remove the template or upgrade Tessera`,
  );
}

/** The renderer used until the engine is wired: literal metadata only, no data templates. */
export const literalTemplateRenderer: TemplateRenderer = {
  async render({ template }) {
    if (template.data && Object.keys(template.data).length > 0) unavailable('spec.target.template.data');
    if (template.templateFrom && template.templateFrom.length > 0)
      unavailable('spec.target.template.templateFrom');
    return {
      data: {},
      labels: literalMap(template.metadata?.labels, 'spec.target.template.metadata.labels'),
      annotations: literalMap(template.metadata?.annotations, 'spec.target.template.metadata.annotations'),
    };
  },
  async renderKey() {
    return unavailable('spec.dataFrom[].rewrite[].transform');
  },
};
