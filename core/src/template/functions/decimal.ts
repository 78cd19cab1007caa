/** The slice of shopspring/decimal that sprig's float maths uses (addf, subf, mulf, divf). */
import { FuncError } from '../exec/func-spec.js';

/** value × 10^exp */
export interface Dec {
  readonly value: bigint;
  readonly exp: number;
}

const DIVISION_PRECISION = 16;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** decimal.NewFromFloat: the shortest decimal that round-trips. */
export function fromFloat(f: number): Dec {
  if (!Number.isFinite(f)) throw new FuncError('cannot create a decimal from NaN or an infinity');
  if (f === 0) return { value: 0n, exp: 0 };
  const s = Math.abs(f).toExponential();
  const [mant, e] = s.split('e');
  const digits = mant.replace('.', '');
  const value = BigInt(digits) * (f < 0 ? -1n : 1n);
  return { value, exp: Number(e) - (digits.length - 1) };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  if (a.exp === b.exp) return [a.value, b.value, a.exp];
  if (a.exp < b.exp) return [a.value, b.value * pow10(b.exp - a.exp), a.exp];
  return [a.value * pow10(a.exp - b.exp), b.value, b.exp];
}

export function add(a: Dec, b: Dec): Dec {
  const [x, y, exp] = align(a, b);
  return { value: x + y, exp };
}

export function sub(a: Dec, b: Dec): Dec {
  const [x, y, exp] = align(a, b);
  return { value: x - y, exp };
}

export function mul(a: Dec, b: Dec): Dec {
  return { value: a.value * b.value, exp: a.exp + b.exp };
}

function cmp(a: Dec, b: Dec): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** decimal.Div: DivRound to 16 places, as shopspring computes it. */
export function div(d: Dec, d2: Dec): Dec {
  if (d2.value === 0n) throw new FuncError('decimal division by 0');
  const precision = DIVISION_PRECISION;
  const scale = -precision;
  const e = d.exp - d2.exp - scale;
  let aa: bigint;
  let bb: bigint;
  let scaleRest: number;
  if (e < 0) {
    aa = d.value;
    bb = d2.value * pow10(-e);
    scaleRest = d.exp;
  } else {
    aa = d.value * pow10(e);
    bb = d2.value;
    scaleRest = scale + d2.exp;
  }
  const q: Dec = { value: aa / bb, exp: scale };
  const r: Dec = { value: aa % bb, exp: scaleRest };
  const r2: Dec = { value: abs(r.value) * 2n, exp: r.exp + precision };
  if (cmp(r2, { value: abs(d2.value), exp: d2.exp }) < 0) return q;
  const unit: Dec = { value: 1n, exp: -precision };
  const negative = d.value < 0n !== d2.value < 0n && d.value !== 0n;
  return negative ? sub(q, unit) : add(q, unit);
}

/** decimal.Float64: the nearest float64. */
export function toFloat(d: Dec): number {
  if (d.value === 0n) return 0;
  return Number(`${d.value}e${d.exp}`);
}
