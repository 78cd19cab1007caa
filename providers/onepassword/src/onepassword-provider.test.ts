import 'reflect-metadata';
import { Container } from 'inversify';
import { InvalidProviderConfigError, validateAgainstSchema, type ProviderContribution } from '@tessera/core';
import { onePasswordProviderDescriptor } from './onepassword-descriptor.js';
import { onePasswordModule } from './onepassword-module.js';
import { OnePasswordProvider } from './onepassword-provider.js';
import {
  CACHE_TTL_ANNOTATION,
  REQUESTS_PER_HOUR_ANNOTATION,
  settingsFromAnnotations,
} from './onepassword-settings.js';
import { OnePasswordProviderSchema } from './onepassword-spec.js';
import { aOnePasswordStore } from './test-support.js';

const provider = new OnePasswordProvider();
const aStore = (overrides: Partial<Parameters<typeof aOnePasswordStore>[0]> = {}) =>
  aOnePasswordStore({ connectHost: 'http://onepassword-connect:8080', ...overrides });

describe('1Password provider: store validation, descriptor and module', () => {
  it('accepts an ESO store block unchanged', () => {
    const block = {
      connectHost: 'https://connect.example.com',
      vaults: { infrastructure: 1, applications: 2 },
      auth: { secretRef: { connectTokenSecretRef: { name: 'op-token', key: 'token', namespace: 'ops' } } },
    };
    expect(validateAgainstSchema(OnePasswordProviderSchema, block)).toEqual([]);
    expect(provider.validateStore({ ...aStore(), spec: block })).toEqual([]);
  });

  it('reports a block missing connectHost or with a non-integer priority against its schema', () => {
    const problems = validateAgainstSchema(OnePasswordProviderSchema, {
      vaults: { a: 'one' },
      auth: { secretRef: { connectTokenSecretRef: { name: 'x' } } },
    });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['connectHost', 'vaults[a]']));
  });

  it('rejects a connectHost that is not a URL', () => {
    expect(() => provider.validateStore(aStore({ connectHost: 'not a url' }))).toThrow(
      /connectHost "not a url" is not a URL/,
    );
  });

  it('requires at least one vault', () => {
    expect(() => provider.validateStore(aStore({ vaults: {} }))).toThrow(/must name at least one vault/);
  });

  it('rejects two vaults with the same priority, naming both', () => {
    const validation = () => provider.validateStore(aStore({ vaults: { a: 1, b: 1 } }));
    expect(validation).toThrow(InvalidProviderConfigError);
    expect(validation).toThrow(/"a" and "b" share priority 1/);
  });

  it('requires the token Secret namespace on a ClusterSecretStore', () => {
    const store = aStore();
    const spec = {
      ...store.spec,
      auth: { secretRef: { connectTokenSecretRef: { name: 'op', key: 'token' } } },
    };
    expect(() => provider.validateStore({ ...store, spec })).toThrow(
      /namespace is required on a ClusterSecretStore/,
    );
    expect(provider.validateStore({ ...store, kind: 'SecretStore', namespace: 'team-a', spec })).toEqual([]);
  });

  it('warns when the token would travel over plain http to a non-cluster host', () => {
    expect(provider.validateStore(aStore({ connectHost: 'http://connect.example.com' }))[0]).toMatch(
      /plain http/,
    );
  });

  it('reads the budget and cache annotations, rejecting invalid values with the annotation name', () => {
    expect(
      settingsFromAnnotations({ [REQUESTS_PER_HOUR_ANNOTATION]: '1000', [CACHE_TTL_ANNOTATION]: '2m' }),
    ).toEqual({
      requestsPerHour: 1000,
      cacheTtlMs: 120_000,
    });
    expect(() =>
      provider.validateStore(aStore({ annotations: { [REQUESTS_PER_HOUR_ANNOTATION]: 'lots' } })),
    ).toThrow(/tessera.io\/onepassword-requests-per-hour must be a whole number/);
    expect(() => provider.validateStore(aStore({ annotations: { [CACHE_TTL_ANNOTATION]: 'soon' } }))).toThrow(
      /tessera.io\/onepassword-cache-ttl must be a duration/,
    );
  });

  it('describes itself as the read-write provider behind spec.provider.onepassword', () => {
    expect(onePasswordProviderDescriptor).toMatchObject({
      name: 'onepassword',
      capabilities: 'ReadWrite',
      maintenance: 'Maintained',
    });
  });

  it('contributes the provider through the ProviderContribution token when its module is loaded', async () => {
    const container = new Container();
    await container.load(onePasswordModule);
    const contributions = container.getAll<ProviderContribution>(Symbol.for('tessera/ProviderContribution'));
    expect(contributions.map((c) => c.descriptor.name)).toEqual(['onepassword']);
    expect(contributions[0].provider).toBeInstanceOf(OnePasswordProvider);
  });
});
