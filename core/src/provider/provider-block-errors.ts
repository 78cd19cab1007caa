/**
 * Checks a provider block against its descriptor's schema and describes what is wrong by field path
 * and expectation only: values are never quoted, since a block may hold credentials.
 *
 * The check is the offline validator's (`validation/schema-validator.ts`), which knows the JSON
 * Schema subset our schema helpers emit (`MapOf`, `StringEnum`, `IntOrString`, …) and judges a
 * block as the API server judges it against the generated CRD. TypeBox's own `Value.Errors` cannot
 * be used here: it throws "Unknown type" on every `Type.Unsafe` node those helpers build.
 */
import type { TSchema } from '@sinclair/typebox';
import { validateAgainstSchema } from '../validation/schema-validator.js';

/** At most this many problems are reported; the first ones are enough to act on. */
const MAX_REPORTED = 3;

/** The validator quotes the offending value for enum and pattern failures; a block may hold secrets. */
const QUOTED_VALUE = / \(got ".*"\)$/s;

/**
 * Human-readable problems of `block`, each `<path>: <expectation>`, where the path starts at
 * `prefix` (e.g. `spec.provider.vault`). Empty when the block is valid.
 */
export function providerBlockErrors(schema: TSchema, block: unknown, prefix: string): string[] {
  return validateAgainstSchema(schema, block, prefix)
    .slice(0, MAX_REPORTED)
    .map((problem) => `${problem.path}: ${problem.message.replace(QUOTED_VALUE, '')}`);
}
