/**
 * Go `time.Duration` strings, as ESO's fields use them (`1h`, `1h30m`, `500ms`, `1.5h`, `0`).
 * Parsing follows Go's `time.ParseDuration`: an optional sign, then one or more decimal numbers
 * (optionally fractional), each with a unit `ns`, `us`, `µs`, `μs`, `ms`, `s`, `m` or `h`; a bare
 * `0` is allowed. Values are returned in milliseconds (fractional below 1 ms).
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

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /^(\d+\.?\d*|\.\d+)([^\d.+-]*)/;

/** Parses a Go duration string into milliseconds. Throws {@link InvalidDurationError}. */
export function parseGoDuration(input: string): number {
  let rest = input;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new InvalidDurationError(input, 'empty');
  let total = 0;
  while (rest !== '') {
    const match = PART.exec(rest);
    if (!match) throw new InvalidDurationError(input, 'expected a number');
    const [whole, amount, unit] = match;
    if (unit === '') throw new InvalidDurationError(input, `missing unit after "${amount}"`);
    const factor = UNIT_MS[unit];
    if (factor === undefined) throw new InvalidDurationError(input, `unknown unit "${unit}"`);
    total += Number(amount) * factor;
    rest = rest.slice(whole.length);
  }
  return sign * total;
}

/** True when `input` parses as a Go duration. */
export function isGoDuration(input: string): boolean {
  try {
    parseGoDuration(input);
    return true;
  } catch {
    return false;
  }
}

/** Formats milliseconds the way Go's `Duration.String()` does for whole seconds and above (`1h0m0s`, `90s` → `1m30s`). */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${trim(rest)}ms`;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = `${trim(rest / 1000)}s`;
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

function trim(n: number): string {
  return String(Number(n.toFixed(9)));
}
