/** Public entry points: compile a Go template once, execute it many times. */
import {
  type ResolvedLimitNames,
  type ResolvedLimits,
  type TemplateLimitNames,
  type TemplateLimits,
  resolveLimitNames,
  resolveLimits,
} from './limits.js';
import type { Tree } from './parse/ast.js';
import { parseTemplate } from './parse/parser.js';
import { BUILTINS } from './exec/builtins.js';
import { type FuncMap, makeCallContext } from './exec/func-spec.js';
import { ExecState, type MissingKeyMode } from './exec/state.js';
import { walk } from './exec/walk.js';
import { ESO_FUNCTIONS, describeUnknownFunction } from './functions/index.js';
import { TemplateError } from './template-error.js';
import { bufferToBytes, bytesToBuffer, bytesToUtf8, utf8ToBytes } from './text/bytes.js';
import { toTemplateData } from './value/convert.js';

/** Options for {@link compileTemplate}. */
export interface TemplateOptions {
  /** Name used in error messages; ESO names each template after its Secret key. @default 'template' */
  readonly name?: string;
  /** Resource limits; see {@link TemplateLimits} for the defaults. */
  readonly limits?: TemplateLimits;
  /** What limit errors tell the user to raise (e.g. an operator flag). @default the option names, `limits.maxDepth`… */
  readonly limitNames?: TemplateLimitNames;
  /** Action delimiters (ESO's --template-left/right-delimiter). @default '{{' and '}}' */
  readonly leftDelim?: string;
  readonly rightDelim?: string;
  /** Function table. @default ESO's: Go builtins + sprig (minus env/expandenv/getHostByName) + ESO's own */
  readonly functions?: FuncMap;
  /** Go's missingkey option. @default 'error' (what ESO sets) */
  readonly missingKey?: MissingKeyMode;
  /** Clock for `now` and the date functions. @default the system clock */
  readonly now?: () => Date;
}

/** Per-execution overrides. */
export interface ExecuteOptions {
  /** Limits for this execution. @default the limits the template was compiled with */
  readonly limits?: TemplateLimits;
}

/** A parsed template, safe to execute many times and concurrently. */
export interface CompiledTemplate {
  readonly name: string;
  /**
   * Renders with `data` (a record of Secret key → string/bytes becomes Go's map[string]string;
   * other data is converted like encoding/json) and decodes the output as UTF-8.
   * @throws TemplateError when execution fails or a limit is hit
   */
  execute(data: unknown, options?: ExecuteOptions): string;
  /** Like {@link execute} but returns the raw output bytes (Secret values may be binary). */
  executeToBuffer(data: unknown, options?: ExecuteOptions): Buffer;
}

/**
 * Parses a Go text/template.
 * @throws TemplateError (phase `parse`) naming the template, line and column
 */
export function compileTemplate(
  source: string | Uint8Array,
  options: TemplateOptions = {},
): CompiledTemplate {
  const name = options.name ?? 'template';
  const limits = resolveLimits(options.limits);
  const limitNames = resolveLimitNames(options.limitNames);
  const funcs = options.functions ?? ESO_FUNCTIONS;
  const bytes = typeof source === 'string' ? utf8ToBytes(source) : bufferToBytes(source);
  const trees = parseTemplate(bytes, {
    name: utf8ToBytes(name),
    leftDelim: options.leftDelim === undefined ? undefined : utf8ToBytes(options.leftDelim),
    rightDelim: options.rightDelim === undefined ? undefined : utf8ToBytes(options.rightDelim),
    hasFunction: (f) => funcs.has(f) || BUILTINS.has(f),
    unknownFunction: describeUnknownFunction,
    maxDepth: limits.maxDepth,
    maxDepthName: limitNames.maxDepth,
    displayName: name,
  });
  const now = options.now ?? (() => new Date());
  const run = (data: unknown, exec?: ExecuteOptions): string =>
    executeTrees(
      { trees, name, funcs, now, missingKey: options.missingKey ?? 'error', limitNames },
      data,
      exec?.limits ? resolveLimits({ ...limits, ...exec.limits }) : limits,
    );
  return {
    name,
    execute: (data, exec) => bytesToUtf8(run(data, exec)),
    executeToBuffer: (data, exec) => bytesToBuffer(run(data, exec)),
  };
}

interface Program {
  readonly trees: ReadonlyMap<string, Tree>;
  readonly name: string;
  readonly funcs: FuncMap;
  readonly now: () => Date;
  readonly missingKey: MissingKeyMode;
  readonly limitNames: ResolvedLimitNames;
}

function executeTrees(p: Program, data: unknown, limits: ResolvedLimits): string {
  const tree = p.trees.get(utf8ToBytes(p.name));
  if (!tree) {
    throw new TemplateError({
      template: p.name,
      line: 1,
      column: 0,
      phase: 'execute',
      detail: `"${p.name}" is an incomplete or empty template`,
    });
  }
  const dot = toTemplateData(data);
  const shared = {
    trees: p.trees,
    funcs: p.funcs,
    builtins: BUILTINS,
    limits,
    limitNames: p.limitNames,
    missingKey: p.missingKey,
    topName: p.name,
    ctx: makeCallContext(limits, p.now, p.limitNames),
    out: [] as string[],
    outBytes: 0,
    steps: 0,
  };
  const state = new ExecState(shared, tree, dot, 0);
  try {
    walk(state, dot, tree.root);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message))
      state.fail('evaluation nested too deeply', 'limit');
    throw e;
  }
  return shared.out.join('');
}

/**
 * Parses and executes a template in one call; returns the output decoded as UTF-8.
 * @throws TemplateError on parse or execution failure
 */
export function renderTemplate(source: string, data: unknown, options?: TemplateOptions): string {
  return compileTemplate(source, options).execute(data);
}

/** Like {@link renderTemplate} but returns raw bytes. */
export function renderTemplateToBuffer(
  source: string | Uint8Array,
  data: unknown,
  options?: TemplateOptions,
): Buffer {
  return compileTemplate(source, options).executeToBuffer(data);
}
