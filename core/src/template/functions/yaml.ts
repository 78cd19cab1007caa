/**
 * ESO's toYaml/fromYaml (sigs.k8s.io/yaml: JSON round trip through go-yaml v2) on the `yaml`
 * package, configured to follow go-yaml v2's output: sorted keys (v2's natural order),
 * unindented sequences, YAML 1.1 scalars.
 */
import { Document, Scalar, isScalar, parse as parseYaml, visit } from 'yaml';
import { type FuncSpec, fn } from '../exec/func-spec.js';
import { bytesToUtf8, utf8ToBytes } from '../text/bytes.js';
import { GoMap, type GoValue } from '../value/go-value.js';
import { toGoValue } from '../value/convert.js';
import { marshal } from './go-json.js';
import { A, S, dict } from './support.js';

const isLetterish = (c: string): boolean => /\p{L}/u.test(c);
const isDigitish = (c: string): boolean => /\p{Nd}/u.test(c);

/** go-yaml v2's key order: letters before digits, digit runs compared as numbers. */
export function yamlV2KeyLess(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetterish(ar[i]);
    const bl = isLetterish(br[i]);
    if (al && bl) return ar[i] < br[i] ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigitish(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigitish(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigitish(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i] < br[i] ? -1 : 1;
  }
  return ar.length - br.length;
}

const V2_SPECIAL = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '.nan',
  '.NaN',
  '.NAN',
  '<<',
]);
const V2_NUMBER =
  /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?0[xX][0-9a-fA-F_]+$|^[-+]?0[bB][01_]+$|^[-+]?[0-9][0-9_]*$/;
const V2_TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|$)/;

/** go-yaml v2 double-quotes strings whose plain form would read back as another type. */
function resolvesToNonString(s: string): boolean {
  return V2_SPECIAL.has(s) || V2_NUMBER.test(s) || V2_TIMESTAMP.test(s);
}

function toYaml(v: GoValue): string {
  let json: unknown;
  try {
    json = JSON.parse(bytesToUtf8(marshal(v, { escapeHtml: true })));
  } catch {
    return '';
  }
  const doc = new Document(json, {
    version: '1.1',
    sortMapEntries: (x, y) => yamlV2KeyLess(String((x.key as Scalar).value), String((y.key as Scalar).value)),
  });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (resolvesToNonString(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const text = doc.toString({
    indentSeq: false,
    lineWidth: 80,
    minContentWidth: 0,
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    singleQuote: true,
  });
  return utf8ToBytes(text.replace(/\n$/, ''));
}

function keyString(k: unknown): string {
  if (isScalar(k)) return String(k.value);
  return String(k);
}

function fromYaml(v: GoValue): GoValue {
  const out = dict();
  let parsed: unknown;
  try {
    parsed = parseYaml(bytesToUtf8(v as string), { version: '1.1', mapAsMap: true, uniqueKeys: false });
  } catch {
    out.entries.set('Error', 'error converting YAML to JSON: the document is not valid YAML');
    return out;
  }
  if (parsed === null || parsed === undefined) return out;
  if (!(parsed instanceof Map)) {
    out.entries.set('Error', 'error unmarshaling JSON: the document is not a map');
    return out;
  }
  const converted = toGoValue(normalise(parsed));
  return converted instanceof GoMap ? converted : out;
}

/** Maps with non-string keys become string-keyed objects, as the YAML→JSON step does. */
function normalise(v: unknown): unknown {
  if (v instanceof Map)
    return Object.fromEntries([...v.entries()].map(([k, x]) => [keyString(k), normalise(x)]));
  if (Array.isArray(v)) return v.map(normalise);
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** The YAML family. */
export const YAML_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['toYaml', fn([A], ([v]) => toYaml(v))],
  ['fromYaml', fn([S], ([v]) => fromYaml(v))],
]);
