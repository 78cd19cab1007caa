/**
 * Validates a parsed manifest against one of our schemas, the way the API server would judge it
 * against the generated CRD (same keyword subset, unknown fields rejected as `kubectl --validate=strict`
 * does), plus Tessera's format checks. Problems carry exact JSON paths. Values are echoed only for
 * enum, pattern and format failures, never for free-form fields, so secret values stay out of output.
 */
import { TESSERA_FORMAT, UNKNOWN_FIELD_MESSAGE, type TesseraFormat } from '../api/v1/schema-helpers.js';
import { FORMAT_CHECKS } from './formats.js';
import { indexPath, joinPath, type SchemaProblem } from './problem.js';
import { suggestField } from './suggest.js';

/** The JSON-Schema subset our schemas use (see api/v1/schema-helpers.ts). */
export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  [TESSERA_FORMAT]?: TesseraFormat;
  [UNKNOWN_FIELD_MESSAGE]?: string;
}

/** Validates `value` against `schema`; returns every problem found, in document order. */
export function validateAgainstSchema(schema: object, value: unknown, path = ''): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  visit(schema as SchemaNode, value, path, problems);
  return problems;
}

function visit(node: SchemaNode, value: unknown, path: string, out: SchemaProblem[]): void {
  if (value === null) {
    if (!node.nullable && node.type !== undefined)
      out.push({ path, message: `must be ${article(node.type)}, not null` });
    return;
  }
  if (node['x-kubernetes-int-or-string']) return checkIntOrString(value, path, out);
  if (node.type === undefined) return;
  if (!hasType(node.type, value)) {
    out.push({ path, message: `must be ${article(node.type)} (got ${describe(value)})` });
    return;
  }
  if (node.const !== undefined && value !== node.const)
    out.push({ path, message: `must be ${JSON.stringify(node.const)}` });
  if (node.enum && !node.enum.includes(value)) {
    out.push({ path, message: `must be one of ${node.enum.join(', ')} (got ${JSON.stringify(value)})` });
  }
  if (typeof value === 'string') checkString(node, value, path, out);
  else if (typeof value === 'number') checkNumber(node, value, path, out);
  else if (Array.isArray(value)) checkArray(node, value, path, out);
  else if (typeof value === 'object') checkObject(node, value as Record<string, unknown>, path, out);
}

function checkString(node: SchemaNode, value: string, path: string, out: SchemaProblem[]): void {
  if (node.minLength !== undefined && value.length < node.minLength) {
    out.push({
      path,
      message: node.minLength === 1 ? 'must not be empty' : `must be at least ${node.minLength} characters`,
    });
    return;
  }
  if (node.maxLength !== undefined && value.length > node.maxLength)
    out.push({ path, message: `must be at most ${node.maxLength} characters` });
  if (node.pattern !== undefined && !new RegExp(node.pattern).test(value)) {
    out.push({ path, message: `must match ${node.pattern} (got ${JSON.stringify(value)})` });
  }
  const format = node[TESSERA_FORMAT];
  const problem = format ? FORMAT_CHECKS[format](value) : undefined;
  if (problem) out.push({ path, message: problem });
}

function checkNumber(node: SchemaNode, value: number, path: string, out: SchemaProblem[]): void {
  if (node.minimum !== undefined && value < node.minimum)
    out.push({ path, message: `must be at least ${node.minimum}` });
  if (node.maximum !== undefined && value > node.maximum)
    out.push({ path, message: `must be at most ${node.maximum}` });
}

function checkArray(node: SchemaNode, value: unknown[], path: string, out: SchemaProblem[]): void {
  if (node.minItems !== undefined && value.length < node.minItems)
    out.push({ path, message: `must have at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}` });
  if (node.maxItems !== undefined && value.length > node.maxItems)
    out.push({ path, message: `must have at most ${node.maxItems} items` });
  if (node.items) value.forEach((item, i) => visit(node.items as SchemaNode, item, indexPath(path, i), out));
}

function checkObject(
  node: SchemaNode,
  value: Record<string, unknown>,
  path: string,
  out: SchemaProblem[],
): void {
  const keys = Object.keys(value).filter((k) => value[k] !== null || node.properties?.[k]?.nullable);
  for (const name of node.required ?? []) {
    if (value[name] === undefined || value[name] === null)
      out.push({ path: joinPath(path, name), message: 'required' });
  }
  checkPropertyCount(node, keys, path, out);
  for (const [name, child] of Object.entries(value)) {
    const property = node.properties?.[name];
    if (property) visit(property, child, joinPath(path, name), out);
    else if (typeof node.additionalProperties === 'object')
      visit(node.additionalProperties, child, indexPath(path, name), out);
    else if (node.properties && !node['x-kubernetes-preserve-unknown-fields']) {
      const message = node[UNKNOWN_FIELD_MESSAGE] ?? 'unknown field';
      out.push({ path: joinPath(path, name), message: `${message}${suggestField(name, path, node)}` });
    }
  }
}

function checkPropertyCount(node: SchemaNode, keys: string[], path: string, out: SchemaProblem[]): void {
  const { minProperties: min, maxProperties: max } = node;
  if (min === 1 && max === 1 && keys.length !== 1) {
    const choices = Object.keys(node.properties ?? {}).join(', ');
    const got = keys.length === 0 ? 'none' : keys.join(', ');
    out.push({ path, message: `exactly one of ${choices} must be set (got ${got})` });
    return;
  }
  if (min !== undefined && keys.length < min)
    out.push({ path, message: `must have at least ${min} field${min === 1 ? '' : 's'}` });
  if (max !== undefined && keys.length > max)
    out.push({ path, message: `must have at most ${max} field${max === 1 ? '' : 's'}` });
}

function checkIntOrString(value: unknown, path: string, out: SchemaProblem[]): void {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return;
  out.push({ path, message: `must be an integer or a string (got ${describe(value)})` });
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === type;
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'an object',
    array: 'a list',
    integer: 'an integer',
    string: 'a string',
  };
  return names[type] ?? `a ${type}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${article(typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value)}`;
}
