/**
 * Go `time.Duration` strings, as ESO's fields use them (`1h`, `1h30m`, `500ms`, `1.5h`, `0`).
 * Parsing follows Go's `time.ParseDuration`: an optional sign, then one or more decimal numbers
 * (optionally fractional), each with a unit `ns`, `us`, `µs`, `μs`, `ms`, `s`, `m` or `h`; a bare
 * `0` is allowed. Values are returned in milliseconds (fractional below 1 ms) or, for the
 * template functions, exact nanoseconds.
 */

/** A string that is not a Go duration; the message says what was expected. */
export class InvalidDurationError extends Error {
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`invalid duration "${input}": ${detail}; use a Go duration such as 30s, 15m or 1h30m`);
    this.name = 'InvalidDurationError';
  }
}

/** Nanoseconds per unit. */
const UNIT_NS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX_NS = (1n << 63n) - 1n;
const PART = /^(\d*)(?:\.(\d*))?([^\d.]*)/;

/**
 * Parses a Go duration string into exact nanoseconds, as `time.ParseDuration` does (fractions
 * truncated to the nanosecond, more than ~292 years refused). Throws {@link InvalidDurationError}.
 */
export function parseGoDurationNs(input: string): bigint {
  let rest = input;
  const negative = rest.startsWith('-');
  if (negative || rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '0') return 0n;
  if (rest === '') throw new InvalidDurationError(input, 'empty');
  let total = 0n;
  while (rest !== '') {
    const [whole, integer, fraction = '', unit] = PART.exec(rest) as RegExpExecArray;
    if (integer === '' && fraction === '') throw new InvalidDurationError(input, 'expected a number');
    const amount = whole.slice(0, whole.length - unit.length);
    if (unit === '') throw new InvalidDurationError(input, `missing unit after "${amount}"`);
    const perUnit = UNIT_NS[unit];
    if (perUnit === undefined) throw new InvalidDurationError(input, `unknown unit "${unit}"`);
    total += BigInt(integer || '0') * perUnit;
    if (fraction !== '') total += (BigInt(fraction) * perUnit) / 10n ** BigInt(fraction.length);
    if (total > MAX_NS) throw new InvalidDurationError(input, 'too long');
    rest = rest.slice(whole.length);
  }
  return negative ? -total : total;
}

/** Parses a Go duration string into milliseconds (fractional below 1 ms). Throws {@link InvalidDurationError}. */
export function parseGoDuration(input: string): number {
  return Number(parseGoDurationNs(input)) / 1e6;
}
