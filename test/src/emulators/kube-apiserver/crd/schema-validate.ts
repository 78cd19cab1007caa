import type { FieldError } from '../api/field-error.js';
import { isJsonObject, jsonEqual, type JsonObject } from '../api/kube-object.js';
import { matchesFormat } from './schema-formats.js';
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

function checkType(v: unknown, s: JsonSchema, path: string): FieldError | undefined {
  if (v === null)
    return s.nullable
      ? undefined
      : {
          type: 'TypeInvalid',
          field: path,
          value: 'null',
          detail: `${path} in body must be of type ${s.type ?? 'object'}: "null"`,
        };
  if (s['x-kubernetes-int-or-string']) {
    if (typeof v === 'string' || Number.isInteger(v)) return undefined;
    return {
      type: 'TypeInvalid',
      field: path,
      value: typeName(v),
      detail: `${path} in body must be of type integer,string: "${typeName(v)}"`,
    };
  }
  if (!s.type || typeMatches(s.type, v)) return undefined;
  return {
    type: 'TypeInvalid',
    field: path,
    value: typeName(v),
    detail: `${path} in body must be of type ${s.type}: "${typeName(v)}"`,
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

function checkArray(v: unknown[], s: JsonSchema, path: string, errs: FieldError[]): void {
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
  if (s.items) v.forEach((item, i) => validateInto(item, s.items, `${path}[${i}]`, errs));
}

function checkObject(v: JsonObject, s: JsonSchema, path: string, errs: FieldError[]): void {
  for (const req of s.required ?? [])
    if (v[req] === undefined) errs.push({ type: 'Required', field: childPath(path, req) });
  const count = s.maxProperties !== undefined || s.minProperties !== undefined ? Object.keys(v).length : 0;
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
  for (const [key, value] of Object.entries(v)) {
    const prop =
      s.properties?.[key] ?? (isJsonObject(s.additionalProperties) ? s.additionalProperties : undefined);
    if (prop) validateInto(value, prop, childPath(path, key), errs);
  }
}

function checkCombinators(v: unknown, s: JsonSchema, path: string, errs: FieldError[]): void {
  if (!s.allOf && !s.anyOf && !s.oneOf && !s.not) return;
  for (const sub of s.allOf ?? []) validateInto(v, { ...sub, type: sub.type }, path, errs);
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
  validateInto(v, s, path, errs);
  return errs;
}

/** {@link validateSchema}, appending to `errs` (one array for the whole walk). */
function validateInto(v: unknown, s: JsonSchema | undefined, path: string, errs: FieldError[]): void {
  if (!s) return;
  const typeErr = checkType(v, s, path);
  if (typeErr) {
    errs.push(typeErr);
    return;
  }
  if (v === null) return;
  if (s.enum && !s.enum.some((e) => jsonEqual(e, v))) {
    errs.push({
      type: 'NotSupported',
      field: path,
      value: v,
      detail: `supported values: ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`,
    });
  }
  if (typeof v === 'number') checkNumber(v, s, path, errs);
  else if (typeof v === 'string') checkString(v, s, path, errs);
  else if (Array.isArray(v)) checkArray(v, s, path, errs);
  else if (isJsonObject(v)) checkObject(v, s, path, errs);
  checkCombinators(v, s, path, errs);
}
