import { badRequest } from '../api/api-error.js';
import type { KubeObject } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-type.js';

/** One `field=value` / `field!=value` term. */
export interface FieldRequirement {
  readonly field: string;
  readonly negate: boolean;
  readonly value: string;
}

/** A parsed field selector (comma = AND). */
export type FieldSelector = readonly FieldRequirement[];

/** Splits on unescaped commas and unescapes `\,`, `\=`, `\\`. */
function splitTerms(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[++i];
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** Reads a supported field label of an object. */
export function fieldValue(type: ResourceType, obj: KubeObject, field: string): string | undefined {
  if (field === 'metadata.name') return obj.metadata.name ?? '';
  if (field === 'metadata.namespace') return type.namespaced ? (obj.metadata.namespace ?? '') : undefined;
  const getter = type.fieldLabels[field];
  return getter ? (getter(obj) ?? '') : undefined;
}

function supported(type: ResourceType, field: string): boolean {
  return (
    field === 'metadata.name' ||
    (field === 'metadata.namespace' && type.namespaced) ||
    Object.prototype.hasOwnProperty.call(type.fieldLabels, field)
  );
}

/** Parses a field selector and checks each label is supported by the type (else 400). */
export function parseFieldSelector(type: ResourceType, selector: string | undefined): FieldSelector {
  if (!selector || !selector.trim()) return [];
  return splitTerms(selector).map((term) => {
    const m = /^(.*?)(!=|==|=)(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const field = m[1].trim();
    if (!supported(type, field)) throw badRequest(`field label not supported: ${field}`);
    return { field, negate: m[2] === '!=', value: unescape(m[3].trim()) };
  });
}

/** True when the object satisfies every term. */
export function matchesFields(type: ResourceType, selector: FieldSelector, obj: KubeObject): boolean {
  for (const req of selector) {
    const v = fieldValue(type, obj, req.field) ?? '';
    if ((v === req.value) === req.negate) return false;
  }
  return true;
}
