/** Go's time.Duration: String, ParseDuration and Round. */
import { FuncError } from '../exec/func-spec.js';

function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let out = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) out = String(digit) + out;
    v /= 10n;
  }
  return [print ? '.' + out : '', v];
}

/** time.Duration.String */
export function durationString(d: bigint): string {
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    let unit: string;
    let prec: number;
    if (u < 1000n) [unit, prec] = ['ns', 0];
    else if (u < 1_000_000n) [unit, prec] = ['µs', 3];
    else [unit, prec] = ['ms', 6];
    const [frac, rest] = fmtFrac(u, prec);
    out = String(rest) + frac + unit;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    u = secs;
    out = String(u % 60n) + frac + 's';
    u /= 60n;
    if (u > 0n) {
      out = String(u % 60n) + 'm' + out;
      u /= 60n;
      if (u > 0n) out = String(u) + 'h' + out;
    }
  }
  return (neg ? '-' : '') + out;
}

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  μs: 1000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** time.ParseDuration (input as a JS string); throws FuncError on bad input. */
export function parseDuration(s: string): bigint {
  const bad = (): never => {
    throw new FuncError('invalid duration');
  };
  let rest = s;
  let neg = false;
  if (rest[0] === '-' || rest[0] === '+') {
    neg = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') bad();
  let totalBig = 0n;
  while (rest !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]+)/.exec(rest);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) bad();
    const [all, whole, frac = '', unitText] = m as RegExpExecArray;
    const um = /^(ns|us|µs|μs|ms|s|m|h)/.exec(unitText);
    if (!um) bad();
    const unit = UNITS[(um as RegExpExecArray)[1]] as bigint;
    const consumed =
      whole.length + (all.includes('.') ? frac.length + 1 : 0) + (um as RegExpExecArray)[1].length;
    let value = BigInt(whole || '0') * unit;
    if (frac) value += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
    totalBig += value;
    if (totalBig > (1n << 63n) - 1n) bad();
    rest = rest.slice(consumed);
  }
  return neg ? -totalBig : totalBig;
}

/** Rounds a duration to a multiple of m, halfway values away from zero (Duration.Round). */
export function roundDuration(d: bigint, m: bigint): bigint {
  let r = d % m;
  if (d < 0n) {
    r = -r;
    return r + r < m ? d + r : d - m + r;
  }
  return r + r < m ? d - r : d + m - r;
}
