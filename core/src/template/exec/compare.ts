/** Go text/template comparison functions (eq, ne, lt, le, gt, ge) with Go's kind rules. */
import { GoInt, type GoValue, isGoObject } from '../value/go-value.js';
import { FuncError } from './func-spec.js';

type BasicKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: GoValue): BasicKind {
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
  }
  if (v instanceof GoInt) return v.unsigned ? 'uint' : 'int';
  return 'invalid';
}

const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

function intOf(v: GoValue): bigint {
  return (v as GoInt).value;
}

function eqOne(a: GoValue, b: GoValue): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return intOf(a) === intOf(b);
    if (a !== null && b !== null) throw new FuncError(INCOMPATIBLE);
    return false;
  }
  switch (k1) {
    case 'int':
    case 'uint':
      return intOf(a) === intOf(b);
    case 'invalid':
      return eqComposite(a, b);
    default:
      return a === b;
  }
}

/** Non-basic values: nil compares with anything; comparable structs compare; others fail. */
function eqComposite(a: GoValue, b: GoValue): boolean {
  if (a === null || b === null) return a === b;
  const ka = isGoObject(a) ? a.goKind : 'other';
  const kb = isGoObject(b) ? b.goKind : 'other';
  if (isGoObject(a) && isGoObject(b) && ka === kb) {
    if (a.goType !== b.goType) return false;
    if (a.goKind === 'ptr') return a === b;
    if (a.equals) return a.equals(b);
  }
  if (ka !== kb) throw new FuncError('non-comparable types');
  throw new FuncError('non-comparable type');
}

/** eq arg1 arg2...: true when arg1 equals any of the others. */
export function eq(args: GoValue[]): boolean {
  const [first, ...rest] = args;
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  return rest.some((b) => eqOne(first, b));
}

/** lt with Go's rules: ints, uints, floats and strings only, same kind. */
export function lt(a: GoValue, b: GoValue): boolean {
  const k1 = basicKind(a);
  if (k1 === 'invalid') throw new FuncError(BAD_TYPE);
  const k2 = basicKind(b);
  if (k2 === 'invalid') throw new FuncError(BAD_TYPE);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return intOf(a) < intOf(b);
    if (k1 === 'uint' && k2 === 'int') return intOf(b) >= 0n && intOf(a) < intOf(b);
    throw new FuncError(INCOMPATIBLE);
  }
  switch (k1) {
    case 'bool':
      throw new FuncError(BAD_TYPE);
    case 'int':
    case 'uint':
      return intOf(a) < intOf(b);
    case 'float':
      return (a as number) < (b as number);
    default:
      return (a as string) < (b as string);
  }
}

/** le = lt or eq. */
export function le(a: GoValue, b: GoValue): boolean {
  return lt(a, b) || eqOne(a, b);
}
