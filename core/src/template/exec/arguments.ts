/** Argument evaluation and Go's assignability checks (exec.go's evalArg and validateType). */
import type { ArgNode, FieldNode, NumberNode } from '../parse/ast.js';
import { GoInt, type GoValue, canBeNil, typeOf } from '../value/go-value.js';
import { MISSING, evalChain, evalFieldChain, evalFunction, evalPipeline, evalVariable } from './evaluate.js';
import type { ExecState } from './state.js';

const INT_TYPES = new Set(['int', 'int8', 'int16', 'int32', 'int64']);
const UINT_TYPES = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64']);
/** Named Go types whose underlying kind is string: literals convert, computed strings do not. */
const NAMED_STRING_TYPES = new Set(['sprig.HashAlgorithm']);

/** An untyped number constant given no type context (Go's idealConstant). */
export function idealConstant(s: ExecState, n: NumberNode): GoValue {
  s.at(n);
  const isHexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
  if (n.isFloat && !isHexInt && n.text[0] !== "'" && /[.eEpP]/.test(n.text)) return n.float64;
  if (n.isInt) return new GoInt('int', n.int64);
  if (n.isUint) s.fail(`${n.text} overflows int`);
  return null;
}

/**
 * Checks that a computed value may be passed as a parameter of Go type `t` (Go's validateType).
 * `typedNil` marks a nil that Go holds as an `interface {}` value (a map element or a function
 * result) rather than an untyped nil: Go refuses it for map, slice and pointer parameters.
 */
export function validateType(s: ExecState, value: GoValue, t: string | undefined, typedNil = false): GoValue {
  if (value === null) {
    if (typedNil && t !== undefined && t !== 'interface {}' && t !== 'reflect.Value') {
      return s.fail(`wrong type for value; expected ${t}; got interface {}`);
    }
    if (t === undefined || canBeNil(t)) return null;
    return s.fail(`invalid value; expected ${t}`);
  }
  if (t === undefined || t === 'interface {}' || t === 'reflect.Value') return value;
  const vt = typeOf(value);
  if (vt === t) return value;
  return s.fail(`wrong type for value; expected ${t}; got ${vt}`);
}

/** Evaluates an argument node for a parameter of Go type `t` (Go's evalArg). */
export function evalArg(s: ExecState, dot: GoValue, t: string | undefined, n: ArgNode): GoValue {
  s.at(n);
  switch (n.kind) {
    case 'dot':
      return validateType(s, dot, t, s.dotTypedNil);
    case 'nil':
      if (t !== undefined && canBeNil(t)) return null;
      return s.fail(`cannot assign nil to ${t}`);
    case 'field':
      return validateType(s, evalFieldChain(s, dot, dot, n, n.ident, [n as FieldNode], MISSING), t, true);
    case 'variable':
      return validateType(
        s,
        evalVariable(s, dot, n, null, MISSING),
        t,
        n.ident.length > 1 || s.varTypedNil(n.ident[0]),
      );
    case 'pipe':
      return validateType(s, evalPipeline(s, dot, n), t);
    case 'identifier':
      return validateType(s, evalFunction(s, dot, n, n, null, MISSING), t, true);
    case 'chain':
      return validateType(s, evalChain(s, dot, n, [], MISSING), t, true);
  }
  return evalLiteral(s, t, n);
}

function evalLiteral(s: ExecState, t: string | undefined, n: ArgNode): GoValue {
  if (t === 'interface {}' || t === 'reflect.Value' || t === undefined) {
    switch (n.kind) {
      case 'bool':
        return n.value;
      case 'number':
        return idealConstant(s, n);
      case 'string':
        return n.text;
    }
  } else if (t === 'bool') {
    if (n.kind === 'bool') return n.value;
    return s.fail(`expected bool; found ${literalText(n)}`);
  } else if (t === 'string' || NAMED_STRING_TYPES.has(t)) {
    if (n.kind === 'string') return n.text;
    return s.fail(`expected string; found ${literalText(n)}`);
  } else if (t === 'float64' || t === 'float32') {
    if (n.kind === 'number' && n.isFloat) return n.float64;
    return s.fail(`expected float; found ${literalText(n)}`);
  } else if (INT_TYPES.has(t)) {
    if (n.kind === 'number' && n.isInt) return new GoInt(t as GoInt['type'], n.int64);
    return s.fail(`expected integer; found ${literalText(n)}`);
  } else if (UINT_TYPES.has(t)) {
    if (n.kind === 'number' && n.isUint) return new GoInt(t as GoInt['type'], n.uint64);
    return s.fail(`expected unsigned integer; found ${literalText(n)}`);
  }
  return s.fail(`can't handle ${literalText(n)} for arg of type ${t}`);
}

function literalText(n: ArgNode): string {
  switch (n.kind) {
    case 'bool':
      return String(n.value);
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    default:
      return n.kind;
  }
}
