/**
 * Kubernetes label selectors: matching a `metav1.LabelSelector` object against labels, and parsing
 * the string form used in list requests (`a=b,c!=d,e in (x,y),!f`). Pure functions, no I/O.
 */

/** One requirement of a selector (`matchExpressions[]`). */
export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[];
}

/** `metav1.LabelSelector`. An empty selector matches everything. */
export interface LabelSelectorLike {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** A selector is malformed (unknown operator, missing values). The message names the requirement. */
export class InvalidLabelSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidLabelSelectorError';
  }
}

/** Whether `labels` satisfy every requirement of `selector` (matchLabels and matchExpressions are ANDed). */
export function matchesLabelSelector(
  selector: LabelSelectorLike,
  labels: Readonly<Record<string, string>> = {},
): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  return (selector.matchExpressions ?? []).every((requirement) => matchesRequirement(requirement, labels));
}

function matchesRequirement(
  requirement: LabelSelectorRequirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  const present = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      requireValues(requirement, values);
      return present && values.includes(labels[requirement.key]);
    case 'NotIn':
      requireValues(requirement, values);
      return !present || !values.includes(labels[requirement.key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      throw new InvalidLabelSelectorError(
        `label selector operator "${requirement.operator}" for key "${requirement.key}" is not one of In, NotIn, Exists, DoesNotExist`,
      );
  }
}

function requireValues(requirement: LabelSelectorRequirement, values: readonly string[]): void {
  if (values.length === 0) {
    throw new InvalidLabelSelectorError(
      `label selector requirement on "${requirement.key}" with operator ${requirement.operator} needs at least one value`,
    );
  }
}

/**
 * Parses the string form of a selector (as in `?labelSelector=`) into a {@link LabelSelectorLike}.
 * Supports `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k` and `!k`.
 */
export function parseLabelSelector(text: string): LabelSelectorLike {
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const term of splitTerms(text)) {
    matchExpressions.push(parseTerm(term));
  }
  return { matchExpressions };
}

function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  terms.push(current);
  return terms.map((term) => term.trim()).filter((term) => term.length > 0);
}

function parseTerm(term: string): LabelSelectorRequirement {
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (setMatch) {
    const values = setMatch[3].split(',').map((value) => value.trim());
    return { key: setMatch[1], operator: setMatch[2] === 'in' ? 'In' : 'NotIn', values };
  }
  const inequality = /^([^=!\s]+)\s*!=\s*(.*)$/.exec(term);
  if (inequality) return { key: inequality[1], operator: 'NotIn', values: [inequality[2].trim()] };
  const equality = /^([^=!\s]+)\s*==?\s*(.*)$/.exec(term);
  if (equality) return { key: equality[1], operator: 'In', values: [equality[2].trim()] };
  if (term.startsWith('!')) return { key: term.slice(1).trim(), operator: 'DoesNotExist' };
  if (/^[^\s=!()]+$/.test(term)) return { key: term, operator: 'Exists' };
  throw new InvalidLabelSelectorError(`cannot parse label selector term "${term}"`);
}
