/**
 * Descriptor of the `fake` provider: ESO-compatible `spec.provider.fake`, a static list of values
 * held in the store itself. Used by tests, examples and the playground.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { ProviderDescriptor } from '@tessera/core';

/** One static entry: `key` (and optional `version`) name it; `value` or `valueMap` hold it. */
export const FakeProviderDataSchema = Type.Object({
  key: Type.String({ description: 'The remote key this entry answers to (remoteRef.key).' }),
  value: Type.Optional(Type.String({ description: 'The value returned for the key.' })),
  valueMap: Type.Optional(
    Type.Unsafe<Record<string, string>>({
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Deprecated: use value with a JSON object instead.',
    }),
  ),
  version: Type.Optional(
    Type.String({ description: 'The version this entry answers to (remoteRef.version).' }),
  ),
});
export type FakeProviderData = Static<typeof FakeProviderDataSchema>;

/** `spec.provider.fake`. */
export const FakeProviderSchema = Type.Object(
  {
    data: Type.Array(FakeProviderDataSchema),
    validationResult: Type.Optional(
      Type.Integer({
        description: 'Result the store validation reports: 0 Ready, 1 Unknown, 2 Error (tests only).',
      }),
    ),
  },
  { description: 'Fake configures a store with static key/value pairs (for tests and demos).' },
);
export type FakeProviderSpec = Static<typeof FakeProviderSchema>;

/** The fake provider's descriptor: key `fake`, read-write. */
export const fakeProviderDescriptor: ProviderDescriptor = {
  name: 'fake',
  schema: FakeProviderSchema,
  capabilities: 'ReadWrite',
  maintenance: 'Maintained',
};
