/** sprig JSON functions (ESO documents toJson/fromJson as its own; they are sprig's). */
import { FuncError, type FuncSpec, fn } from '../exec/func-spec.js';
import type { GoValue } from '../value/go-value.js';
import { marshal, unmarshal } from './go-json.js';
import { A, S } from './support.js';

function orEmpty(f: () => string): string {
  try {
    return f();
  } catch (e) {
    if (e instanceof FuncError) return '';
    throw e;
  }
}

function mustFromJson(v: GoValue): GoValue {
  const r = unmarshal(v as string);
  if (!r.ok) throw new FuncError('the input is not valid JSON or has a number out of range');
  return r.value;
}

/** The JSON family. */
export const JSON_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['fromJson', fn([S], ([v]) => unmarshal(v as string).value)],
  ['mustFromJson', fn([S], ([v]) => mustFromJson(v))],
  ['toJson', fn([A], ([v]) => orEmpty(() => marshal(v, { escapeHtml: true })))],
  ['mustToJson', fn([A], ([v]) => marshal(v, { escapeHtml: true }))],
  ['toPrettyJson', fn([A], ([v]) => orEmpty(() => marshal(v, { escapeHtml: true, indent: '  ' })))],
  ['mustToPrettyJson', fn([A], ([v]) => marshal(v, { escapeHtml: true, indent: '  ' }))],
  ['toRawJson', fn([A], ([v]) => marshal(v, { escapeHtml: false }))],
  ['mustToRawJson', fn([A], ([v]) => marshal(v, { escapeHtml: false }))],
]);
