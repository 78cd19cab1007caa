/**
 * A model of Go's time.Time (instant + location) with Go's layout-based Format and
 * Duration.String. "Local" is UTC, as in a container without a TZ setting.
 */
import { FuncError } from '../exec/func-spec.js';

/** A time zone: UTC, a fixed offset, or an IANA zone resolved through Intl. */
export interface Zone {
  readonly name: string;
  readonly fixed?: { readonly offset: number; readonly abbr: string };
}

export const UTC: Zone = { name: 'UTC', fixed: { offset: 0, abbr: 'UTC' } };

/** Go's time.Time: seconds since the Unix epoch, nanoseconds, location. */
export interface GoTimeValue {
  readonly sec: bigint;
  readonly nsec: number;
  readonly zone: Zone;
}

/** The zero time.Time (January 1, year 1, 00:00:00 UTC). */
export const ZERO_TIME: GoTimeValue = { sec: -62135596800n, nsec: 0, zone: UTC };

const offsetCache = new Map<string, Intl.DateTimeFormat>();

/** time.LoadLocation; undefined for an unknown zone. */
export function loadLocation(name: string): Zone | undefined {
  if (name === '' || name === 'UTC' || name === 'Local') return UTC;
  try {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset', year: 'numeric' });
    offsetCache.set(name, f);
    return { name };
  } catch {
    return undefined;
  }
}

/** Offset (seconds east of UTC) and abbreviation of a zone at an instant. */
export function zoneAt(zone: Zone, sec: bigint): { offset: number; abbr: string } {
  if (zone.fixed) return zone.fixed;
  const f = offsetCache.get(zone.name) ?? new Intl.DateTimeFormat('en-US', { timeZone: zone.name, timeZoneName: 'longOffset', year: 'numeric' });
  const ms = Number(sec) * 1000;
  const part = f.formatToParts(new Date(Math.max(-8.64e15, Math.min(8.64e15, ms)))).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(part);
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) : 0;
  return { offset, abbr: shortName(zone.name, ms) ?? abbreviation(offset) };
}

const shortCache = new Map<string, Intl.DateTimeFormat>();

/** The zone's alphabetic abbreviation (EST, CEST…) when ICU knows one; tzdata's may differ for some zones. */
function shortName(name: string, ms: number): string | undefined {
  let f = shortCache.get(name);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'short', year: 'numeric' });
    shortCache.set(name, f);
  }
  const part = f.formatToParts(new Date(Math.max(-8.64e15, Math.min(8.64e15, ms)))).find((p) => p.type === 'timeZoneName')?.value;
  return part && /^[A-Z]{2,5}$/.test(part) && part !== 'GMT' ? part : undefined;
}

/** Go prints zones without a known abbreviation as "+hh" or "+hhmm". */
function abbreviation(offset: number): string {
  if (offset === 0) return 'UTC';
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const hh = String(Math.floor(a / 3600)).padStart(2, '0');
  const mm = Math.floor((a % 3600) / 60);
  return sign + hh + (mm ? String(mm).padStart(2, '0') : '');
}

/** Civil fields of a time in its zone. */
export interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nsec: number;
  weekday: number;
  yday: number;
  offset: number;
  abbr: string;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Days since 1970-01-01 → [year, month, day] (proleptic Gregorian). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** [year, month, day] → days since 1970-01-01, normalising overflowing months and days like time.Date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = ((m0 % 12) + 12) % 12 + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Splits a time into civil fields in its zone. */
export function civil(t: GoTimeValue): Civil {
  const { offset, abbr } = zoneAt(t.zone, t.sec);
  const local = t.sec + BigInt(offset);
  const days = Number(floorDiv(local, 86400n));
  const secOfDay = Number(local - BigInt(days) * 86400n);
  const [year, month, day] = civilFromDays(days);
  const yday = days - daysFromCivil(year, 1, 1) + 1;
  return {
    year,
    month,
    day,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor((secOfDay % 3600) / 60),
    second: secOfDay % 60,
    nsec: t.nsec,
    weekday: (((days + 4) % 7) + 7) % 7,
    yday,
    offset,
    abbr,
  };
}

export const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** One layout element: literal text, or a std code (with fraction digits for .000/.999). */
export type Chunk = { lit: string } | { std: string; digits?: number; sep?: string };

const STD0X = ['01', '02', '03', '04', '05', '06'];

function startsWithLower(s: string): boolean {
  return s.length > 0 && s[0] >= 'a' && s[0] <= 'z';
}

