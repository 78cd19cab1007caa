/** sprig date functions over a time.Time model ("Local" is UTC). */
import { FuncError, type FuncSpec, fn } from '../exec/func-spec.js';
import { bytesToUtf8, utf8ToBytes } from '../text/bytes.js';
import { GoInt, type GoMethod, type GoObject, type GoValue, isGoObject } from '../value/go-value.js';
import { type GoTimeValue, UTC, ZERO_TIME, civil, loadLocation } from './go-time.js';
import { formatTime, timeString } from './go-time-format.js';
import { durationString, parseDuration, roundDuration } from './go-duration.js';
import { parseTime } from './go-time-parse.js';
import { A, S, int, int64 } from './support.js';

const TIME = 'time.Time';

function m(params: string[], call: (args: GoValue[]) => GoValue): GoMethod {
  return { params, call };
}

/** A time.Time value as a template object (fields are unexported; methods as in Go). */
export function timeObject(t: GoTimeValue): GoObject {
  const c = () => civil(t);
  const methods: Record<string, GoMethod> = {
    Unix: m([], () => int64(t.sec)),
    UnixMilli: m([], () => int64(t.sec * 1000n + BigInt(Math.floor(t.nsec / 1e6)))),
    UnixNano: m([], () => int64(t.sec * 1_000_000_000n + BigInt(t.nsec))),
    Year: m([], () => int(c().year)),
    Day: m([], () => int(c().day)),
    Hour: m([], () => int(c().hour)),
    Minute: m([], () => int(c().minute)),
    Second: m([], () => int(c().second)),
    Nanosecond: m([], () => int(t.nsec)),
    YearDay: m([], () => int(c().yday)),
    Format: m([S], ([layout]) => utf8ToBytes(formatTime(t, bytesToUtf8(layout as string)))),
    UTC: m([], () => timeObject({ ...t, zone: UTC })),
    Local: m([], () => timeObject({ ...t, zone: UTC })),
    IsZero: m([], () => t.sec === ZERO_TIME.sec && t.nsec === 0),
    String: m([], () => utf8ToBytes(timeString(t))),
    Before: m([TIME], ([o]) => compare(t, timeOf(o)) < 0),
    After: m([TIME], ([o]) => compare(t, timeOf(o)) > 0),
    Equal: m([TIME], ([o]) => compare(t, timeOf(o)) === 0),
  };
  return {
    goType: TIME,
    goKind: 'struct',
    method: (name) => (Object.hasOwn(methods, name) ? methods[name] : undefined),
    goString: () => utf8ToBytes(timeString(t)),
    equals: (o) => 'time' in o && compare(t, (o as unknown as { time: GoTimeValue }).time) === 0,
    ...{ time: t, jsonText: () => utf8ToBytes(formatTime(t, '2006-01-02T15:04:05.999999999Z07:00')) },
  } as GoObject;
}

function compare(a: GoTimeValue, b: GoTimeValue): number {
  if (a.sec !== b.sec) return a.sec < b.sec ? -1 : 1;
  return a.nsec - b.nsec;
}

/** The time.Time inside a template value, if it is one. */
export function timeOf(v: GoValue): GoTimeValue {
  if (isGoObject(v) && 'time' in v) return (v as unknown as { time: GoTimeValue }).time;
  throw new FuncError('expected a time.Time');
}

function nowTime(now: Date): GoTimeValue {
  const ms = BigInt(now.getTime());
  return {
    sec: ms / 1000n - (ms % 1000n < 0n ? 1n : 0n),
    nsec: Number(((ms % 1000n) + 1000n) % 1000n) * 1e6,
    zone: UTC,
  };
}

/** sprig's dateInZone: time.Time or integer seconds; anything else means "now". */
function dateInZone(layout: GoValue, date: GoValue, zone: string, now: Date): string {
  let t: GoTimeValue;
  if (isGoObject(date) && 'time' in date) t = timeOf(date);
  else if (date instanceof GoInt && (date.type === 'int' || date.type === 'int64' || date.type === 'int32'))
    t = { sec: date.value, nsec: 0, zone: UTC };
  else t = nowTime(now);
  const loc = loadLocation(bytesToUtf8(zone)) ?? UTC;
  return utf8ToBytes(formatTime({ ...t, zone: loc }, bytesToUtf8(layout as string)));
}

