/**
 * Checks a provider block against its descriptor's schema and describes what is wrong by field path
 * and expectation only: values are never quoted, since a block may hold credentials.
 *
 * The check is the offline validator's (`validation/schema-validator.ts`), which knows the JSON
 * Schema subset our schema helpers emit (`MapOf`, `StringEnum`, `IntOrString`, …). TypeBox's own
 * `Value.Errors` cannot be used here: it throws "Unknown type" on every `Type.Unsafe` node those
 * helpers build. Unlike `tessera validate`, unknown fields are ignored at run time, as before: the
 * API server prunes them under our CRDs, and a store written for a newer ESO must not break.
 */
import type { TSchema } from '@sinclair/typebox';
import { validateAgainstSchema } from '../validation/schema-validator.js';

/** At most this many problems are reported; the first ones are enough to act on. */
const MAX_REPORTED = 3;

/** The validator quotes the offending value for enum and pattern failures; a block may hold secrets. */
const QUOTED_VALUE = / \(got ".*"\)$/s;

const PRESERVE_UNKNOWN = 'x-kubernetes-preserve-unknown-fields';
const lenientSchemas = new WeakMap<object, object>();

/**
 * Human-readable problems of `block`, each `<path>: <expectation>`, where the path starts at
 * `prefix` (e.g. `spec.provider.vault`). Empty when the block is valid.
 */
export function providerBlockErrors(schema: TSchema, block: unknown, prefix: string): string[] {
  return validateAgainstSchema(lenient(schema), block, prefix)
    .slice(0, MAX_REPORTED)
    .map((problem) => `${problem.path}: ${problem.message.replace(QUOTED_VALUE, '')}`);
}

/** `schema` with unknown fields allowed on every object (computed once per schema). */
function lenient(schema: object): object {
  let copy = lenientSchemas.get(schema);
  if (!copy) {
    copy = allowUnknownFields(schema) as object;
    lenientSchemas.set(schema, copy);
  }
  return copy;
}

function allowUnknownFields(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowUnknownFields);
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = allowUnknownFields(value);
  if (copy.properties !== undefined) copy[PRESERVE_UNKNOWN] = true;
  return copy;
}