/** time's nextStdChunk, applied to the whole layout. */
export function splitLayout(layout: string): Chunk[] {
  const out: Chunk[] = [];
  let lit = '';
  let i = 0;
  const push = (std: string, len: number, extra: Partial<{ digits: number; sep: string }> = {}): void => {
    if (lit) out.push({ lit });
    lit = '';
    out.push({ std, ...extra });
    i += len;
  };
  while (i < layout.length) {
    const rest = layout.slice(i);
    const c = rest[0];
    if (rest.startsWith('January')) push('January', 7);
    else if (rest.startsWith('Jan') && !startsWithLower(rest.slice(3))) push('Jan', 3);
    else if (rest.startsWith('Monday')) push('Monday', 6);
    else if (rest.startsWith('Mon') && !startsWithLower(rest.slice(3))) push('Mon', 3);
    else if (rest.startsWith('MST')) push('MST', 3);
    else if (c === '0' && rest.length >= 2 && rest[1] >= '1' && rest[1] <= '6') push(STD0X[rest.charCodeAt(1) - 0x31], 2);
    else if (rest.startsWith('002')) push('002', 3);
    else if (rest.startsWith('15')) push('15', 2);
    else if (c === '1') push('1', 1);
    else if (rest.startsWith('2006')) push('2006', 4);
    else if (c === '2') push('2', 1);
    else if (rest.startsWith('_2006')) {
      lit += '_';
      i++;
      push('2006', 4);
    } else if (rest.startsWith('_2')) push('_2', 2);
    else if (rest.startsWith('__2')) push('__2', 3);
    else if (c === '3' || c === '4' || c === '5') push(c, 1);
    else if (rest.startsWith('PM')) push('PM', 2);
    else if (rest.startsWith('pm')) push('pm', 2);
    else if (/^(-070000|-07:00:00|-0700|-07:00|-07|Z070000|Z07:00:00|Z0700|Z07:00|Z07)/.test(rest)) {
      const m = /^(-070000|-07:00:00|-0700|-07:00|-07|Z070000|Z07:00:00|Z0700|Z07:00|Z07)/.exec(rest) as RegExpExecArray;
      push(m[1], m[1].length);
    } else if ((c === '.' || c === ',') && (rest[1] === '0' || rest[1] === '9')) {
      let j = 1;
      while (j < rest.length && rest[j] === rest[1]) j++;
      if (j < rest.length && rest[j] >= '0' && rest[j] <= '9') {
        lit += c;
        i++;
      } else push(rest[1] === '0' ? '.0' : '.9', j, { digits: j - 1, sep: c });
    } else {
      lit += c;
      i++;
    }
  }
  if (lit) out.push({ lit });
  return out;
}

const pad = (n: number, w: number): string => (n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0'));

function formatZone(std: string, offset: number, abbr: string): string {
  if (std === 'MST' && abbr !== '') return abbr;
  if (std === 'MST') {
    const a = Math.abs(Math.trunc(offset / 60));
    return (offset < 0 ? '-' : '+') + pad(Math.floor(a / 60), 2) + pad(a % 60, 2);
  }
  if (std.startsWith('Z') && offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const colon = std.includes(':');
  let out = sign + pad(Math.floor(abs / 3600), 2);
  if (std !== '-07' && std !== 'Z07') out += (colon ? ':' : '') + pad(Math.floor((abs % 3600) / 60), 2);
  if (std.length === 7 || std.length === 9) out += (colon ? ':' : '') + pad(abs % 60, 2);
  return out;
}

function formatStd(ch: Exclude<Chunk, { lit: string }>, c: Civil): string {
  const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
  switch (ch.std) {
    case '06': return pad(((c.year % 100) + 100) % 100, 2);
    case '2006': return pad(c.year, 4);
    case 'Jan': return LONG_MONTHS[c.month - 1].slice(0, 3);
    case 'January': return LONG_MONTHS[c.month - 1];
    case '1': return String(c.month);
    case '01': return pad(c.month, 2);
    case 'Mon': return LONG_DAYS[c.weekday].slice(0, 3);
    case 'Monday': return LONG_DAYS[c.weekday];
    case '2': return String(c.day);
    case '_2': return String(c.day).padStart(2, ' ');
    case '02': return pad(c.day, 2);
    case '__2': return String(c.yday).padStart(3, ' ');
    case '002': return pad(c.yday, 3);
    case '15': return pad(c.hour, 2);
    case '3': return String(h12);
    case '03': return pad(h12, 2);
    case '4': return String(c.minute);
    case '04': return pad(c.minute, 2);
    case '5': return String(c.second);
    case '05': return pad(c.second, 2);
    case 'PM': return c.hour >= 12 ? 'PM' : 'AM';
    case 'pm': return c.hour >= 12 ? 'pm' : 'am';
    case '.0': return ch.sep + String(c.nsec).padStart(9, '0').slice(0, ch.digits);
    case '.9': {
      const frac = String(c.nsec).padStart(9, '0').slice(0, ch.digits).replace(/0+$/, '');
      return frac ? ch.sep + frac : '';
    }
  }
  return formatZone(ch.std, c.offset, c.abbr);
}

/** time.Time.Format */
export function formatTime(t: GoTimeValue, layout: string): string {
  const c = civil(t);
  return splitLayout(layout).map((ch) => ('lit' in ch ? ch.lit : formatStd(ch, c))).join('');
}

/** time.Time.String() (without the monotonic clock reading). */
export function timeString(t: GoTimeValue): string {
  return formatTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
}

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
  'µs': 1000n,
  'μs': 1000n,
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
  let total = 0;
  let totalBig = 0n;
  while (rest !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]+)/.exec(rest);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) bad();
    const [all, whole, frac = '', unitText] = m as RegExpExecArray;
    const um = /^(ns|us|µs|μs|ms|s|m|h)/.exec(unitText);
    if (!um) bad();
    const unit = UNITS[(um as RegExpExecArray)[1]] as bigint;
    const consumed = whole.length + (all.includes('.') ? frac.length + 1 : 0) + (um as RegExpExecArray)[1].length;
    let value = BigInt(whole || '0') * unit;
    if (frac) value += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
    totalBig += value;
    total++;
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
