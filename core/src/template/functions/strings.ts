/** sprig string functions. */
import { type FuncSpec, fn, variadicFn } from '../exec/func-spec.js';
import { sprintf } from '../fmt/sprintf.js';
import { GoMap, GoSlice, type GoValue } from '../value/go-value.js';
import {
  camelCaseToLowerCase,
  deleteWhiteSpace,
  initials,
  swapCase,
  toCamelCase,
  uncapitalize,
} from './string-case.js';
import {
  abbreviateFull,
  goSlice,
  lower,
  repeat,
  splitN,
  title,
  trimCutset,
  trimSpace,
  upper,
  wrapCustom,
} from './go-strings.js';
import { A, I, S, num, strings, strval } from './support.js';

const s = (v: GoValue): string => v as string;

/** sprig's strslice: the string form of a list's non-nil items (or of a single value). */
export function strslice(v: GoValue): string[] {
  if (v instanceof GoSlice) {
    if (v.elemType === 'string') return v.items as string[];
    return v.items.filter((x) => x !== null).map(strval);
  }
  if (v === null) return [];
  return [strval(v)];
}

function indent(spaces: number, text: string, checkSize: (n: number) => void): string {
  const pad = repeat(' ', spaces, checkSize);
  checkSize(text.length + text.split('\n').length * spaces);
  return pad + text.replaceAll('\n', '\n' + pad);
}

function splitToMap(parts: string[]): GoMap {
  return new GoMap('string', new Map(parts.map((p, i) => [`_${i}`, p])));
}

/** The string family. */
export const STRING_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['hello', fn([], () => 'Hello!')],
  ['trim', fn([S], ([v]) => trimSpace(s(v)))],
  ['upper', fn([S], ([v]) => upper(s(v)))],
  ['lower', fn([S], ([v]) => lower(s(v)))],
  ['title', fn([S], ([v]) => title(s(v)))],
  ['untitle', fn([S], ([v]) => uncapitalize(s(v)))],
  [
    'substr',
    fn([I, I, S], ([a, b, v]) => {
      const [start, end, str] = [num(a), num(b), s(v)];
      if (start < 0) return goSlice(str, 0, end);
      if (end < 0 || end > str.length) return goSlice(str, start);
      return goSlice(str, start, end);
    }),
  ],
  ['repeat', fn([I, S], ([n, v], ctx) => repeat(s(v), num(n), (x) => ctx.checkSize(x)))],
  ['trimall', fn([S, S], ([a, b]) => trimCutset(s(b), s(a)))],
  ['trimAll', fn([S, S], ([a, b]) => trimCutset(s(b), s(a)))],
  [
    'trimSuffix',
    fn([S, S], ([a, b]) => (s(b).endsWith(s(a)) ? s(b).slice(0, s(b).length - s(a).length) : s(b))),
  ],
  ['trimPrefix', fn([S, S], ([a, b]) => (s(b).startsWith(s(a)) ? s(b).slice(s(a).length) : s(b)))],
  ['nospace', fn([S], ([v]) => deleteWhiteSpace(s(v)))],
  ['initials', fn([S], ([v]) => initials(s(v)))],
  ['swapcase', fn([S], ([v]) => swapCase(s(v)))],
  ['snakecase', fn([S], ([v]) => camelCaseToLowerCase(s(v), '_'))],
  ['camelcase', fn([S], ([v]) => toCamelCase(s(v)))],
  ['kebabcase', fn([S], ([v]) => camelCaseToLowerCase(s(v), '-'))],
  ['wrap', fn([I, S], ([l, v]) => wrapCustom(s(v), num(l), '', false))],
  ['wrapWith', fn([I, S, S], ([l, sep, v]) => wrapCustom(s(v), num(l), s(sep), true))],
  ['contains', fn([S, S], ([sub, v]) => s(v).includes(s(sub)))],
  ['hasPrefix', fn([S, S], ([p, v]) => s(v).startsWith(s(p)))],
  ['hasSuffix', fn([S, S], ([p, v]) => s(v).endsWith(s(p)))],
  [
    'quote',
    variadicFn([], A, (args) =>
      args
        .filter((x) => x !== null)
        .map((x) => sprintf('%q', [strval(x)]))
        .join(' '),
    ),
  ],
  [
    'squote',
    variadicFn([], A, (args) =>
      args
        .filter((x) => x !== null)
        .map((x) => sprintf("'%v'", [x]))
        .join(' '),
    ),
  ],
  [
    'cat',
    variadicFn([], A, (args) => {
      const items = args.filter((x) => x !== null);
      return sprintf(items.map(() => '%v').join(' '), items);
    }),
  ],
  ['indent', fn([I, S], ([n, v], ctx) => indent(num(n), s(v), (x) => ctx.checkSize(x)))],
  ['nindent', fn([I, S], ([n, v], ctx) => '\n' + indent(num(n), s(v), (x) => ctx.checkSize(x)))],
  ['replace', fn([S, S, S], ([o, n, v]) => replaceAll(s(v), s(o), s(n)))],
  ['plural', fn([S, S, I], ([one, many, n]) => (num(n) === 1 ? one : many))],
  ['abbrev', fn([I, S], ([w, v]) => (num(w) < 4 ? s(v) : abbreviateFull(s(v), 0, num(w))))],
  [
    'abbrevboth',
    fn([I, I, S], ([l, r, v]) => {
      const [left, right] = [num(l), num(r)];
      if (right < 4 || (left > 0 && right < 7)) return s(v);
      return abbreviateFull(s(v), left, right);
    }),
  ],
  [
    'trunc',
    fn([I, S], ([c, v]) => {
      const [n, str] = [num(c), s(v)];
      if (n < 0 && str.length + n > 0) return str.slice(str.length + n);
      if (n >= 0 && str.length > n) return str.slice(0, n);
      return str;
    }),
  ],
  ['join', fn([S, A], ([sep, v]) => strslice(v).join(s(sep)))],
  ['split', fn([S, S], ([sep, v]) => splitToMap(splitN(s(v), s(sep), -1)))],
  ['splitList', fn([S, S], ([sep, v]) => strings(splitN(s(v), s(sep), -1)))],
  ['splitn', fn([S, I, S], ([sep, n, v]) => splitToMap(splitN(s(v), s(sep), num(n))))],
  ['toStrings', fn([A], ([v]) => strings(strslice(v)))],
  ['toString', fn([A], ([v]) => strval(v))],
]);

/** strings.Replace(s, old, new, -1), including Go's behaviour for an empty `old`. */
export function replaceAll(str: string, old: string, rep: string): string {
  if (old === rep) return str;
  if (old !== '') return str.split(old).join(rep);
  const runes = splitN(str, '', -1);
  return rep + runes.map((r) => r + rep).join('');
}
