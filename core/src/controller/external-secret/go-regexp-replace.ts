/**
 * Go's `regexp.ReplaceAllString` on top of re2js (RE2 semantics), including Go's template syntax:
 * `$1`, `${1}`, `$name`, `${name}` and `$$`. A name is the longest run of letters, digits and `_`,
 * so `$1x` means the group named `1x` (usually none, hence empty) — not `$1` followed by `x`; write
 * `${1}x` for that. A reference to a group that does not exist or did not take part expands to "".
 * A `$` that starts no valid reference is kept literally.
 */
import { RE2JS } from 're2js';

/** A compiled pattern plus its group names, ready for {@link goReplaceAll}. */
export interface GoRegexp {
  readonly re: RE2JS;
  readonly groupByName: ReadonlyMap<string, number>;
}

/** Compiles an RE2 pattern. Throws re2js' syntax error (its message quotes only the pattern). */
export function compileGoRegexp(pattern: string): GoRegexp {
  const re = RE2JS.compile(pattern);
  return { re, groupByName: new Map(Object.entries(re.namedGroups())) };
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

interface Reference {
  readonly name: string;
  /** Index of the first character after the reference. */
  readonly end: number;
}

/** Parses the reference after a `$` at `start` (Go's `extract`); undefined when malformed. */
function parseReference(template: string, start: number): Reference | undefined {
  let i = start;
  const braced = template[i] === '{';
  if (braced) i++;
  const nameStart = i;
  while (i < template.length) {
    const char = String.fromCodePoint(template.codePointAt(i) as number);
    if (!NAME_CHAR.test(char)) break;
    i += char.length;
  }
  if (i === nameStart) return undefined;
  const name = template.slice(nameStart, i);
  if (braced) {
    if (template[i] !== '}') return undefined;
    i++;
  }
  return { name, end: i };
}

/** Go's rule: a name of only ASCII digits without a leading zero (at most 9 digits) is a group number. */
function groupNumber(name: string): number | undefined {
  if (!/^[0-9]+$/.test(name) || (name.length > 1 && name[0] === '0') || name.length > 9) return undefined;
  return Number(name);
}

function expand(regexp: GoRegexp, template: string, input: string, match: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) break;
    out += template.slice(i, dollar);
    if (template[dollar + 1] === '$') {
      out += '$';
      i = dollar + 2;
      continue;
    }
    const reference = parseReference(template, dollar + 1);
    if (!reference) {
      out += '$';
      i = dollar + 1;
      continue;
    }
    const group = groupNumber(reference.name) ?? regexp.groupByName.get(reference.name);
    if (group !== undefined && 2 * group + 1 < match.length && match[2 * group] >= 0) {
      out += input.slice(match[2 * group], match[2 * group + 1]);
    }
    i = reference.end;
  }
  return out + template.slice(i);
}

/** Replaces every match of `regexp` in `input` by the expanded `template`, exactly as Go does. */
export function goReplaceAll(regexp: GoRegexp, input: string, template: string): string {
  const matches = regexp.re.re2().findAllSubmatchIndex(input, -1) as number[][] | null;
  if (!matches || matches.length === 0) return input;
  let out = '';
  let last = 0;
  for (const match of matches) {
    out += input.slice(last, match[0]) + expand(regexp, template, input, match);
    last = match[1];
  }
  return out + input.slice(last);
}
