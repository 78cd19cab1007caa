/**
 * A small checker for the structural-schema rules a kube-apiserver enforces on CRDs
 * (apiextensions.k8s.io/v1): every node has a `type` unless it is int-or-string or preserves
 * unknown fields; no `$ref`; `anyOf`/`oneOf`/`allOf`/`not` only in the int-or-string form;
 * `properties` and `additionalProperties` never together; `additionalProperties` never `false`;
 * `items` is one schema; `metadata` at the root carries nothing but `type: object`.
 */
import type { CrdSchema } from './to-crd-schema.js';

const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);
const FORBIDDEN = [
  '$ref',
  'const',
  'patternProperties',
  'dependencies',
  'definitions',
  '$schema',
  'id',
  'oneOf',
  'allOf',
  'not',
];

/** Returns one line per violation (`<path>: <problem>`); empty when the schema is structural. */
export function checkStructural(root: CrdSchema): string[] {
  const problems: string[] = [];
  const metadata = (root.properties as Record<string, CrdSchema> | undefined)?.metadata;
  if (metadata && JSON.stringify(metadata) !== JSON.stringify({ type: 'object' })) {
    problems.push('metadata: only `type: object` is allowed at the root');
  }
  walk(root, '', problems);
  return problems;
}

function walk(node: CrdSchema, path: string, problems: string[]): void {
  const at = path || '<root>';
  const intOrString = node['x-kubernetes-int-or-string'] === true;
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (node.type === undefined && !intOrString && !preserve) problems.push(`${at}: missing type`);
  if (node.type !== undefined && !TYPES.has(node.type as string))
    problems.push(`${at}: unknown type ${String(node.type)}`);
  for (const keyword of FORBIDDEN) if (keyword in node) problems.push(`${at}: ${keyword} is not allowed`);
  if ('anyOf' in node && !intOrString) problems.push(`${at}: anyOf is only allowed for int-or-string`);
  if (node.properties && node.additionalProperties !== undefined)
    problems.push(`${at}: properties and additionalProperties together`);
  if (node.additionalProperties === false) problems.push(`${at}: additionalProperties must not be false`);
  if (Array.isArray(node.items)) problems.push(`${at}: items must be a single schema`);
  if (node.type === 'array' && node.items === undefined) problems.push(`${at}: array without items`);
  checkRequired(node, at, problems);
  for (const [name, child] of Object.entries((node.properties as Record<string, CrdSchema>) ?? {})) {
    walk(child, path ? `${path}.${name}` : name, problems);
  }
  if (node.items && !Array.isArray(node.items)) walk(node.items as CrdSchema, `${path}[*]`, problems);
  if (typeof node.additionalProperties === 'object')
    walk(node.additionalProperties as CrdSchema, `${path}.*`, problems);
}

function checkRequired(node: CrdSchema, at: string, problems: string[]): void {
  if (!Array.isArray(node.required)) return;
  const properties = (node.properties as Record<string, unknown>) ?? {};
  for (const name of node.required as string[]) {
    if (!(name in properties) && node['x-kubernetes-preserve-unknown-fields'] !== true) {
      problems.push(`${at}: required property ${name} is not declared`);
    }
  }
}
