/** sprig dictionary functions. Go map iteration is random; where sprig exposes it (keys, values) we use sorted keys. */
import { FuncError, type FuncSpec, fn, variadicFn } from '../exec/func-spec.js';
import { GoMap, GoSlice, type GoValue } from '../value/go-value.js';
import { A, DICT, S, dict, isEmpty, list, strings, strval } from './support.js';

const asMap = (v: GoValue): GoMap => (v === null ? dict() : (v as GoMap));

/** mergo's deepMerge for map[string]interface{} (the mergo version sprig 3.2 vendors). */
export function mergeMaps(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const [key, sv] of src.entries) {
    const dv = dst.entries.get(key);
    if (sv === null) {
      if (overwrite) dst.entries.set(key, null);
      continue;
    }
    if (sv instanceof GoMap) {
      if (dv instanceof GoMap) mergeMaps(dv, sv, overwrite);
    } else if (sv instanceof GoSlice) {
      let slice: GoValue = dv === undefined || dv === null ? new GoSlice(sv.elemType, []) : dv;
      if (overwrite || dst.entries.size === 0) slice = sv;
      dst.entries.set(key, slice);
    }
    if (dv !== undefined && !isEmpty(dv) && (sv instanceof GoMap || sv instanceof GoSlice)) continue;
    if (overwrite || dv === undefined || isEmpty(dv)) dst.entries.set(key, sv);
  }
}

function merge(args: GoValue[], overwrite: boolean): GoValue {
  const [first, ...srcs] = args;
  const dst = first === null ? dict() : (first as GoMap);
  for (const src of srcs) if (src !== null) mergeMaps(dst, src as GoMap, overwrite);
  return dst;
}

/** copystructure.Copy over engine values. */
export function deepCopy(v: GoValue): GoValue {
  if (v instanceof GoSlice) return new GoSlice(v.elemType, v.items.map(deepCopy));
  if (v instanceof GoMap)
    return new GoMap(v.elemType, new Map([...v.entries].map(([k, x]) => [k, deepCopy(x)])));
  return v;
}

/** copystructure fails on an untyped nil (reflect on a zero Value). */
function deepCopyNonNil(v: GoValue): GoValue {
  if (v === null) throw new FuncError('cannot copy an untyped nil');
  return deepCopy(v);
}

function dig(ps: GoValue[]): GoValue {
  if (ps.length < 3) throw new FuncError('dig needs at least three arguments');
  const last = ps[ps.length - 1];
  if (!(last instanceof GoMap) || last.elemType !== 'interface {}')
    throw new FuncError('dig needs a map[string]interface {} as its last argument');
  const def = ps[ps.length - 2];
  const keys = ps.slice(0, -2).map((k) => {
    if (typeof k !== 'string') throw new FuncError('dig keys must be strings');
    return k;
  });
  let cur: GoMap = last;
  for (let i = 0; i < keys.length; i++) {
    const step = cur.entries.get(keys[i]);
    if (step === undefined) return def;
    if (i === keys.length - 1) return step;
    if (!(step instanceof GoMap) || step.elemType !== 'interface {}')
      throw new FuncError('dig reached a value that is not a map');
    cur = step;
  }
  return def;
}

/** The dictionary family. */
export const DICT_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  [
    'dict',
    variadicFn([], A, (args) => {
      const d = dict();
      for (let i = 0; i < args.length; i += 2)
        d.entries.set(strval(args[i]), i + 1 < args.length ? args[i + 1] : '');
      return d;
    }),
  ],
  [
    'get',
    fn(
      [DICT, S],
      ([d, k]) => asMap(d).entries.get(k as string) ?? (asMap(d).entries.has(k as string) ? null : ''),
    ),
  ],
  [
    'set',
    fn([DICT, S, A], ([d, k, v]) => {
      if (d === null) throw new FuncError('assignment to entry in nil map');
      (d as GoMap).entries.set(k as string, v);
      return d;
    }),
  ],
  [
    'unset',
    fn([DICT, S], ([d, k]) => {
      if (d !== null) (d as GoMap).entries.delete(k as string);
      return d;
    }),
  ],
  ['hasKey', fn([DICT, S], ([d, k]) => asMap(d).entries.has(k as string))],
  [
    'pluck',
    variadicFn([S], DICT, ([k, ...ds]) =>
      list(
        ds.flatMap((d) =>
          asMap(d).entries.has(k as string) ? [asMap(d).entries.get(k as string) ?? null] : [],
        ),
      ),
    ),
  ],
  ['keys', variadicFn([], DICT, (ds) => strings(ds.flatMap((d) => asMap(d).sortedKeys())))],
  [
    'values',
    fn([DICT], ([d]) =>
      list(
        asMap(d)
          .sortedKeys()
          .map((k) => asMap(d).entries.get(k) ?? null),
      ),
    ),
  ],
  [
    'pick',
    variadicFn([DICT], S, ([d, ...keys]) => {
      const out = dict();
      for (const k of keys as string[])
        if (asMap(d).entries.has(k)) out.entries.set(k, asMap(d).entries.get(k) ?? null);
      return out;
    }),
  ],
  [
    'omit',
    variadicFn([DICT], S, ([d, ...keys]) => {
      const drop = new Set(keys as string[]);
      return dict(new Map([...asMap(d).entries].filter(([k]) => !drop.has(k))));
    }),
  ],
  ['merge', variadicFn([DICT], DICT, (args) => merge(args, false))],
  ['mustMerge', variadicFn([DICT], DICT, (args) => merge(args, false))],
  ['mergeOverwrite', variadicFn([DICT], DICT, (args) => merge(args, true))],
  ['mustMergeOverwrite', variadicFn([DICT], DICT, (args) => merge(args, true))],
  ['deepCopy', fn([A], ([v]) => deepCopyNonNil(v))],
  ['mustDeepCopy', fn([A], ([v]) => deepCopyNonNil(v))],
  ['dig', variadicFn([], A, (args) => dig(args))],
]);
