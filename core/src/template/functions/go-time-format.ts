/** Go's layout-based time.Time.Format (nextStdChunk) and time.Time.String. */
import { type Civil, type GoTimeValue, civil } from './go-time.js';

export const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

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
    else if (c === '0' && rest.length >= 2 && rest[1] >= '1' && rest[1] <= '6')
      push(STD0X[rest.charCodeAt(1) - 0x31], 2);
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
      const m = /^(-070000|-07:00:00|-0700|-07:00|-07|Z070000|Z07:00:00|Z0700|Z07:00|Z07)/.exec(
        rest,
      ) as RegExpExecArray;
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

const pad = (n: number, w: number): string =>
  n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0');

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
    case '06':
      return pad(((c.year % 100) + 100) % 100, 2);
    case '2006':
      return pad(c.year, 4);
    case 'Jan':
      return LONG_MONTHS[c.month - 1].slice(0, 3);
    case 'January':
      return LONG_MONTHS[c.month - 1];
    case '1':
      return String(c.month);
    case '01':
      return pad(c.month, 2);
    case 'Mon':
      return LONG_DAYS[c.weekday].slice(0, 3);
    case 'Monday':
      return LONG_DAYS[c.weekday];
    case '2':
      return String(c.day);
    case '_2':
      return String(c.day).padStart(2, ' ');
    case '02':
      return pad(c.day, 2);
    case '__2':
      return String(c.yday).padStart(3, ' ');
    case '002':
      return pad(c.yday, 3);
    case '15':
      return pad(c.hour, 2);
    case '3':
      return String(h12);
    case '03':
      return pad(h12, 2);
    case '4':
      return String(c.minute);
    case '04':
      return pad(c.minute, 2);
    case '5':
      return String(c.second);
    case '05':
      return pad(c.second, 2);
    case 'PM':
      return c.hour >= 12 ? 'PM' : 'AM';
    case 'pm':
      return c.hour >= 12 ? 'pm' : 'am';
    case '.0':
      return ch.sep + String(c.nsec).padStart(9, '0').slice(0, ch.digits);
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
  return splitLayout(layout)
    .map((ch) => ('lit' in ch ? ch.lit : formatStd(ch, c)))
    .join('');
}

/** time.Time.String() (without the monotonic clock reading). */
export function timeString(t: GoTimeValue): string {
  return formatTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
}
