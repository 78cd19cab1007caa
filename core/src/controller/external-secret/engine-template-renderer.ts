/**
 * The {@link TemplateRenderer} backed by Tessera's Go text/template engine (ESO's v2 engine).
 *
 * `render` follows ESO's `ApplyTemplate` (B.11): `templateFrom` in order, then `template.data`
 * (which therefore wins), then `metadata.labels` and `.annotations`, whose values are templates too.
 * The template context is ESO's: a `map[string]string` of Secret key → value, values being Go byte
 * strings (binary data survives). `missingkey=error`, ESO's function set, and the engine's limits
 * (output size, steps, nesting) apply to every template. Precedence against provider data and
 * existing keys is `render-target.ts`'s job.
 *
 * `renderKey` renders `rewrite[].transform` with `.value` = the key, as ESO does (Go's default
 * `missingkey`, so a missing field prints `<no value>`).
 *
 * Templates are compiled once per (name, source text) and reused across refreshes. Every rendered
 * data value is registered with the redactor (a template may reshape a secret beyond recognition).
 */
import type { ExternalSecretTemplate } from '../../api/v1/index.js';
import { TemplateError, type TemplateLimitNames, type TemplateLimits } from '../../template/index.js';
import { toTemplateData } from '../../template/value/convert.js';
import type { ByteMap } from './byte-map.js';
import { applyToTarget, renderTemplateFrom, type RenderedMaps } from './render-template-from.js';
import { TemplateCompileCache } from './template-compile-cache.js';
import { TemplateParseError, TemplateRenderError, TemplateSpecError } from './template-render-errors.js';
import type { RenderedTemplate, TemplateRenderRequest, TemplateRenderer } from './template-renderer.js';
import type { TemplateSourceReader } from './template-sources.js';
import type { SecretValueSink } from './transform-data.js';

/** Options of {@link EngineTemplateRenderer}. */
export interface EngineTemplateRendererOptions {
  /** Reads `templateFrom` ConfigMaps and Secrets. @default none: such entries fail with a clear error */
  readonly sources?: TemplateSourceReader;
  /** Engine limits for every template. @default the engine's (1 MiB output, 1,000,000 steps, depth 100) */
  readonly limits?: TemplateLimits;
  /** What limit errors tell the user to raise (the operator names its flags). @default `limits.maxDepth`… */
  readonly limitNames?: TemplateLimitNames;
  /** ESO's `--template-left-delimiter` / `--template-right-delimiter`. @default '{{' / '}}' */
  readonly leftDelim?: string;
  readonly rightDelim?: string;
  /** Receives every rendered data value, for log redaction. @default none */
  readonly values?: SecretValueSink;
  /** Clock for `now` and the date functions. @default the system clock */
  readonly now?: () => Date;
}

const TEMPLATE = 'spec.target.template';

function quoted(key: string): string {
  return JSON.stringify(key);
}

/** Turns an engine failure into a typed error naming the field; never includes data. */
function asRenderError(error: unknown, field: string): Error {
  if (error instanceof TemplateError) {
    const message = `${field}: ${error.message}`;
    return error.details.phase === 'parse'
      ? new TemplateParseError(message, { cause: error })
      : new TemplateRenderError(message, { cause: error });
  }
  if (error instanceof TemplateSpecError || error instanceof TemplateRenderError) return error;
  const kind = error instanceof Error ? error.name : typeof error;
  return new TemplateRenderError(`${field}: the template engine failed unexpectedly (${kind})`);
}

/** See the module comment. */
export class EngineTemplateRenderer implements TemplateRenderer {
  private readonly targetTemplates: TemplateCompileCache;
  private readonly transforms: TemplateCompileCache;

  constructor(private readonly options: EngineTemplateRendererOptions = {}) {
    const compile = {
      limits: options.limits,
      limitNames: options.limitNames,
      leftDelim: options.leftDelim,
      rightDelim: options.rightDelim,
      now: options.now,
    };
    this.targetTemplates = new TemplateCompileCache({ compile: { ...compile, missingKey: 'error' } });
    this.transforms = new TemplateCompileCache({
      compile: {
        limits: options.limits,
        limitNames: options.limitNames,
        now: options.now,
        missingKey: 'default',
      },
    });
  }

  /** Templates compiled so far (cache misses), for tests and diagnostics. */
  get compiles(): number {
    return this.targetTemplates.compiles + this.transforms.compiles;
  }

  async render(request: TemplateRenderRequest): Promise<RenderedTemplate> {
    const { template, namespace, data } = request;
    checkEngineVersion(template);
    // converted once into Go's map[string]string, then shared by every template of this render
    const context = toTemplateData(new Map(Object.entries(data)));
    const run = (field: string, name: string, source: string | Uint8Array): Uint8Array => {
      try {
        return this.targetTemplates.get(name, source).executeToBuffer(context);
      } catch (error) {
        throw asRenderError(error, field);
      }
    };
    const out: RenderedMaps = { data: {}, labels: {}, annotations: {} };
    const items = template.templateFrom ?? [];
    await renderTemplateFrom({ items, namespace, sources: this.options.sources, run, out });
    renderMap(template.data, `${TEMPLATE}.data`, run, (key, value) => applyToTarget(out, 'data', key, value));
    const { labels, annotations } = template.metadata ?? {};
    renderMap(labels, `${TEMPLATE}.metadata.labels`, run, (k, v) => applyToTarget(out, 'labels', k, v));
    renderMap(annotations, `${TEMPLATE}.metadata.annotations`, run, (k, v) =>
      applyToTarget(out, 'annotations', k, v),
    );
    this.register(out.data);
    return out;
  }

  async renderKey(template: string, key: string): Promise<string> {
    const field = `rewrite.transform (key ${quoted(key)})`;
    try {
      return this.transforms.get('transform', template).execute({ value: key });
    } catch (error) {
      throw asRenderError(error, field);
    }
  }

  private register(data: Readonly<ByteMap>): void {
    for (const value of Object.values(data)) this.options.values?.register(value);
  }
}

function checkEngineVersion(template: ExternalSecretTemplate): void {
  const version = template.engineVersion ?? 'v2';
  if (version !== 'v2') {
    throw new TemplateSpecError(
      `${TEMPLATE}.engineVersion "${String(version)}" is not supported: ESO removed the v1 engine; use v2 (see ESO's migration guide)`,
    );
  }
}

function renderMap(
  map: Readonly<Record<string, string>> | undefined,
  field: string,
  run: (field: string, name: string, source: string) => Uint8Array,
  store: (key: string, value: Uint8Array) => void,
): void {
  for (const [key, source] of Object.entries(map ?? {}))
    store(key, run(`${field}[${quoted(key)}]`, key, source));
}
