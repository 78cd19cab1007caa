/** text/template's predefined functions. `and`/`or` are evaluated lazily by the evaluator. */
import { sprint, sprintln } from '../fmt/printer.js';
import { sprintf } from '../fmt/sprintf.js';
import { GoInt, GoMap, GoSlice, type GoValue, isTrue, typeOf, zeroValue } from '../value/go-value.js';
import { eq, le, lt } from './compare.js';
import { htmlEscape, jsEscape, queryEscape } from './escapers.js';
import { FuncError, type FuncSpec, fn, variadicFn } from './func-spec.js';

const ANY = 'reflect.Value';

function indexArg(index: GoValue, cap: number): number {
  if (index === null) throw new FuncError('cannot index slice/array with nil');
  if (!(index instanceof GoInt)) throw new FuncError(`cannot index slice/array with type ${typeOf(index)}`);
  const x = index.value;
  if (x < 0n || x > BigInt(cap)) throw new FuncError(`index out of range: ${x}`);
  return Number(x);
}

function index(args: GoValue[]): GoValue {
  let item = args[0];
  if (item === null) throw new FuncError('index of untyped nil');
  for (const idx of args.slice(1)) {
    if (item === null) throw new FuncError('index of nil pointer');
    if (typeof item === 'string' || item instanceof GoSlice) {
      const len: number = typeof item === 'string' ? item.length : item.items.length;
      const x = indexArg(idx, len);
      if (x === len) throw new FuncError(`index out of range: ${x}`);
      item = typeof item === 'string' ? new GoInt('uint8', BigInt(item.charCodeAt(x))) : item.items[x];
    } else if (item instanceof GoMap) {
      if (idx === null) throw new FuncError('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new FuncError(`value has type ${typeOf(idx)}; should be string`);
      const v = item.entries.get(idx);
      item = v !== undefined ? v : zeroValue(item.elemType);
    } else {
      throw new FuncError(`can't index item of type ${typeOf(item)}`);
    }
  }
  return item;
}

function slice(args: GoValue[]): GoValue {
  const item = args[0];
  const idxs = args.slice(1);
  if (item === null) throw new FuncError('slice of untyped nil');
  if (idxs.length > 3) throw new FuncError(`too many slice indexes: ${idxs.length}`);
  let len: number;
  if (typeof item === 'string') {
    if (idxs.length === 3) throw new FuncError('cannot 3-index slice a string');
    len = item.length;
  } else if (item instanceof GoSlice) {
    len = item.items.length;
  } else {
    throw new FuncError(`can't slice item of type ${typeOf(item)}`);
  }
  const idx = [0, len, len];
  idxs.forEach((v, i) => (idx[i] = indexArg(v, len)));
  if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (idxs.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') return item.slice(idx[0], idx[1]);
  return new GoSlice(item.elemType, item.items.slice(idx[0], idx[1]));
}

function length(v: GoValue): GoValue {
  if (v === null) throw new FuncError('len of nil pointer');
  if (typeof v === 'string') return new GoInt('int', BigInt(v.length));
  if (v instanceof GoSlice) return new GoInt('int', BigInt(v.items.length));
  if (v instanceof GoMap) return new GoInt('int', BigInt(v.entries.size));
  throw new FuncError(`len of type ${typeOf(v)}`);
}

/** The escapers print their arguments like fmt.Sprint unless given exactly one string. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null ? '<no value>' : a)));
}

function checkWidths(format: string, ctx: { checkSize(n: number): void }): void {
  const re = /%[-+# 0]*(\d+)?(?:\.(\d+))?/g;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    ctx.checkSize(Number(m[1] ?? 0));
    ctx.checkSize(Number(m[2] ?? 0));
  }
}

/** The builtin function table. */
export const BUILTINS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['and', variadicFn([ANY], ANY, () => null)],
  ['or', variadicFn([ANY], ANY, () => null)],
  ['not', fn([ANY], ([v]) => !isTrue(v))],
  ['len', fn([ANY], ([v]) => length(v))],
  ['index', variadicFn([ANY], ANY, index)],
  ['slice', variadicFn([ANY], ANY, slice)],
  [
    'call',
    variadicFn([ANY], ANY, ([f]) => {
      throw new FuncError(f === null ? 'call of nil' : `non-function of type ${typeOf(f)}`);
    }),
  ],
  ['print', variadicFn([], 'interface {}', (args) => sprint(args))],
  ['println', variadicFn([], 'interface {}', (args) => sprintln(args))],
  [
    'printf',
    variadicFn(['string'], 'interface {}', ([format, ...rest], ctx) => {
      checkWidths(format as string, ctx);
      return sprintf(format as string, rest);
    }),
  ],
  ['html', variadicFn([], 'interface {}', (args) => htmlEscape(evalArgs(args)))],
  ['js', variadicFn([], 'interface {}', (args) => jsEscape(evalArgs(args)))],
  ['urlquery', variadicFn([], 'interface {}', (args) => queryEscape(evalArgs(args)))],
  ['eq', variadicFn([ANY], ANY, (args) => eq(args))],
  ['ne', fn([ANY, ANY], ([a, b]) => !eq([a, b]))],
  ['lt', fn([ANY, ANY], ([a, b]) => lt(a, b))],
  ['le', fn([ANY, ANY], ([a, b]) => le(a, b))],
  ['gt', fn([ANY, ANY], ([a, b]) => !le(a, b))],
  ['ge', fn([ANY, ANY], ([a, b]) => !lt(a, b))],
]);
