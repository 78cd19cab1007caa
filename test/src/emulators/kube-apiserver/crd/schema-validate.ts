import type { FieldError } from '../api/field-error.js';
import { isJsonObject, jsonEqual, type JsonObject } from '../api/kube-object.js';
import { matchesFormat } from './schema-formats.js';
import { schemaNode, type SchemaNode } from './schema-node.js';
import { childPath, type JsonSchema } from './schema-types.js';

/** The kube-openapi type name of a JSON value. */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v;
}

function typeMatches(type: string, v: unknown): boolean {
  const actual = typeName(v);
  return actual === type || (type === 'number' && actual === 'integer');
}

function checkType(v: unknown, n: SchemaNode, path: string): FieldError | undefined {
  if (v === null)
    return n.nullable
      ? undefined
      : {
          type: 'TypeInvalid',
          field: path,
          value: 'null',
          detail: `${path} in body must be of type ${n.type ?? 'object'}: "null"`,
        };
  if (n.intOrString) {
    if (typeof v === 'string' || Number.isInteger(v)) return undefined;
    return {
      type: 'TypeInvalid',
      field: path,
      value: typeName(v),
      detail: `${path} in body must be of type integer,string: "${typeName(v)}"`,
    };
  }
  if (!n.type || typeMatches(n.type, v)) return undefined;
  return {
    type: 'TypeInvalid',
    field: path,
    value: typeName(v),
    detail: `${path} in body must be of type ${n.type}: "${typeName(v)}"`,
  };
}

function numberError(errs: FieldError[], v: number, path: string, detail: string): void {
  errs.push({ type: 'Invalid', field: path, value: v, detail: `${path} in body ${detail}` });
}

function checkNumber(v: number, s: JsonSchema, path: string, errs: FieldError[]): void {
  if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum))
    numberError(errs, v, path, `should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${s.maximum}`);
  if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum))
    numberError(
      errs,
      v,
      path,
      `should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${s.minimum}`,
    );
  if (
    s.multipleOf !== undefined &&
    s.multipleOf !== 0 &&
    Math.abs(v / s.multipleOf - Math.round(v / s.multipleOf)) > 1e-9
  )
    numberError(errs, v, path, `should be a multiple of ${s.multipleOf}`);
}

function checkString(v: string, s: JsonSchema, path: string, errs: FieldError[]): void {
  const length = s.maxLength !== undefined || s.minLength !== undefined ? [...v].length : 0;
  if (s.maxLength !== undefined && length > s.maxLength)
    errs.push({ type: 'TooLong', field: path, detail: `may not be more than ${s.maxLength} bytes` });
  if (s.minLength !== undefined && length < s.minLength)
    errs.push({
      type: 'Invalid',
      field: path,
      value: v,
      detail: `${path} in body should be at least ${s.minLength} chars long`,
    });
  if (s.pattern !== undefined && !safeRegExp(s.pattern).test(v))
    errs.push({
      type: 'Invalid',
      field: path,
      value: v,
      detail: `${path} in body should match '${s.pattern}'`,
    });
  if (s.format && !matchesFormat(s.format, v))
    errs.push({
      type: 'Invalid',
      field: path,
      value: v,
      detail: `${path} in body must be of type ${s.format}: "${v}"`,
    });
}

const regexCache = new Map<string, RegExp>();
function safeRegExp(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = /(?:)/;
    }
    regexCache.set(pattern, re);
  }
  return re;
}

function checkArray(v: unknown[], n: SchemaNode, path: string, errs: FieldError[]): void {
  if (n.checksArray) checkArrayRules(v, n.source, path, errs);
  if (n.items) for (let i = 0; i < v.length; i++) validateInto(v[i], n.items, `${path}[${i}]`, errs);
}

