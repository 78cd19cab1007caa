import type { JsonSchema } from './schema-types.js';

/** A declared property that carries a `default`. */
export interface DefaultedProperty {
  readonly key: string;
  readonly node: SchemaNode;
  /** The default value; objects and arrays are copied before use, primitives are not. */
  readonly value: unknown;
  readonly needsCopy: boolean;
}

function isPrimitive(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

/**
 * A structural schema node with every field the prune, default and validate walks read, built once per schema
 * object. CRD schemas come in many shapes, so reading keywords off the raw JSON objects makes every property access
 * megamorphic; one class keeps them monomorphic, and flags let the walks skip absent keywords. Rare keywords are
 * read from `source`.
 */
export class SchemaNode {
  readonly type: string | undefined;
  readonly nullable: boolean;
  readonly intOrString: boolean;
  readonly enumValues: readonly unknown[] | undefined;
  /** The enum as a set when every value is a primitive (compared with `===`, like jsonEqual does for them). */
  readonly enumSet: ReadonlySet<unknown> | undefined;
  readonly properties: ReadonlyMap<string, SchemaNode> | undefined;
  /** `additionalProperties` when it is a schema. */
  readonly additional: SchemaNode | undefined;
  /** `additionalProperties: true`. */
  readonly additionalAllowed: boolean;
  readonly items: SchemaNode | undefined;
  readonly required: readonly string[];
  readonly preserveUnknown: boolean;
  readonly embedded: boolean;
  readonly defaulted: readonly DefaultedProperty[];
  readonly checksNumber: boolean;
  readonly checksString: boolean;
  readonly checksArray: boolean;
  readonly checksPropertyCount: boolean;
  readonly hasCombinators: boolean;

  constructor(readonly source: JsonSchema) {
    const s = source;
    this.type = s.type;
    this.nullable = !!s.nullable;
    this.intOrString = !!s['x-kubernetes-int-or-string'];
    this.enumValues = s.enum;
    this.enumSet = s.enum && s.enum.every(isPrimitive) ? new Set(s.enum) : undefined;
    this.properties = s.properties
      ? new Map(Object.entries(s.properties).map(([k, p]) => [k, schemaNode(p)]))
      : undefined;
    const additional = s.additionalProperties;
    this.additional =
      typeof additional === 'object' && additional !== null && !Array.isArray(additional)
        ? schemaNode(additional)
        : undefined;
    this.additionalAllowed = additional === true;
    this.items = s.items ? schemaNode(s.items) : undefined;
    this.required = s.required ?? [];
    this.preserveUnknown = s['x-kubernetes-preserve-unknown-fields'] === true;
    this.embedded = s['x-kubernetes-embedded-resource'] === true;
    this.defaulted = Object.entries(s.properties ?? {})
      .filter(([, p]) => p.default !== undefined)
      .map(([key, p]) => ({
        key,
        node: schemaNode(p),
        value: p.default,
        needsCopy: !isPrimitive(p.default),
      }));
    this.checksNumber = s.maximum !== undefined || s.minimum !== undefined || s.multipleOf !== undefined;
    this.checksString =
      s.maxLength !== undefined || s.minLength !== undefined || s.pattern !== undefined || !!s.format;
    this.checksArray =
      s.maxItems !== undefined ||
      s.minItems !== undefined ||
      !!s.uniqueItems ||
      s['x-kubernetes-list-type'] === 'set' ||
      s['x-kubernetes-list-type'] === 'map';
    this.checksPropertyCount = s.maxProperties !== undefined || s.minProperties !== undefined;
    this.hasCombinators = !!(s.allOf || s.anyOf || s.oneOf || s.not);
  }

  /** The schema of a member of an object: the declared property, else a schema-valued additionalProperties. */
  member(key: string): SchemaNode | undefined {
    return this.properties?.get(key) ?? this.additional;
  }
}

const nodes = new WeakMap<JsonSchema, SchemaNode>();

/** The node of a schema object (built on first use; schemas are never mutated). */
export function schemaNode(schema: JsonSchema): SchemaNode {
  let node = nodes.get(schema);
  if (node === undefined) {
    node = new SchemaNode(schema);
    nodes.set(schema, node);
  }
  return node;
}
