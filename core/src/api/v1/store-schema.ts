/**
 * Assembles the real `SecretStoreSpec` schema from provider descriptors (design.md §4): each
 * descriptor contributes one optional property under `spec.provider`, and `spec.provider` must hold
 * exactly one of them (`minProperties: 1`, `maxProperties: 1`, as in ESO). Core has no list of
 * providers: the composition root passes the descriptors it loads.
 */
import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import type { ProviderDescriptor } from '../../provider/provider.js';
import { UNKNOWN_FIELD_MESSAGE } from './schema-helpers.js';
import { secretStoreSpecProperties } from './secret-store.js';

/** Two descriptors claim the same `spec.provider` key. */
export class DuplicateProviderError extends Error {
  constructor(readonly providerName: string) {
    super(
      `provider "${providerName}" is registered twice; remove one of the modules from the composition root`,
    );
    this.name = 'DuplicateProviderError';
  }
}

/** The schema of `spec.provider`: one optional property per descriptor, exactly one set. */
export function buildProviderSchema(descriptors: readonly ProviderDescriptor[]): TObject {
  const properties: Record<string, TSchema> = {};
  for (const descriptor of descriptors) {
    if (descriptor.name in properties) throw new DuplicateProviderError(descriptor.name);
    properties[descriptor.name] = Type.Optional(descriptor.schema);
  }
  return Type.Object(properties, {
    minProperties: 1,
    maxProperties: 1,
    description: 'Used to configure the provider. Only one provider may be set.',
    [UNKNOWN_FIELD_MESSAGE]: `unknown provider; this build of Tessera loads: ${descriptors.map((d) => d.name).join(', ') || 'none'}`,
  });
}

/** `SecretStoreSpec` with `provider` assembled from `descriptors`; shared by SecretStore and ClusterSecretStore. */
export function buildSecretStoreSpecSchema(descriptors: readonly ProviderDescriptor[]): TObject {
  return Type.Object(
    { ...secretStoreSpecProperties, provider: buildProviderSchema(descriptors) },
    { description: 'SecretStoreSpec defines the desired state of SecretStore.' },
  );
}
