/**
 * Evaluation of pipelines, commands, fields, variables and function calls, following
 * text/template's exec.go (arguments and their type checks are in arguments.ts).
 */
import {
  type ArgNode,
  type ChainNode,
  type CommandNode,
  type IdentifierNode,
  type PipeNode,
  type VariableNode,
  nodeString,
} from '../parse/ast.js';
import { LimitExceeded } from '../limits.js';
import { TemplateError } from '../template-error.js';
import {
  GoMap,
  type GoMethod,
  type GoValue,
  isGoObject,
  isTrue,
  typeOf,
  zeroValue,
} from '../value/go-value.js';
import { FuncError, type FuncSpec } from './func-spec.js';
import type { ExecState } from './state.js';
import { evalArg, idealConstant, validateType } from './arguments.js';

/** Marks "no piped value" (Go's missingVal). */
export const MISSING: unique symbol = Symbol('missing');
/** A piped value, or MISSING. */
export type Final = GoValue | typeof MISSING;

/** Evaluates a pipeline, declaring or assigning its variables. */
export function evalPipeline(s: ExecState, dot: GoValue, pipe: PipeNode | null): GoValue {
  if (!pipe) return null;
  s.at(pipe);
  let value: Final = MISSING;
  for (const cmd of pipe.cmds) value = evalCommand(s, dot, cmd, value);
  const v = value === MISSING ? null : value;
  for (const variable of pipe.decl) {
    if (pipe.isAssign) s.setVar(variable.ident[0], v);
    else s.push(variable.ident[0], v);
  }
  return v;
}

function notAFunction(s: ExecState, args: readonly ArgNode[], final: Final): void {
  if (args.length > 1 || final !== MISSING)
    s.fail(`can't give argument to non-function ${nodeString(args[0])}`);
}

function evalCommand(s: ExecState, dot: GoValue, cmd: CommandNode, final: Final): GoValue {
  s.step();
  const first = cmd.args[0];
  switch (first.kind) {
    case 'field':
      s.at(first);
      return evalFieldChain(s, dot, dot, first, first.ident, cmd.args, final);
    case 'chain':
      return evalChain(s, dot, first, cmd.args, final);
    case 'identifier':
      return evalFunction(s, dot, first, cmd, cmd.args, final);
    case 'pipe':
      notAFunction(s, cmd.args, final);
      return evalPipeline(s, dot, first);
    case 'variable':
      return evalVariable(s, dot, first, cmd.args, final);
  }
  s.at(first);
  notAFunction(s, cmd.args, final);
  switch (first.kind) {
    case 'bool':
      return first.value;
    case 'dot':
      return dot;
    case 'nil':
      return s.fail('nil is not a command');
    case 'number':
      return idealConstant(s, first);
    case 'string':
      return first.text;
  }
}

export function evalChain(
  s: ExecState,
  dot: GoValue,
  chain: ChainNode,
  args: readonly ArgNode[],
  final: Final,
): GoValue {
  s.at(chain);
  if (chain.node.kind === 'nil') s.fail('indirection through explicit nil');
  const receiver = evalArg(s, dot, undefined, chain.node);
  return evalFieldChain(s, dot, receiver, chain, chain.field, args, final);
}

export function evalVariable(
  s: ExecState,
  dot: GoValue,
  v: VariableNode,
  args: readonly ArgNode[] | null,
  final: Final,
): GoValue {
  s.at(v);
  const value = s.varValue(v.ident[0]);
  if (v.ident.length === 1) {
    notAFunction(s, args ?? [], final);
    return value;
  }
  return evalFieldChain(s, dot, value, v, v.ident.slice(1), args, final);
}

export function evalFieldChain(
  s: ExecState,
  dot: GoValue,
  receiver: GoValue,
  node: ArgNode,
  ident: readonly string[],
  args: readonly ArgNode[] | null,
  final: Final,
): GoValue {
  const n = ident.length;
  for (let i = 0; i < n - 1; i++) receiver = evalField(s, dot, ident[i], node, null, MISSING, receiver);
  return evalField(s, dot, ident[n - 1], node, args, final, receiver);
}

