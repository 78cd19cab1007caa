/**
 * Connect's SCIM-style `filter` query parameter: `<attribute> <eq|co> "<literal>"` (contract §1.3).
 * The literal is a double-quoted string in which `\"` and `\\` are escapes; anything after the
 * closing quote, an unbalanced quote or a single-quoted literal is a 400, as on the real server.
 */
import { ConnectError, connectMessages } from './connect-error.js';

/** A parsed filter expression. */
export interface ConnectFilter {
  readonly attribute: string;
  readonly operator: 'eq' | 'co';
  readonly value: string;
}

/** Parses `filter`; throws a 400 {@link ConnectError} for anything malformed or an attribute not in `allowed`. */
export function parseFilter(filter: string, allowed: readonly string[]): ConnectFilter {
  const head = /^\s*([A-Za-z]+)\s+(eq|co)\s+"/i.exec(filter);
  if (!head) throw new ConnectError(400, connectMessages.invalidFilter(filter));
  const attribute = head[1];
  if (!allowed.includes(attribute)) throw new ConnectError(400, connectMessages.invalidFilter(filter));
  const { value, end } = readQuoted(filter, head[0].length, filter);
  if (filter.slice(end).trim() !== '') throw new ConnectError(400, connectMessages.invalidFilter(filter));
  return { attribute, operator: head[2].toLowerCase() as 'eq' | 'co', value };
}

/** True when `candidate` satisfies the filter's operator (exact, case-sensitive match; `co` = contains). */
export function matchesFilter(filter: ConnectFilter, candidate: string): boolean {
  return filter.operator === 'eq' ? candidate === filter.value : candidate.includes(filter.value);
}

function readQuoted(text: string, start: number, filter: string): { value: string; end: number } {
  let value = '';
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"') return { value, end: i + 1 };
    if (char === '\\') {
      const next = text[i + 1];
      if (next !== '"' && next !== '\\') throw new ConnectError(400, connectMessages.invalidFilter(filter));
      value += next;
      i++;
      continue;
    }
    value += char;
  }
  throw new ConnectError(400, connectMessages.invalidFilter(filter));
}
