/**
 * Turns a TypeBox schema into a Kubernetes `JSONSchemaProps` tree. Only keywords a structural
 * schema may carry are copied; Tessera's own `x-tessera-*` markers are dropped; anything else
 * (`$ref`, `const`, `patternProperties`, `oneOf`, …) is a programming error and throws, so a schema
 * that a kube-apiserver would refuse can never reach `crds/`.
 */

/** A plain JSON Schema node as it appears in a CRD. */
export type CrdSchema = { [keyword: string]: unknown };

/** The schema uses a keyword CRDs cannot express. */
export class UnsupportedSchemaError extends Error {
  constructor(path: string, keyword: string) {
    super(
      `schema at ${path || '<root>'} uses "${keyword}", which a CRD cannot express; use the helpers in api/v1/schema-helpers.ts`,
    );
    this.name = 'UnsupportedSchemaError';
  }
}

const COPIED = new Set([
  'type',
  'description',
  'required',
  'enum',
  'default',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'minimum',
  'maximum',
  'format',
  'nullable',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-map-type',
  'x-kubernetes-list-type',
  'x-kubernetes-validations',
]);

/** Converts `schema` (a TypeBox / JSON Schema object) into a CRD schema node. */
export function toCrdSchema(schema: object, path = ''): CrdSchema {
  const out: CrdSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword.startsWith('x-tessera-')) continue;
    if (COPIED.has(keyword)) out[keyword] = structuredClone(value);
    else if (keyword === 'properties') out.properties = mapProperties(value as Record<string, object>, path);
    else if (keyword === 'items') out.items = toCrdSchema(value as object, `${path}[*]`);
    else if (keyword === 'additionalProperties') out.additionalProperties = additional(value, path);
    else if (keyword === 'anyOf' && schema['x-kubernetes-int-or-string' as keyof object] === true)
      out.anyOf = structuredClone(value);
    else throw new UnsupportedSchemaError(path, keyword);
  }
  return out;
}

function mapProperties(properties: Record<string, object>, path: string): Record<string, CrdSchema> {
  const out: Record<string, CrdSchema> = {};
  for (const [name, child] of Object.entries(properties))
    out[name] = toCrdSchema(child, path ? `${path}.${name}` : name);
  return out;
}

function additional(value: unknown, path: string): CrdSchema | boolean {
  if (value === false) throw new UnsupportedSchemaError(path, 'additionalProperties: false');
  if (value === true) return true;
  return toCrdSchema(value as object, `${path}.*`);
}