function checkArrayRules(v: unknown[], s: JsonSchema, path: string, errs: FieldError[]): void {
  if (s.maxItems !== undefined && v.length > s.maxItems)
    errs.push({
      type: 'TooMany',
      field: path,
      value: v.length,
      rawValue: String(v.length),
      detail: `must have at most ${s.maxItems} items`,
    });
  if (s.minItems !== undefined && v.length < s.minItems)
    errs.push({
      type: 'Invalid',
      field: path,
      value: v,
      detail: `${path} in body should have at least ${s.minItems} items`,
    });
  const listType = s['x-kubernetes-list-type'];
  if (s.uniqueItems || listType === 'set') {
    v.forEach((item, i) => {
      if (v.findIndex((x) => jsonEqual(x, item)) < i)
        errs.push({ type: 'Duplicate', field: `${path}[${i}]`, value: item });
    });
  } else if (listType === 'map') {
    const keys = s['x-kubernetes-list-map-keys'] ?? [];
    const keyOf = (item: unknown): string =>
      JSON.stringify(keys.map((k) => (isJsonObject(item) ? item[k] : undefined)));
    v.forEach((item, i) => {
      if (v.findIndex((x) => keyOf(x) === keyOf(item)) < i)
        errs.push({
          type: 'Duplicate',
          field: `${path}[${i}]`,
          value: Object.fromEntries(keys.map((k) => [k, (item as JsonObject)[k]])),
        });
    });
  }
}

function checkObject(v: JsonObject, n: SchemaNode, path: string, errs: FieldError[]): void {
  for (const req of n.required)
    if (v[req] === undefined) errs.push({ type: 'Required', field: childPath(path, req) });
  if (n.checksPropertyCount) checkPropertyCount(v, n.source, path, errs);
  for (const key in v) {
    const prop = n.member(key);
    if (prop) validateInto(v[key], prop, childPath(path, key), errs);
  }
}

function checkPropertyCount(v: JsonObject, s: JsonSchema, path: string, errs: FieldError[]): void {
  const count = Object.keys(v).length;
  if (s.maxProperties !== undefined && count > s.maxProperties)
    errs.push({
      type: 'TooMany',
      field: path,
      value: count,
      detail: `must have at most ${s.maxProperties} items`,
    });
  if (s.minProperties !== undefined && count < s.minProperties)
    errs.push({
      type: 'Invalid',
      field: path,
      value: count,
      detail: `${path} in body should have at least ${s.minProperties} properties`,
    });
}

function checkCombinators(v: unknown, s: JsonSchema, path: string, errs: FieldError[]): void {
  for (const sub of s.allOf ?? []) validateInto(v, schemaNode(sub), path, errs);
  const passes = (list: JsonSchema[]): number =>
    list.filter((sub) => validateSchema(v, sub, path).length === 0).length;
  if (s.anyOf && passes(s.anyOf) === 0)
    errs.push({
      type: 'Invalid',
      field: path,
      value: v,
      detail: `${path} in body must validate at least one schema (anyOf)`,
    });
  if (s.oneOf && passes(s.oneOf) !== 1)
    errs.push({
      type: 'Invalid',
      field: path,
      value: v,
      detail: `${path} in body must validate one and only one schema (oneOf)`,
    });
  if (s.not && validateSchema(v, s.not, path).length === 0)
    errs.push({
      type: 'Invalid',
      field: path,
      value: v,
      detail: `${path} in body must not validate the schema (not)`,
    });
}

/**
 * OpenAPI v3 value validation of a structural schema, with the error texts of kube-openapi as converted by
 * apiextensions (`spec.size in body must be of type integer: "string"`). `x-kubernetes-validations` (CEL) is not
 * evaluated: a documented gap that never rejects a valid object.
 */
export function validateSchema(v: unknown, s: JsonSchema | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (s) validateInto(v, schemaNode(s), path, errs);
  return errs;
}

function inEnum(n: SchemaNode, v: unknown): boolean {
  if (n.enumSet) return n.enumSet.has(v);
  for (const e of n.enumValues ?? []) if (jsonEqual(e, v)) return true;
  return false;
}

/** {@link validateSchema}, appending to `errs` (one array for the whole walk). */
function validateInto(v: unknown, n: SchemaNode, path: string, errs: FieldError[]): void {
  const typeErr = checkType(v, n, path);
  if (typeErr) {
    errs.push(typeErr);
    return;
  }
  if (v === null) return;
  if (n.enumValues && !inEnum(n, v)) {
    errs.push({
      type: 'NotSupported',
      field: path,
      value: v,
      detail: `supported values: ${n.enumValues.map((e) => JSON.stringify(e)).join(', ')}`,
    });
  }
  if (typeof v === 'number') {
    if (n.checksNumber) checkNumber(v, n.source, path, errs);
  } else if (typeof v === 'string') {
    if (n.checksString) checkString(v, n.source, path, errs);
  } else if (Array.isArray(v)) checkArray(v, n, path, errs);
  else if (typeof v === 'object') checkObject(v as JsonObject, n, path, errs);
  if (n.hasCombinators) checkCombinators(v, n.source, path, errs);
}
