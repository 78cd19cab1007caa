/**
 * Checks a provider block against its descriptor's TypeBox schema and describes what is wrong by
 * field path and expectation only: values are never quoted, since a block may hold credentials.
 */
import type { TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType } from '@sinclair/typebox/value';

/** At most this many problems are reported; the first ones are enough to act on. */
const MAX_REPORTED = 3;

/**
 * Human-readable problems of `block`, each `<path>: <expectation>`, where the path starts at
 * `prefix` (e.g. `spec.provider.vault`). Empty when the block is valid. Formats the schema library
 * does not know are not checked here.
 */
export function providerBlockErrors(schema: TSchema, block: unknown, prefix: string): string[] {
  const problems: string[] = [];
  for (const error of Value.Errors(schema, block)) {
    if (error.type === ValueErrorType.StringFormatUnknown) continue;
    const path = error.path === '' ? prefix : `${prefix}${error.path.replace(/\//g, '.')}`;
    problems.push(`${path}: ${error.message}`);
    if (problems.length >= MAX_REPORTED) break;
  }
  return problems;
}
