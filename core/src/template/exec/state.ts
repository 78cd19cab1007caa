/** Mutable state of one template execution: variables, output, budget and error reporting. */
import {
  type ArgNode,
  type CommandNode,
  type Node,
  type Tree,
  nodeString,
  statementString,
} from '../parse/ast.js';
import { LimitExceeded, type ResolvedLimitNames, type ResolvedLimits } from '../limits.js';
import { TemplateError, positionOf } from '../template-error.js';
import { bytesToUtf8 } from '../text/bytes.js';
import type { GoValue } from '../value/go-value.js';
import type { CallContext, FuncMap } from './func-spec.js';

/** How a missing map key is treated (Go's `missingkey` option). ESO uses `error`. */
export type MissingKeyMode = 'error' | 'default' | 'zero';

/** Everything shared by nested template calls of one execution. */
export interface ExecShared {
  readonly trees: ReadonlyMap<string, Tree>;
  readonly funcs: FuncMap;
  readonly builtins: FuncMap;
  readonly limits: ResolvedLimits;
  /** What limit errors tell the user to raise. */
  readonly limitNames: ResolvedLimitNames;
  readonly missingKey: MissingKeyMode;
  readonly topName: string;
  readonly ctx: CallContext;
  out: string[];
  outBytes: number;
  steps: number;
}

interface Variable {
  name: string;
  value: GoValue;
  /** The value is a nil held as `interface {}` (a range element), not an untyped nil. */
  typedNil?: boolean;
}

/** State of one (possibly nested) template invocation. */
export class ExecState {
  node: Node | ArgNode | CommandNode | null = null;
  vars: Variable[];
  /** Dot is a nil range element held as `interface {}` (Go refuses it for map/slice parameters). */
  dotTypedNil = false;

  constructor(
    readonly shared: ExecShared,
    readonly tree: Tree,
    dot: GoValue,
    readonly depth: number,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  at(node: Node | ArgNode | CommandNode): void {
    this.node = node;
  }

  /** Throws a TemplateError at the current node. `detail` must hold no data values. */
  fail(detail: string, phase: 'execute' | 'limit' = 'execute'): never {
    const n = this.node;
    const { line, column } = positionOf(this.tree.source, n ? n.pos : 0);
    let context: string | undefined;
    if (n) {
      const isStatement =
        'kind' in n &&
        [
          'action',
          'if',
          'range',
          'with',
          'template',
          'break',
          'continue',
          'text',
          'list',
          'comment',
        ].includes(n.kind);
      context = isStatement ? statementString(n as Node) : nodeString(n as ArgNode | CommandNode);
    }
    const executing = bytesToUtf8(this.tree.name);
    throw new TemplateError({
      template: this.shared.topName,
      line,
      column,
      phase,
      detail,
      context: context === undefined ? undefined : bytesToUtf8(context),
      executing: executing === this.shared.topName ? undefined : executing,
    });
  }

  /** Converts a LimitExceeded from a function into a positioned TemplateError. */
  rethrow(e: unknown): never {
    if (e instanceof LimitExceeded) this.fail(e.detail, 'limit');
    throw e;
  }

  step(): void {
    if (++this.shared.steps > this.shared.limits.maxSteps) {
      this.fail(
        `evaluation exceeded the limit of ${this.shared.limits.maxSteps} steps; ` +
          `the template may loop without end, or raise ${this.shared.limitNames.maxSteps}`,
        'limit',
      );
    }
  }

  write(text: string): void {
    if (text.length === 0) return;
    const total = this.shared.outBytes + text.length;
    if (total > this.shared.limits.maxOutputBytes) {
      this.fail(
        `output exceeds the limit of ${this.shared.limits.maxOutputBytes} bytes; ` +
          `shrink the template output or raise ${this.shared.limitNames.maxOutputBytes}`,
        'limit',
      );
    }
    this.shared.outBytes = total;
    this.shared.out.push(text);
  }

  mark(): number {
    return this.vars.length;
  }

  pop(mark: number): void {
    this.vars.length = mark;
  }

  push(name: string, value: GoValue): void {
    this.vars.push({ name, value });
  }

  setVar(name: string, value: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.fail(`undefined variable: ${name}`);
  }

  setTopVar(n: number, value: GoValue, typedNil = false): void {
    const v = this.vars[this.vars.length - n];
    v.value = value;
    v.typedNil = typedNil;
  }

  /** Whether a variable currently holds an interface-typed nil. */
  varTypedNil(name: string): boolean {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i].name === name) return this.vars[i].typedNil === true;
    return false;
  }

  varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) return this.vars[i].value;
    }
    return this.fail(`undefined variable: ${name}`);
  }
}
