import { Type } from '@sinclair/typebox';
import type { ProviderDescriptor } from '../../provider/provider.js';
import { buildSecretStoreSpecSchema, DuplicateProviderError } from './store-schema.js';

const descriptor = (name: string): ProviderDescriptor => ({
  name,
  schema: Type.Object({ url: Type.String() }),
  capabilities: 'ReadOnly',
});

describe('buildSecretStoreSpecSchema', () => {
  it('gives spec.provider one optional property per descriptor and requires exactly one', () => {
    // GIVEN two provider descriptors
    const descriptors = [descriptor('alpha'), descriptor('beta')];

    // WHEN the store spec schema is assembled
    const spec = buildSecretStoreSpecSchema(descriptors);

    // THEN provider lists both keys, neither required, with min/max one property
    const provider = spec.properties.provider as unknown as Record<string, unknown> & { properties: object };
    expect(Object.keys(provider.properties)).toEqual(['alpha', 'beta']);
    expect(provider.required).toBeUndefined();
    expect(provider.minProperties).toBe(1);
    expect(provider.maxProperties).toBe(1);
    expect(spec.required).toEqual(['provider']);
  });

  it('refuses two descriptors with the same key', () => {
    expect(() => buildSecretStoreSpecSchema([descriptor('alpha'), descriptor('alpha')])).toThrow(
      DuplicateProviderError,
    );
  });
});
