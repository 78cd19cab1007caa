/**
 * The providers this build of Tessera loads. Adding a provider is one package plus one line in each
 * list here: nothing registers itself by being imported.
 */
import type { ContainerModule, ProviderDescriptor } from '@tessera/core';
import { fakeModule, fakeProviderDescriptor } from '@tessera/provider-fake';
import { onePasswordModule, onePasswordProviderDescriptor } from '@tessera/provider-onepassword';

/** Descriptors of every loaded provider (they shape `spec.provider` in validation and CRDs). */
export const PROVIDER_DESCRIPTORS: readonly ProviderDescriptor[] = [
  fakeProviderDescriptor,
  onePasswordProviderDescriptor,
];

/** The providers' ContainerModules, loaded into the operator's container. */
export const PROVIDER_MODULES: readonly ContainerModule[] = [fakeModule, onePasswordModule];
