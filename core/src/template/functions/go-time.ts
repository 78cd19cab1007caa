/**
 * A model of Go's time.Time: an instant plus a location, and its civil (calendar) fields.
 * "Local" is UTC, as in a container without a TZ setting.
 */

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
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      timeZoneName: 'longOffset',
      year: 'numeric',
    });
    offsetCache.set(name, f);
    return { name };
  } catch {
    return undefined;
  }
}

/** Offset (seconds east of UTC) and abbreviation of a zone at an instant. */
export function zoneAt(zone: Zone, sec: bigint): { offset: number; abbr: string } {
  if (zone.fixed) return zone.fixed;
  const f =
    offsetCache.get(zone.name) ??
    new Intl.DateTimeFormat('en-US', { timeZone: zone.name, timeZoneName: 'longOffset', year: 'numeric' });
  const ms = Number(sec) * 1000;
  const part =
    f
      .formatToParts(new Date(Math.max(-8.64e15, Math.min(8.64e15, ms))))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(part);
  const offset = m
    ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0))
    : 0;
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
  const part = f
    .formatToParts(new Date(Math.max(-8.64e15, Math.min(8.64e15, ms))))
    .find((p) => p.type === 'timeZoneName')?.value;
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
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Days since 1970-01-01 → [year, month, day] (proleptic Gregorian). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
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
  const m = (((m0 % 12) + 12) % 12) + 1;
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
