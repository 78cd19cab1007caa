import 'reflect-metadata';
import { Type } from '@sinclair/typebox';
import { ContainerModule } from 'inversify';
import { DuplicateProviderError } from '../api/v1/store-schema.js';
import { createContainer } from '../di/create-container.js';
import * as tokens from '../di/tokens.js';
import { stubContribution } from '../testing/stub-provider.js';
import { InvalidProviderConfigError } from './errors.js';
import type { ProviderContribution } from './provider.js';
import { ProviderRegistry } from './provider-registry.js';

function moduleFor(...contributions: ProviderContribution[]): ContainerModule {
  return new ContainerModule(({ bind }) => {
    for (const contribution of contributions) bind(tokens.ProviderContribution).toConstantValue(contribution);
  });
}

describe('ProviderRegistry', () => {
  it('collects the contributions of every loaded provider module, keyed by descriptor name', () => {
    // GIVEN two provider packages' modules
    const container = createContainer({
      providerModules: [moduleFor(stubContribution('vault')), moduleFor(stubContribution('aws'))],
    });
    // WHEN the registry is built
    const registry = container.get<ProviderRegistry>(tokens.ProviderRegistry);
    // THEN both keys are known, sorted
    expect(registry.names()).toEqual(['aws', 'vault']);
  });

  it('builds with no provider modules at all', () => {
    const registry = createContainer({ providerModules: [] }).get<ProviderRegistry>(tokens.ProviderRegistry);
    expect(registry.names()).toEqual([]);
  });

  it('fails at start-up when two modules claim the same spec.provider key', () => {
    expect(() =>
      createContainer({
        providerModules: [moduleFor(stubContribution('vault')), moduleFor(stubContribution('vault'))],
      }),
    ).toThrow(DuplicateProviderError);
  });

  it('resolves the one provider a store names, with its block', () => {
    const registry = new ProviderRegistry([stubContribution('vault'), stubContribution('fake')]);
    const resolved = registry.resolve({ provider: { fake: { data: [] } } });
    expect(resolved.name).toBe('fake');
    expect(resolved.block).toEqual({ data: [] });
  });

  it('names the unknown key and the known ones when a store names an unknown provider', () => {
    const registry = new ProviderRegistry([stubContribution('vault'), stubContribution('fake')]);
    expect(() => registry.resolve({ provider: { gcpsm: {} } })).toThrow(InvalidProviderConfigError);
    expect(() => registry.resolve({ provider: { gcpsm: {} } })).toThrow(
      'spec.provider.gcpsm is not a provider this operator knows (known: fake, vault)',
    );
  });

  it('refuses a spec naming no provider or several', () => {
    const registry = new ProviderRegistry([stubContribution('vault'), stubContribution('fake')]);
    expect(() => registry.resolve({ provider: {} })).toThrow(/names none/);
    expect(() => registry.resolve({})).toThrow(/names none/);
    expect(() => registry.resolve({ provider: { vault: {}, fake: {} } })).toThrow(/names 2 \(fake, vault\)/);
  });

  it('checks the block against the descriptor schema, naming fields but never values', () => {
    const contribution: ProviderContribution = {
      descriptor: {
        name: 'strict',
        capabilities: 'ReadOnly',
        schema: Type.Object({ token: Type.Number(), server: Type.String() }),
      },
      provider: stubContribution('x').provider,
    };
    const registry = new ProviderRegistry([contribution]);
    const attempt = () => registry.resolveValidated({ provider: { strict: { token: 'canary-s3cr3t' } } });
    expect(attempt).toThrow(InvalidProviderConfigError);
    expect(attempt).toThrow(/spec\.provider\.strict/);
    expect(attempt).not.toThrow(/canary-s3cr3t/);
  });
});
