/**
 * The package's inversify module: contributes the 1Password provider to the registry through the
 * multi-bound `ProviderContribution` token. Nothing is registered by importing this package; the
 * composition root loads the module. Each container gets its own provider, and so its own per-store
 * request budgets.
 */
import { ContainerModule, tokens, type ProviderContribution } from '@tessera/core';
import { onePasswordProviderDescriptor } from './onepassword-descriptor.js';
import { OnePasswordProvider, type OnePasswordProviderOptions } from './onepassword-provider.js';

/** Builds a module contributing a provider made with `options` (tests pass a clock). */
export function createOnePasswordModule(options: OnePasswordProviderOptions = {}): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<ProviderContribution>(tokens.ProviderContribution)
      .toResolvedValue((): ProviderContribution => ({
        descriptor: onePasswordProviderDescriptor,
        provider: new OnePasswordProvider(options) as ProviderContribution['provider'],
      }))
      .inSingletonScope();
  });
}

/** Load it in the composition root to enable `spec.provider.onepassword` (production defaults). */
export const onePasswordModule: ContainerModule = createOnePasswordModule();
