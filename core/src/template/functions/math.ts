/** sprig numeric functions and conversions (spf13/cast semantics). */
import { FuncError, type FuncSpec, fn, variadicFn } from '../exec/func-spec.js';
import { sprint } from '../fmt/printer.js';
import { GoSlice, type GoValue } from '../value/go-value.js';
import { type Dec, add, div, fromFloat, mul, sub, toFloat } from './decimal.js';
import { A, I, S, int, int64, num, toFloat64, toInt64 } from './support.js';

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** strconv.Atoi with the error ignored (range errors clamp, syntax errors give 0). */
function atoi(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) return 0n;
  const v = BigInt(s);
  return v > INT64_MAX ? INT64_MAX : v < INT64_MIN ? INT64_MIN : v;
}

/** strconv.ParseInt(s, 8, 64) with errors as 0. */
function parseOctal(s: string): bigint {
  if (!/^[+-]?[0-7]+$/.test(s)) return 0n;
  const neg = s.startsWith('-');
  const v = BigInt('0o' + s.replace(/^[+-]/, ''));
  const r = neg ? -v : v;
  return r > INT64_MAX || r < INT64_MIN ? 0n : r;
}

function decimalOp(first: GoValue, rest: GoValue[], op: (a: Dec, b: Dec) => Dec): number {
  let acc = fromFloat(toFloat64(first));
  for (const x of rest) acc = op(acc, fromFloat(toFloat64(x)));
  return toFloat(acc);
}

/** sprig's untilStep. */
export function untilStep(
  start: number,
  stop: number,
  step: number,
  checkSize: (n: number) => void,
): number[] {
  const out: number[] = [];
  if (stop < start) {
    if (step >= 0) return out;
    checkSize(Math.ceil((start - stop) / -step));
    for (let i = start; i > stop; i += step) out.push(i);
    return out;
  }
  if (step <= 0) return out;
  checkSize(Math.ceil((stop - start) / step));
  for (let i = start; i < stop; i += step) out.push(i);
  return out;
}

function seq(params: number[], checkSize: (n: number) => void): string {
  const join = (xs: number[]): string => xs.join(' ');
  switch (params.length) {
    case 1: {
      const end = params[0];
      const inc = end < 1 ? -1 : 1;
      return join(untilStep(1, end + inc, inc, checkSize));
    }
    case 2: {
      const [start, end] = params;
      const step = end < start ? -1 : 1;
      return join(untilStep(start, end + step, step, checkSize));
    }
    case 3: {
      const [start, step, end] = params;
      let inc = 1;
      if (end < start) {
        inc = -1;
        if (step > 0) return '';
      }
      return join(untilStep(start, end + inc, step, checkSize));
    }
    default:
      return '';
  }
}

function intDiv(a: GoValue, b: GoValue, op: 'div' | 'mod'): GoValue {
  const x = toInt64(a);
  const y = toInt64(b);
  if (y === 0n) throw new FuncError('integer divide by zero');
  return int64(op === 'div' ? x / y : x % y);
}

function roundTo(a: GoValue, places: number, roundOn: number): number {
  const pow = 10 ** places;
  const digit = pow * toFloat64(a);
  const frac = digit - Math.trunc(digit);
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

/** The maths and conversion family. */
export const MATH_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['atoi', fn([S], ([v]) => int(atoi(v as string)))],
  ['int', fn([A], ([v]) => int(toInt64(v)))],
  ['int64', fn([A], ([v]) => int64(toInt64(v)))],
  ['float64', fn([A], ([v]) => toFloat64(v))],
  ['toDecimal', fn([A], ([v]) => int64(parseOctal(sprint([v]))))],
  ['add1', fn([A], ([v]) => int64(toInt64(v) + 1n))],
  ['add', variadicFn([], A, (args) => int64(args.reduce<bigint>((acc, x) => acc + toInt64(x), 0n)))],
  ['sub', fn([A, A], ([a, b]) => int64(toInt64(a) - toInt64(b)))],
  ['div', fn([A, A], ([a, b]) => intDiv(a, b, 'div'))],
  ['mod', fn([A, A], ([a, b]) => intDiv(a, b, 'mod'))],
  [
    'mul',
    variadicFn([A], A, ([a, ...rest]) =>
      int64(rest.reduce<bigint>((acc, x) => BigInt.asIntN(64, acc * toInt64(x)), toInt64(a))),
    ),
  ],
  ['add1f', fn([A], ([v]) => decimalOp(v, [int(1)], add))],
  ['addf', variadicFn([], A, (args) => decimalOp(0, args, add))],
  ['subf', variadicFn([A], A, ([a, ...rest]) => decimalOp(a, rest, sub))],
  ['divf', variadicFn([A], A, ([a, ...rest]) => decimalOp(a, rest, div))],
  ['mulf', variadicFn([A], A, ([a, ...rest]) => decimalOp(a, rest, mul))],
  [
    'biggest',
    variadicFn([A], A, ([a, ...rest]) =>
      int64(rest.map(toInt64).reduce((m, x) => (x > m ? x : m), toInt64(a))),
    ),
  ],
  [
    'max',
    variadicFn([A], A, ([a, ...rest]) =>
      int64(rest.map(toInt64).reduce((m, x) => (x > m ? x : m), toInt64(a))),
    ),
  ],
  [
    'min',
    variadicFn([A], A, ([a, ...rest]) =>
      int64(rest.map(toInt64).reduce((m, x) => (x < m ? x : m), toInt64(a))),
    ),
  ],
  [
    'maxf',
    variadicFn([A], A, ([a, ...rest]) => rest.map(toFloat64).reduce((m, x) => goMax(m, x), toFloat64(a))),
  ],
  [
    'minf',
    variadicFn([A], A, ([a, ...rest]) => rest.map(toFloat64).reduce((m, x) => goMin(m, x), toFloat64(a))),
  ],
  ['floor', fn([A], ([v]) => Math.floor(toFloat64(v)))],
  ['ceil', fn([A], ([v]) => Math.ceil(toFloat64(v)))],
  [
    'round',
    variadicFn([A, I], 'float64', ([a, p, ...opt]) =>
      roundTo(a, num(p), opt.length ? (opt[0] as number) : 0.5),
    ),
  ],
  [
    'until',
    fn([I], ([n], ctx) => {
      const count = num(n);
      return new GoSlice('int', untilStep(0, count, count < 0 ? -1 : 1, (x) => ctx.checkSize(x)).map(int));
    }),
  ],
  [
    'untilStep',
    fn(
      [I, I, I],
      ([a, b, c], ctx) =>
        new GoSlice('int', untilStep(num(a), num(b), num(c), (x) => ctx.checkSize(x)).map(int)),
    ),
  ],
  ['seq', variadicFn([], I, (args, ctx) => seq(args.map(num), (x) => ctx.checkSize(x)))],
]);

/** math.Max (NaN wins, +0 beats -0). */
function goMax(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  return Math.max(a, b);
}

/** math.Min */
function goMin(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  return Math.min(a, b);
}
