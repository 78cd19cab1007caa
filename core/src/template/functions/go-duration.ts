/** Go's time.Duration: String, ParseDuration and Round. */
import { InvalidDurationError, parseGoDurationNs } from '../../api/v1/duration.js';
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

/** time.ParseDuration (input as a JS string); throws FuncError on bad input, without quoting it. */
export function parseDuration(s: string): bigint {
  try {
    return parseGoDurationNs(s);
  } catch (error) {
    if (error instanceof InvalidDurationError) throw new FuncError('invalid duration');
    throw error;
  }
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
