/** Descriptor of the 1Password Connect provider: key `onepassword`, read-write. */
import type { ProviderDescriptor } from '@tessera/core';
import { OnePasswordProviderSchema } from './onepassword-spec.js';

/** The `spec.provider` key this provider answers to. */
export const ONEPASSWORD_PROVIDER_NAME = 'onepassword';

/** The 1Password Connect provider's descriptor. */
export const onePasswordProviderDescriptor: ProviderDescriptor = {
  name: ONEPASSWORD_PROVIDER_NAME,
  schema: OnePasswordProviderSchema,
  capabilities: 'ReadWrite',
  maintenance: 'Maintained',
};
