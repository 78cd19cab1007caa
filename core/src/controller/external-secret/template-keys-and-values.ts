/**
 * `templateAs: KeysAndValues` (and `literal`): the rendered text is a YAML map whose entries become
 * target keys. ESO unmarshals it into a Go `map[string]string` with sigs.k8s.io/yaml (go-yaml v2
 * underneath), which turns plain scalars into strings the way Go sees them: `yes`/`on` → `true`,
 * `0755` → `493`, `1e3` → `1000` (float32 `%g`), `~` or nothing → `""`. Quoted scalars stay as
 * written; a map or list as a value is an error. We parse with the YAML failsafe schema (every
 * scalar a string, quoting known) and apply go-yaml v2's resolution to plain scalars ourselves.
 *
 * Errors never quote the rendered text (it holds secret values): only line, column and key names.
 */
import { isMap, isScalar, LineCounter, parseDocument, Scalar, type Node } from 'yaml';
import { formatFloat } from '../../template/fmt/float.js';
import { TemplateRenderError } from './template-render-errors.js';

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INF = new Map([
  ['.inf', Infinity],
  ['.Inf', Infinity],
  ['.INF', Infinity],
  ['+.inf', Infinity],
  ['+.Inf', Infinity],
  ['+.INF', Infinity],
  ['-.inf', -Infinity],
  ['-.Inf', -Infinity],
  ['-.INF', -Infinity],
  ['.nan', NaN],
  ['.NaN', NaN],
  ['.NAN', NaN],
]);
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt/ParseUint(s, 0, 64) after go-yaml removed underscores; undefined when not an integer. */
function goInteger(text: string): bigint | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const [, sign, digits] = match;
  const lower = digits.toLowerCase();
  let value: bigint;
  if (/^0[xob]/.test(lower)) value = BigInt(lower);
  else if (lower.length > 1 && lower.startsWith('0')) value = BigInt(`0o${lower.slice(1)}`);
  else value = BigInt(lower);
  if (sign === '-') value = -value;
  return value >= INT64_MIN && value <= UINT64_MAX ? value : undefined;
}

/** Go's strconv.FormatFloat(x, 'g', -1, 32): shortest digits that survive a float32 round trip. */
function float32String(x: number): string {
  if (!Number.isFinite(x)) return formatFloat(x, 'g', -1);
  const target = Math.fround(x);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return formatFloat(candidate, 'g', -1);
  }
  return formatFloat(target, 'g', -1);
}

/** What go-yaml v2 + sigs.k8s.io/yaml make of a plain scalar bound for a string; null for a YAML null. */
export function resolvePlainScalar(text: string): string | null {
  if (NULL.has(text)) return null;
  if (TRUE.has(text)) return 'true';
  if (FALSE.has(text)) return 'false';
  const special = INF.get(text);
  if (special !== undefined) return float32String(special);
  if (!'+-.0123456789'.includes(text[0])) return text;
  const plain = text.replace(/_/g, '');
  const integer = goInteger(plain);
  if (integer !== undefined) return integer.toString();
  if (YAML_FLOAT.test(plain)) return float32String(Number(plain));
  return text;
}

function scalarText(node: Scalar): string | null {
  const text = String(node.value ?? '');
  return node.type === Scalar.PLAIN ? resolvePlainScalar(text) : text;
}

function position(lines: LineCounter, node: Node | null | undefined): string {
  const offset = node?.range?.[0];
  if (offset === undefined) return '';
  const { line, col } = lines.linePos(offset);
  return ` at line ${line}, column ${col}`;
}

/**
 * Parses rendered KeysAndValues output into key → value text, in document order.
 * @param what names the template in errors (field path and template name)
 * @throws TemplateRenderError when the text is not a YAML map of scalars
 */
export function parseKeysAndValues(rendered: Uint8Array, what: string): [string, string][] {
  const text = Buffer.from(rendered).toString('utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    schema: 'failsafe',
    uniqueKeys: false,
    prettyErrors: false,
    lineCounter: lines,
  });
  const problem = doc.errors[0];
  if (problem) {
    const at = lines.linePos(problem.pos[0]);
    const where = ` at line ${at.line}, column ${at.col}`;
    throw new TemplateRenderError(
      `${what}: the rendered text is not valid YAML${where} (${problem.code}); KeysAndValues templates must render a YAML map of key: value`,
    );
  }
  if (doc.contents === null) return [];
  if (!isMap(doc.contents)) {
    throw new TemplateRenderError(
      `${what}: the rendered text is not a YAML map; KeysAndValues templates must render a YAML map of key: value`,
    );
  }
  const entries: [string, string][] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const key = keyNode === null ? null : isScalar(keyNode) ? scalarText(keyNode) : undefined;
    if (key === null || key === undefined) {
      throw new TemplateRenderError(
        `${what}: a key of the rendered YAML map is empty or not a scalar${position(lines, keyNode)}; keys must be strings`,
      );
    }
    const valueNode = pair.value as Node | null;
    if (valueNode !== null && !isScalar(valueNode)) {
      throw new TemplateRenderError(
        `${what}: the value of key "${key}" in the rendered YAML map is a map or list, not a string; quote it or render it with toJson`,
      );
    }
    entries.push([key, valueNode === null ? '' : (scalarText(valueNode) ?? '')]);
  }
  return entries;
}
