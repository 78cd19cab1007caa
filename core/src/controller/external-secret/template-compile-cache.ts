/**
 * Compiled templates keyed by name and source text, so a refresh (or a second ExternalSecret using
 * the same ConfigMap) does not parse again. Bounded by the total source size kept; the least
 * recently used templates go first. Parse failures are not kept.
 */
import { compileTemplate, type CompiledTemplate, type TemplateOptions } from '../../template/index.js';

/** Options of {@link TemplateCompileCache}. */
export interface TemplateCompileCacheOptions {
  /** Options for every compile except `name`. @default the engine's (ESO's functions, `missingkey=error`) */
  readonly compile?: Omit<TemplateOptions, 'name'>;
  /** Most source bytes kept. @default 8 MiB */
  readonly maxBytes?: number;
}

/** See the module comment. */
export class TemplateCompileCache {
  private readonly compiled = new Map<string, { template: CompiledTemplate; bytes: number }>();
  private keptBytes = 0;
  private readonly maxBytes: number;
  /** Compiles done (cache misses), for tests. */
  compiles = 0;

  constructor(private readonly options: TemplateCompileCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  }

  /**
   * The compiled template for `source` named `name`.
   * @throws TemplateError (phase `parse`) when it does not parse
   */
  get(name: string, source: string | Uint8Array): CompiledTemplate {
    const text = typeof source === 'string' ? source : Buffer.from(source).toString('latin1');
    const kind = typeof source === 'string' ? 's' : 'b';
    const key = `${kind}${name.length}:${name}\u0000${text}`;
    const hit = this.compiled.get(key);
    if (hit) {
      this.compiled.delete(key);
      this.compiled.set(key, hit);
      return hit.template;
    }
    this.compiles++;
    const template = compileTemplate(source, { ...this.options.compile, name });
    this.keep(key, template);
    return template;
  }

  private keep(key: string, template: CompiledTemplate): void {
    const bytes = key.length;
    if (bytes > this.maxBytes) return;
    this.compiled.set(key, { template, bytes });
    this.keptBytes += bytes;
    for (const [oldest, entry] of this.compiled) {
      if (this.keptBytes <= this.maxBytes) break;
      this.compiled.delete(oldest);
      this.keptBytes -= entry.bytes;
    }
  }
}