function addDuration(t: GoTimeValue, d: bigint): GoTimeValue {
  const total = BigInt(t.nsec) + (d % 1_000_000_000n);
  let sec = t.sec + d / 1_000_000_000n;
  let nsec = total;
  if (nsec < 0n) {
    nsec += 1_000_000_000n;
    sec -= 1n;
  } else if (nsec >= 1_000_000_000n) {
    nsec -= 1_000_000_000n;
    sec += 1n;
  }
  return { ...t, sec, nsec: Number(nsec) };
}

function since(t: GoTimeValue, now: Date): bigint {
  const n = nowTime(now);
  return (n.sec - t.sec) * 1_000_000_000n + BigInt(n.nsec - t.nsec);
}

function durationRound(v: GoValue, now: Date): string {
  let d = 0n;
  if (typeof v === 'string') {
    try {
      d = parseDuration(bytesToUtf8(v));
    } catch {
      d = 0n;
    }
  } else if (v instanceof GoInt && v.type === 'int64') d = v.value;
  else if (isGoObject(v) && 'time' in v) d = since(timeOf(v), now);
  const u = d < 0n ? -d : d;
  const units: Array<[bigint, string]> = [
    [3_600_000_000_000n * 24n * 365n, 'y'],
    [3_600_000_000_000n * 24n * 30n, 'mo'],
    [3_600_000_000_000n * 24n, 'd'],
    [3_600_000_000_000n, 'h'],
    [60_000_000_000n, 'm'],
    [1_000_000_000n, 's'],
  ];
  for (const [size, suffix] of units) if (u > size) return `${u / size}${suffix}`;
  return '0s';
}

function durationOfSeconds(v: GoValue): string {
  let n = 0n;
  if (typeof v === 'string')
    n = /^[+-]?[0-9]+$/.test(v) && BigInt(v) < 1n << 63n && BigInt(v) >= -(1n << 63n) ? BigInt(v) : 0n;
  else if (v instanceof GoInt && v.type === 'int64') n = v.value;
  return durationString(BigInt.asIntN(64, n * 1_000_000_000n));
}

function modify(spec: GoValue, date: GoValue, strict: boolean): GoValue {
  const t = timeOf(date);
  try {
    return timeObject(addDuration(t, parseDuration(bytesToUtf8(spec as string))));
  } catch (e) {
    if (strict) throw e;
    return date;
  }
}

function toDate(layout: GoValue, value: GoValue, strict: boolean): GoValue {
  try {
    return timeObject(parseTime(bytesToUtf8(layout as string), bytesToUtf8(value as string)));
  } catch (e) {
    if (strict) throw e;
    return timeObject(ZERO_TIME);
  }
}

/** The date family. */
export const DATE_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['now', fn([], (_a, ctx) => timeObject(nowTime(ctx.now())))],
  ['date', fn([S, A], ([f, d], ctx) => dateInZone(f, d, 'Local', ctx.now()))],
  ['htmlDate', fn([A], ([d], ctx) => dateInZone('2006-01-02', d, 'Local', ctx.now()))],
  ['htmlDateInZone', fn([A, S], ([d, z], ctx) => dateInZone('2006-01-02', d, z as string, ctx.now()))],
  ['dateInZone', fn([S, A, S], ([f, d, z], ctx) => dateInZone(f, d, z as string, ctx.now()))],
  ['date_in_zone', fn([S, A, S], ([f, d, z], ctx) => dateInZone(f, d, z as string, ctx.now()))],
  ['dateModify', fn([S, TIME], ([s, d]) => modify(s, d, false))],
  ['date_modify', fn([S, TIME], ([s, d]) => modify(s, d, false))],
  ['mustDateModify', fn([S, TIME], ([s, d]) => modify(s, d, true))],
  ['must_date_modify', fn([S, TIME], ([s, d]) => modify(s, d, true))],
  [
    'ago',
    fn([A], ([d], ctx) => {
      let t: GoTimeValue;
      if (isGoObject(d) && 'time' in d) t = timeOf(d);
      else if (d instanceof GoInt && (d.type === 'int' || d.type === 'int64'))
        t = { sec: d.value, nsec: 0, zone: UTC };
      else t = nowTime(ctx.now());
      return utf8ToBytes(durationString(roundDuration(since(t, ctx.now()), 1_000_000_000n)));
    }),
  ],
  ['duration', fn([A], ([v]) => durationOfSeconds(v))],
  ['durationRound', fn([A], ([v], ctx) => durationRound(v, ctx.now()))],
  ['toDate', fn([S, S], ([f, v]) => toDate(f, v, false))],
  ['mustToDate', fn([S, S], ([f, v]) => toDate(f, v, true))],
  ['unixEpoch', fn([TIME], ([d]) => String(timeOf(d).sec))],
]);