function evalField(
  s: ExecState,
  dot: GoValue,
  name: string,
  node: ArgNode,
  args: readonly ArgNode[] | null,
  final: Final,
  receiver: GoValue,
): GoValue {
  // Go does not move the error position here: it stays on the last node evaluated.
  if (receiver === null) {
    if (s.shared.missingKey === 'error') s.fail(`nil data; no entry for key "${name}"`);
    return null;
  }
  const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
  if (isGoObject(receiver)) {
    const method = receiver.method?.(name);
    if (method) return evalCall(s, dot, method, name, node, args, final);
    const field = receiver.field?.(name);
    if (field !== undefined) {
      if (hasArgs) s.fail(`${name} has arguments but cannot be invoked as function`);
      return field;
    }
  } else if (receiver instanceof GoMap) {
    if (hasArgs) s.fail(`${name} is not a method but has arguments`);
    const v = receiver.entries.get(name);
    if (v !== undefined) return v;
    if (s.shared.missingKey === 'error') s.fail(`map has no entry for key "${name}"`);
    return s.shared.missingKey === 'zero' ? zeroValue(receiver.elemType) : null;
  }
  return s.fail(`can't evaluate field ${name} in type ${typeOf(receiver)}`);
}

/** Calls a named function; errors from the call point at `cmd` (the whole command), as in Go. */
export function evalFunction(
  s: ExecState,
  dot: GoValue,
  ident: IdentifierNode,
  cmd: ArgNode | CommandNode,
  args: readonly ArgNode[] | null,
  final: Final,
): GoValue {
  s.at(ident);
  const name = ident.name;
  const user = s.shared.funcs.get(name);
  const spec = user ?? s.shared.builtins.get(name);
  if (!spec) return s.fail(`"${name}" is not a defined function`);
  if (!user && (name === 'and' || name === 'or')) return evalAndOr(s, dot, name, args, final);
  return evalCall(s, dot, spec, name, cmd, args, final);
}

function evalAndOr(
  s: ExecState,
  dot: GoValue,
  name: string,
  args: readonly ArgNode[] | null,
  final: Final,
): GoValue {
  const operands = args ? args.slice(1) : [];
  const numIn = operands.length + (final === MISSING ? 0 : 1);
  if (numIn < 1) s.fail(`wrong number of args for ${name}: want at least 1 got ${numIn}`);
  let v: GoValue = null;
  for (const arg of operands) {
    v = evalArg(s, dot, 'reflect.Value', arg);
    if (isTrue(v) === (name === 'or')) return v;
  }
  if (final !== MISSING) v = final;
  return v;
}

/** Calls a function or method with argument nodes and an optional piped final value. */
export function evalCall(
  s: ExecState,
  dot: GoValue,
  spec: FuncSpec | GoMethod,
  name: string,
  node: ArgNode | CommandNode,
  args: readonly ArgNode[] | null,
  final: Final,
): GoValue {
  s.step();
  const operands = args ? args.slice(1) : [];
  const numIn = operands.length + (final === MISSING ? 0 : 1);
  const fixed = spec.params.length;
  if (spec.variadic !== undefined) {
    if (numIn < fixed)
      s.fail(`wrong number of args for ${name}: want at least ${fixed} got ${operands.length}`);
  } else if (numIn !== fixed) {
    s.fail(`wrong number of args for ${name}: want ${fixed} got ${numIn}`);
  }
  const argv: GoValue[] = [];
  let i = 0;
  for (; i < fixed && i < operands.length; i++) argv.push(evalArg(s, dot, spec.params[i], operands[i]));
  if (spec.variadic !== undefined) {
    for (; i < operands.length; i++) argv.push(evalArg(s, dot, spec.variadic, operands[i]));
  }
  if (final !== MISSING) {
    let t = spec.params[fixed - 1];
    if (spec.variadic !== undefined) t = numIn - 1 < fixed ? spec.params[numIn - 1] : spec.variadic;
    argv.push(validateType(s, final, t));
  }
  return safeCall(s, spec, name, node, argv);
}

function safeCall(
  s: ExecState,
  spec: FuncSpec | GoMethod,
  name: string,
  node: ArgNode | CommandNode,
  argv: GoValue[],
): GoValue {
  try {
    return spec.call(argv, s.shared.ctx);
  } catch (e) {
    if (e instanceof TemplateError) throw e;
    s.at(node);
    if (e instanceof LimitExceeded) return s.rethrow(e);
    if (e instanceof FuncError) return s.fail(`error calling ${name}: ${e.message}`);
    if (e instanceof RangeError && /call stack|Invalid string length|Invalid array length/.test(e.message)) {
      return s.fail(`error calling ${name}: resource limit reached`, 'limit');
    }
    return s.fail(`error calling ${name}: internal error (${e instanceof Error ? e.name : 'unknown'})`);
  }
}
