/** sprig list functions. Functions that panic in sprig fail the template; must* variants return the error. */
import { FuncError, type FuncSpec, fn, variadicFn } from '../exec/func-spec.js';
import { GoSlice, type GoValue, compareBytes } from '../value/go-value.js';
import { strslice } from './strings.js';
import {
  A,
  I,
  deepEqual,
  isEmpty,
  kindName,
  list,
  listItems,
  num,
  strings,
  strval,
  toInt64,
} from './support.js';

/** Registers `name` and `mustName` over the same implementation. */
function both(name: string, spec: FuncSpec): Array<[string, FuncSpec]> {
  return [
    [name, spec],
    [`must${name[0].toUpperCase()}${name.slice(1)}`, spec],
  ];
}

function chunk(size: number, items: GoValue[], checkSize: (n: number) => void): GoSlice {
  if (size <= 0) throw new FuncError('chunk size must be positive');
  const l = items.length;
  const cs = Math.floor((l - 1) / size) + 1;
  checkSize(cs);
  const out: GoValue[] = [];
  for (let i = 0; i < cs; i++) {
    let clen = size;
    if (i === cs - 1) {
      clen = Math.floor(l % size);
      if (clen === 0) clen = size;
    }
    if (i * size + clen > l) throw new FuncError('index out of range');
    out.push(list(items.slice(i * size, i * size + clen)));
  }
  return new GoSlice('[]interface {}', out);
}

function sliceList(v: GoValue, indices: GoValue[]): GoValue {
  if (!(v instanceof GoSlice)) {
    if (v === null) throw new FuncError('cannot slice a nil value');
    throw new FuncError(`list should be type of slice or array but ${kindName(v)}`);
  }
  const l = v.items.length;
  if (l === 0) return null;
  const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0;
  const end = indices.length >= 2 ? Number(toInt64(indices[1])) : l;
  if (start < 0 || end < start || end > l) throw new FuncError('slice bounds out of range');
  return new GoSlice(v.elemType, v.items.slice(start, end));
}

function concat(lists: GoValue[]): GoSlice {
  const out: GoValue[] = [];
  for (const l of lists) {
    if (!(l instanceof GoSlice)) {
      throw new FuncError(
        l === null ? 'cannot concat a nil value' : `Cannot concat type ${kindName(l)} as list`,
      );
    }
    out.push(...l.items);
  }
  return list(out);
}

function uniq(items: GoValue[]): GoSlice {
  const out: GoValue[] = [];
  for (const item of items) if (!out.some((x) => deepEqual(item, x))) out.push(item);
  return list(out);
}

function sortAlpha(v: GoValue): GoSlice {
  if (v instanceof GoSlice) return strings([...strslice(v)].sort(compareBytes));
  return strings([strval(v)]);
}

/** The list family. */
export const LIST_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['list', variadicFn([], A, (args) => list(args))],
  ['tuple', variadicFn([], A, (args) => list(args))],
  ...both(
    'append',
    fn([A, A], ([l, v]) => list([...listItems(l, 'push'), v])),
  ),
  ...both(
    'push',
    fn([A, A], ([l, v]) => list([...listItems(l, 'push'), v])),
  ),
  ...both(
    'prepend',
    fn([A, A], ([l, v]) => list([v, ...listItems(l, 'prepend')])),
  ),
  ...both(
    'first',
    fn([A], ([l]) => listItems(l, 'find first')[0] ?? null),
  ),
  ...both(
    'last',
    fn([A], ([l]) => {
      const items = listItems(l, 'find last');
      return items.length ? items[items.length - 1] : null;
    }),
  ),
  ...both(
    'rest',
    fn([A], ([l]) => list(listItems(l, 'find rest').slice(1))),
  ),
  ...both(
    'initial',
    fn([A], ([l]) => list(listItems(l, 'find initial').slice(0, -1))),
  ),
  ...both(
    'reverse',
    fn([A], ([l]) => list([...listItems(l, 'find reverse')].reverse())),
  ),
  ...both(
    'compact',
    fn([A], ([l]) => list(listItems(l, 'compact').filter((x) => !isEmpty(x)))),
  ),
  ...both(
    'uniq',
    fn([A], ([l]) => uniq(listItems(l, 'find uniq'))),
  ),
  ...both(
    'without',
    variadicFn([A], A, ([l, ...omit]) =>
      list(listItems(l, 'find without').filter((x) => !omit.some((o) => deepEqual(x, o)))),
    ),
  ),
  ...both(
    'has',
    fn([A, A], ([needle, hay]) =>
      hay === null ? false : listItems(hay, 'find has').some((x) => deepEqual(needle, x)),
    ),
  ),
  ...both(
    'slice',
    variadicFn([A], A, ([l, ...idx]) => sliceList(l, idx)),
  ),
  ...both(
    'chunk',
    fn([I, A], ([n, l], ctx) => chunk(num(n), listItems(l, 'chunk'), (x) => ctx.checkSize(x))),
  ),
  ['concat', variadicFn([], A, (lists) => concat(lists))],
  ['sortAlpha', fn([A], ([l]) => sortAlpha(l))],
]);
