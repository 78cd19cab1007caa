/** time.ParseInLocation with Local = UTC: the layout elements sprig's toDate needs. */
import { FuncError } from '../exec/func-spec.js';
import { type GoTimeValue, UTC, type Zone, daysFromCivil, isLeap } from './go-time.js';
import { LONG_DAYS, LONG_MONTHS, splitLayout } from './go-time-format.js';

const bad = (): never => {
  throw new FuncError('cannot parse the value with the given layout');
};

function isDigitAt(s: string, i: number): boolean {
  return i < s.length && s[i] >= '0' && s[i] <= '9';
}

/** getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigitAt(s, 0)) bad();
  if (!isDigitAt(s, 1)) {
    if (fixed) bad();
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(s, i); i++) n = n * 10 + Number(s[i]);
  if (i === 0 || (fixed && i !== 3)) bad();
  return [n, s.slice(i)];
}

function lookup(names: string[], value: string): [number, string] {
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    if (value.length >= n.length && value.slice(0, n.length).toLowerCase() === n.toLowerCase())
      return [i, value.slice(n.length)];
  }
  return bad();
}

function skip(value: string, prefix: string): string {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') bad();
      prefix = prefix.replace(/^ +/, '');
      value = value.replace(/^ +/, '');
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) bad();
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  yday: number;
  hour: number;
  min: number;
  sec: number;
  nsec: number;
  pm: boolean;
  am: boolean;
  offset?: number;
  zoneName?: string;
  utc?: boolean;
}

function parseNanos(value: string, n: number): [number, string] {
  if (value.length < n || (value[0] !== '.' && value[0] !== ',')) bad();
  const digits = value.slice(1, n);
  if (!/^[0-9]*$/.test(digits)) bad();
  const ns = Number((digits + '000000000').slice(0, 9));
  return [ns, value.slice(n)];
}

function parseOffset(std: string, value: string, f: Fields): string {
  if (std.startsWith('Z') && value[0] === 'Z') {
    f.utc = true;
    return value.slice(1);
  }
  const colon = std.includes(':');
  const re = colon
    ? std.length >= 9
      ? /^([+-])(\d\d):(\d\d):(\d\d)/
      : /^([+-])(\d\d):(\d\d)()/
    : std.endsWith('07')
      ? /^([+-])(\d\d)()()/
      : std.length === 7
        ? /^([+-])(\d\d)(\d\d)(\d\d)/
        : /^([+-])(\d\d)(\d\d)()/;
  const m = re.exec(value);
  if (!m) bad();
  const [all, sign, hh, mm, ss] = m as RegExpExecArray;
  const off = Number(hh) * 3600 + Number(mm || 0) * 60 + Number(ss || 0);
  if (Number(hh) > 24 || Number(mm || 0) > 60 || Number(ss || 0) > 60) bad();
  f.offset = sign === '-' ? -off : off;
  return value.slice(all.length);
}

function parseStd(
  std: string,
  digits: number | undefined,
  value: string,
  f: Fields,
  nextIsFrac: boolean,
): string {
  let v = value;
  switch (std) {
    case '06': {
      if (!isDigitAt(v, 0) || !isDigitAt(v, 1)) bad();
      const y = Number(v.slice(0, 2));
      f.year = y >= 69 ? 1900 + y : 2000 + y;
      return v.slice(2);
    }
    case '2006':
      if (v.length < 4 || !/^[0-9]{4}/.test(v)) bad();
      f.year = Number(v.slice(0, 4));
      return v.slice(4);
    case 'Jan':
      [f.month, v] = lookup(
        LONG_MONTHS.map((m) => m.slice(0, 3)),
        v,
      );
      f.month++;
      return v;
    case 'January':
      [f.month, v] = lookup(LONG_MONTHS, v);
      f.month++;
      return v;
    case '1':
    case '01':
      [f.month, v] = getnum(v, std === '01');
      if (f.month <= 0 || f.month > 12) bad();
      return v;
    case 'Mon':
      return lookup(
        LONG_DAYS.map((d) => d.slice(0, 3)),
        v,
      )[1];
    case 'Monday':
      return lookup(LONG_DAYS, v)[1];
    case '2':
    case '_2':
    case '02':
      if (std === '_2' && v[0] === ' ') v = v.slice(1);
      [f.day, v] = getnum(v, std === '02');
      return v;
    case '__2':
    case '002':
      if (std === '__2') v = v.replace(/^ {1,2}/, '');
      [f.yday, v] = getnum3(v, std === '002');
      if (f.yday < 1 || f.yday > 366) bad();
      return v;
    case '15':
      [f.hour, v] = getnum(v, false);
      if (f.hour < 0 || f.hour >= 24) bad();
      return v;
    case '3':
    case '03':
      [f.hour, v] = getnum(v, std === '03');
      if (f.hour < 0 || f.hour > 12) bad();
      return v;
    case '4':
    case '04':
      [f.min, v] = getnum(v, std === '04');
      if (f.min < 0 || f.min >= 60) bad();
      return v;
    case '5':
    case '05':
      [f.sec, v] = getnum(v, std === '05');
      if (f.sec < 0 || f.sec >= 60) bad();
      if (!nextIsFrac && v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigitAt(v, 1)) {
        let n = 1;
        while (isDigitAt(v, n)) n++;
        [f.nsec, v] = parseNanos(v, n);
      }
      return v;
    case 'PM':
    case 'pm': {
      const p = v.slice(0, 2);
      if (p === (std === 'PM' ? 'PM' : 'pm')) f.pm = true;
      else if (p === (std === 'PM' ? 'AM' : 'am')) f.am = true;
      else bad();
      return v.slice(2);
    }
    case 'MST':
      if (v.startsWith('UTC')) {
        f.utc = true;
        return v.slice(3);
      }
      {
        const m = /^(GMT[+-]\d{1,2}|[A-Z]{3,5}T?)/.exec(v);
        if (!m) bad();
        f.zoneName = (m as RegExpExecArray)[1];
        return v.slice((m as RegExpExecArray)[1].length);
      }
    case '.0':
      [f.nsec, v] = parseNanos(v, 1 + (digits ?? 0));
      return v;
    case '.9': {
      if (v.length < 2 || (v[0] !== '.' && v[0] !== ',') || !isDigitAt(v, 1)) return v;
      let n = 1;
      while (isDigitAt(v, n)) n++;
      [f.nsec, v] = parseNanos(v, n);
      return v;
    }
  }
  return parseOffset(std, v, f);
}

const DAYS_IN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** time.ParseInLocation(layout, value, UTC); throws FuncError when the value does not match. */
export function parseTime(layout: string, value: string): GoTimeValue {
  const f: Fields = {
    year: 0,
    month: -1,
    day: -1,
    yday: -1,
    hour: 0,
    min: 0,
    sec: 0,
    nsec: 0,
    pm: false,
    am: false,
  };
  const chunks = splitLayout(layout);
  let v = value;
  chunks.forEach((ch, i) => {
    if ('lit' in ch) v = skip(v, ch.lit);
    else {
      const next = chunks[i + 1];
      v = parseStd(
        ch.std,
        ch.digits,
        v,
        f,
        next !== undefined && 'std' in next && (next.std === '.0' || next.std === '.9'),
      );
    }
  });
  if (v.length > 0) bad();
  if (f.pm && f.hour < 12) f.hour += 12;
  else if (f.am && f.hour === 12) f.hour = 0;
  if (f.yday >= 0) {
    const leapAdj = isLeap(f.year) ? 1 : 0;
    if (f.yday > 365 + leapAdj) bad();
    const days = daysFromCivil(f.year, 1, 1) + f.yday - 1;
    if (f.month < 0 && f.day < 0) return build(f, days);
  }
  if (f.month < 0) f.month = 1;
  if (f.day < 0) f.day = 1;
  const max = f.month === 2 && isLeap(f.year) ? 29 : DAYS_IN[f.month - 1];
  if (f.day < 1 || f.day > max) bad();
  return build(f, daysFromCivil(f.year, f.month, f.day));
}

function build(f: Fields, days: number): GoTimeValue {
  const local = BigInt(days) * 86400n + BigInt(f.hour * 3600 + f.min * 60 + f.sec);
  if (f.utc) return { sec: local, nsec: f.nsec, zone: UTC };
  if (f.offset !== undefined) {
    const zone: Zone = f.offset === 0 ? UTC : { name: '', fixed: { offset: f.offset, abbr: '' } };
    return { sec: local - BigInt(f.offset), nsec: f.nsec, zone };
  }
  if (f.zoneName !== undefined) {
    const gmt = /^GMT([+-]\d+)$/.exec(f.zoneName);
    const offset = gmt ? Number(gmt[1]) * 3600 : 0;
    return {
      sec: local - BigInt(offset),
      nsec: f.nsec,
      zone: { name: f.zoneName, fixed: { offset, abbr: f.zoneName } },
    };
  }
  return { sec: local, nsec: f.nsec, zone: UTC };
}
