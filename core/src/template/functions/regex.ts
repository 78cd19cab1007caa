/** sprig regex functions with Go RE2 semantics (re2js over UTF-8 bytes, so offsets are Go's). */
import { RE2JS } from 're2js';
import { FuncError, type FuncSpec, fn } from '../exec/func-spec.js';
import { bytesToBuffer, bytesToUtf8, decodeRune } from '../text/bytes.js';
import type { GoValue } from '../value/go-value.js';
import { I, S, num, strings } from './support.js';

const cache = new Map<string, RE2JS>();

/** Compiles a Go regexp (byte-string pattern); throws FuncError on a syntax error. */
export function compileRegexp(pattern: string): RE2JS {
  let re = cache.get(pattern);
  if (!re) {
    try {
      re = RE2JS.compile(bytesToUtf8(pattern));
    } catch {
      throw new FuncError('error parsing regexp: invalid syntax');
    }
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/** Group offsets [start0, end0, start1, end1, …] of the first match at or after pos, or null. */
function execAt(re: RE2JS, input: Uint8Array, pos: number): number[] | null {
  const m = re.matcher(input);
  if (!m.find(pos)) return null;
  const out: number[] = [];
  for (let g = 0; g <= m.groupCount(); g++) out.push(m.start(g), m.end(g));
  return out;
}

function runeWidth(s: string, pos: number): number {
  return pos < s.length ? decodeRune(s, pos)[1] : 0;
}

/** Go's allMatches: successive matches, ignoring an empty match right after a match. */
export function allMatches(re: RE2JS, s: string, n: number): number[][] {
  const input = new Uint8Array(bytesToBuffer(s));
  const out: number[][] = [];
  const limit = n < 0 ? s.length + 1 : n;
  for (let pos = 0, prevEnd = -1; out.length < limit && pos <= s.length;) {
    const m = execAt(re, input, pos);
    if (!m) break;
    let accept = true;
    if (m[1] === pos) {
      if (m[0] === prevEnd) accept = false;
      pos += runeWidth(s, pos) || 1;
    } else {
      pos = m[1];
    }
    prevEnd = m[1];
    if (accept) out.push(m);
  }
  return out;
}

/** regexp.Expand: $1, ${1}, $name, ${name}, $$. */
function expand(template: string, src: string, m: number[], names: Record<string, number>): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const d = template.indexOf('$', i);
    if (d < 0) break;
    out += template.slice(i, d);
    i = d + 1;
    if (template[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    let name: string | undefined;
    if (template[i] === '{') {
      const close = template.indexOf('}', i);
      const inner = close < 0 ? '' : template.slice(i + 1, close);
      if (close > 0 && /^[A-Za-z0-9_]+$/.test(inner)) {
        name = inner;
        i = close + 1;
      }
    } else {
      const match = /^[A-Za-z0-9_]+/.exec(template.slice(i));
      if (match) {
        name = match[0];
        i += name.length;
      }
    }
    if (name === undefined) {
      out += '$';
      continue;
    }
    const idx = /^[0-9]+$/.test(name) ? Number(name) : names[name];
    if (idx !== undefined && 2 * idx + 1 < m.length && m[2 * idx] >= 0)
      out += src.slice(m[2 * idx], m[2 * idx + 1]);
  }
  return out + template.slice(i);
}

function replaceAll(re: RE2JS, src: string, repl: (m: number[]) => string): string {
  const input = new Uint8Array(bytesToBuffer(src));
  let out = '';
  let lastEnd = 0;
  let searchPos = 0;
  while (searchPos <= src.length) {
    const a = execAt(re, input, searchPos);
    if (!a) break;
    out += src.slice(lastEnd, a[0]);
    if (a[1] > lastEnd || a[0] === 0) out += repl(a);
    lastEnd = a[1];
    const width = runeWidth(src, searchPos);
    if (searchPos + width > a[1]) searchPos += width;
    else if (searchPos + 1 > a[1]) searchPos++;
    else searchPos = a[1];
  }
  return out + src.slice(lastEnd);
}

function split(re: RE2JS, s: string, n: number): string[] {
  if (n === 0) return [];
  if (re.pattern().length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of allMatches(re, s, n)) {
    if (n > 0 && out.length === n - 1) break;
    end = m[0];
    if (m[1] !== 0) out.push(s.slice(beg, end));
    beg = m[1];
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** regexp.QuoteMeta */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

const str = (v: GoValue): string => v as string;

/** Both the lenient and the must* variant; the lenient one maps a compile error to `fallback`. */
function pair(
  name: string,
  params: string[],
  f: (args: GoValue[]) => GoValue,
  fallback: GoValue | 'panic',
): Array<[string, FuncSpec]> {
  const must = name.replace(/^regex/, 'mustRegex');
  return [
    [
      name,
      fn(params, (args) => {
        try {
          return f(args);
        } catch (e) {
          if (e instanceof FuncError && fallback !== 'panic') return fallback;
          throw e;
        }
      }),
    ],
    [must, fn(params, f)],
  ];
}

/** The regex family. */
export const REGEX_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ...pair('regexMatch', [S, S], ([r, s]) => allMatches(compileRegexp(str(r)), str(s), 1).length > 0, false),
  ...pair(
    'regexFindAll',
    [S, S, I],
    ([r, s, n]) =>
      strings(allMatches(compileRegexp(str(r)), str(s), num(n)).map((m) => str(s).slice(m[0], m[1]))),
    'panic',
  ),
  ...pair(
    'regexFind',
    [S, S],
    ([r, s]) => {
      const m = allMatches(compileRegexp(str(r)), str(s), 1)[0];
      return m ? str(s).slice(m[0], m[1]) : '';
    },
    'panic',
  ),
  ...pair(
    'regexReplaceAll',
    [S, S, S],
    ([r, s, t]) => {
      const re = compileRegexp(str(r));
      return replaceAll(re, str(s), (m) => expand(str(t), str(s), m, re.namedGroups()));
    },
    'panic',
  ),
  ...pair(
    'regexReplaceAllLiteral',
    [S, S, S],
    ([r, s, t]) => replaceAll(compileRegexp(str(r)), str(s), () => str(t)),
    'panic',
  ),
  ...pair(
    'regexSplit',
    [S, S, I],
    ([r, s, n]) => strings(split(compileRegexp(str(r)), str(s), num(n))),
    'panic',
  ),
  ['regexQuoteMeta', fn([S], ([s]) => quoteMeta(str(s)))],
]);
