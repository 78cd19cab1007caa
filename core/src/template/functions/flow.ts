/** sprig defaults, flow control and reflection functions. */
import { FuncError, type FuncSpec, fn, variadicFn } from '../exec/func-spec.js';
import { kindOf, typeOf } from '../value/go-value.js';
import { A, B, S, deepEqual, isEmpty } from './support.js';

/** The defaults/flow/reflection family. */
export const FLOW_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  [
    'default',
    variadicFn([A], A, ([d, ...given]) => (given.length === 0 || isEmpty(given[0]) ? d : given[0])),
  ],
  ['empty', fn([A], ([v]) => isEmpty(v))],
  ['coalesce', variadicFn([], A, (args) => args.find((v) => !isEmpty(v)) ?? null)],
  ['all', variadicFn([], A, (args) => args.every((v) => !isEmpty(v)))],
  ['any', variadicFn([], A, (args) => args.some((v) => !isEmpty(v)))],
  ['ternary', fn([A, A, B], ([t, f, c]) => (c ? t : f))],
  [
    'fail',
    fn([S], ([msg]) => {
      // The message is not repeated: it may have been built from secret data.
      throw new FuncError(
        `the template called fail${(msg as string) === '' ? '' : ' (message withheld because it may contain secret data)'}`,
      );
    }),
  ],
  ['typeOf', fn([A], ([v]) => typeOf(v))],
  ['typeIs', fn([S, A], ([t, v]) => t === typeOf(v))],
  ['typeIsLike', fn([S, A], ([t, v]) => t === typeOf(v) || '*' + (t as string) === typeOf(v))],
  ['kindOf', fn([A], ([v]) => kindOf(v))],
  ['kindIs', fn([S, A], ([t, v]) => t === kindOf(v))],
  ['deepEqual', fn([A, A], ([a, b]) => deepEqual(a, b))],
]);
