/**
 * The providers this build of Tessera loads. Adding a provider is one package plus one line here:
 * nothing registers itself by being imported.
 */
import type { ProviderDescriptor } from '@tessera/core';
import { fakeProviderDescriptor } from '@tessera/provider-fake';

/** Descriptors of every loaded provider (they shape `spec.provider` in validation and CRDs). */
export const PROVIDER_DESCRIPTORS: readonly ProviderDescriptor[] = [fakeProviderDescriptor];
