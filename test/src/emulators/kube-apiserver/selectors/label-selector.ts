import { badRequest } from '../api/api-error.js';

type Operator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

/** One requirement of a label selector. */
export interface LabelRequirement {
  readonly key: string;
  readonly op: Operator;
  readonly values: readonly string[];
}

/** A parsed label selector: every requirement must hold (comma = AND). */
export type LabelSelector = readonly LabelRequirement[];

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z.]*[a-z0-9A-Z])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function fail(selector: string, why: string): never {
  throw badRequest(`unable to parse requirement: ${why} (selector "${selector}")`);
}

function checkKey(selector: string, key: string): string {
  if (!KEY.test(key) || key.length > 316) fail(selector, `invalid label key "${key}"`);
  return key;
}

function checkValue(selector: string, value: string): string {
  if (value.length > 63 || !VALUE.test(value)) fail(selector, `invalid label value: "${value}"`);
  return value;
}

function parseSetRequirement(selector: string, part: string): LabelRequirement | undefined {
  const m = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part);
  if (!m) return undefined;
  const values = m[3].split(',').map((v) => checkValue(selector, v.trim()));
  return { key: checkKey(selector, m[1]), op: m[2] as 'in' | 'notin', values };
}

function parseRequirement(selector: string, part: string): LabelRequirement {
  if (part.startsWith('!')) return { key: checkKey(selector, part.slice(1).trim()), op: '!', values: [] };
  const set = parseSetRequirement(selector, part);
  if (set) return set;
  const m = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/.exec(part);
  if (m) {
    const op: Operator = m[2] === '!=' ? '!=' : m[2] === '>' ? 'gt' : m[2] === '<' ? 'lt' : '=';
    const value = m[3].trim();
    if ((op === 'gt' || op === 'lt') && !/^-?\d+$/.test(value))
      fail(selector, `for 'Gt', 'Lt' operators, the value must be an integer`);
    return {
      key: checkKey(selector, m[1]),
      op,
      values: [op === 'gt' || op === 'lt' ? value : checkValue(selector, value)],
    };
  }
  if (/^\S+$/.test(part)) return { key: checkKey(selector, part), op: 'exists', values: [] };
  return fail(selector, `found '${part}', expected: identifier`);
}

/** Parses `a=b,c!=d,e in (x,y),!f`; an empty string selects everything. Throws a 400 ApiError when invalid. */
export function parseLabelSelector(selector: string | undefined): LabelSelector {
  if (!selector || !selector.trim()) return [];
  return splitTopLevel(selector).map((part) => {
    if (!part) fail(selector, 'empty requirement');
    return parseRequirement(selector, part);
  });
}

function matchOne(req: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const v = labels[req.key];
  switch (req.op) {
    case '=':
    case 'in':
      return has && req.values.includes(v);
    case '!=':
    case 'notin':
      return !has || !req.values.includes(v);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
      return has && /^-?\d+$/.test(v) && Number(v) > Number(req.values[0]);
    case 'lt':
      return has && /^-?\d+$/.test(v) && Number(v) < Number(req.values[0]);
  }
}

/** True when the labels satisfy every requirement. */
export function matchesLabels(
  selector: LabelSelector,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (selector.length === 0) return true;
  const l = labels ?? {};
  return selector.every((r) => matchOne(r, l));
}
