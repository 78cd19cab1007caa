/** The fake provider's ContainerModule: contributes `spec.provider.fake` to the registry. */
import { ContainerModule, tokens, type ProviderContribution } from '@tessera/core';
import { fakeProviderDescriptor } from './fake-descriptor.js';
import { FakeProvider } from './fake-provider.js';

/** Load it in the composition root to enable `spec.provider.fake`. Each container gets its own provider state. */
export const fakeModule = new ContainerModule(({ bind }) => {
  bind<ProviderContribution>(tokens.ProviderContribution)
    .toResolvedValue(() => ({
      descriptor: fakeProviderDescriptor,
      provider: new FakeProvider(),
    }))
    .inSingletonScope();
});
