import { Type } from '@sinclair/typebox';
import { MapOf, StringEnum } from '../api/v1/schema-helpers.js';
import { providerBlockErrors } from './provider-block-errors.js';

/** A block shaped like 1Password's: a map built with MapOf and an enum built with StringEnum. */
const schema = Type.Object({
  connectHost: Type.String(),
  vaults: MapOf(Type.Integer()),
  mode: Type.Optional(StringEnum(['fast', 'safe'])),
});

describe('providerBlockErrors', () => {
  it('accepts a valid block whose schema uses the core schema helpers', () => {
    expect(
      providerBlockErrors(schema, { connectHost: 'http://x', vaults: { a: 1, b: 2 } }, 'spec.provider.p'),
    ).toEqual([]);
  });

  it('names a wrong map value by its path', () => {
    expect(
      providerBlockErrors(schema, { connectHost: 'http://x', vaults: { a: 'first' } }, 'spec.provider.p'),
    ).toEqual(['spec.provider.p.vaults[a]: must be an integer (got a string)']);
  });

  it('never quotes the offending value of an enum', () => {
    const errors = providerBlockErrors(
      schema,
      { connectHost: 'http://x', vaults: {}, mode: 'canary-s3cr3t' },
      'spec.provider.p',
    );
    expect(errors).toEqual(['spec.provider.p.mode: must be one of fast, safe']);
  });

  it('reports a missing field, and ignores unknown fields as the API server would have pruned them', () => {
    expect(providerBlockErrors(schema, { vaults: {}, extra: true }, 'spec.provider.p')).toEqual([
      'spec.provider.p.connectHost: required',
    ]);
    const open = Type.Object({}, { additionalProperties: true });
    expect(providerBlockErrors(open, { anything: 1 }, 'spec.provider.p')).toEqual([]);
  });
});
