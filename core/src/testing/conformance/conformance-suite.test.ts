/**
 * The conformance suite's own tests: its cases pass for a well-behaved provider and fail for one
 * that breaks the contract, and its leak check catches a value that reaches an event.
 */
import 'reflect-metadata';
import { ContainerModule } from 'inversify';
import * as tokens from '../../di/tokens.js';
import { SecretNotFoundError } from '../../provider/errors.js';
import type { ProviderContribution, RemoteRef } from '../../provider/provider.js';
import { CANARY } from '../external-secret-fixtures.js';
import { anExternalSecret } from '../fixtures.js';
import { StubProvider, StubSecretsClient, stubContribution } from '../stub-provider.js';
import type { ConformanceAdapter, ConformanceBackend, RemoteValue } from './conformance-adapter.js';
import { CaseHarness, resolveCapabilities, type ConformanceCase } from './conformance-case.js';
import { CONFORMANCE_CASE_GROUPS } from './describe-provider-conformance.js';

/** A stub client that hides "not found" behind a generic error, as ESO's 1Password provider did. */
class NotFoundHidingClient extends StubSecretsClient {
  override async getSecret(ref: RemoteRef): Promise<Uint8Array> {
    try {
      return await super.getSecret(ref);
    } catch (error) {
      if (error instanceof SecretNotFoundError) throw new Error('request failed');
      throw error;
    }
  }
}

/** An adapter over one shared stub client (remote values are its map). */
function stubAdapter(client: StubSecretsClient): ConformanceAdapter {
  const backend: ConformanceBackend = {
    storeSpec: () => ({ provider: {} }),
    seed: async (key: string, value: RemoteValue) =>
      client.set(
        key,
        typeof value === 'string' ? value : JSON.stringify((value as { fields: unknown }).fields),
      ),
    remove: (key: string) => client.deleteSecret({ remoteKey: key }),
    readPushed: async () => undefined,
    teardown: async () => undefined,
  };
  const contribution = stubContribution('stub', new StubProvider(() => client));
  return {
    name: 'stub',
    module: () =>
      new ContainerModule(({ bind }) => {
        bind<ProviderContribution>(tokens.ProviderContribution).toConstantValue(contribution);
      }),
    capabilities: { findReturns: 'key' },
    setup: async () => backend,
  };
}

function conformanceCase(name: string): ConformanceCase {
  const found = CONFORMANCE_CASE_GROUPS.flatMap((group) => group.cases).find((c) => c.name === name);
  if (!found) throw new Error(`no conformance case named "${name}"`);
  return found;
}

async function harnessFor(client: StubSecretsClient): Promise<CaseHarness> {
  const adapter = stubAdapter(client);
  return new CaseHarness(adapter, await adapter.setup(), resolveCapabilities(adapter.capabilities), 'self');
}

const DELETE_CASE = 'deletes the Secret when its only key goes missing with deletionPolicy Delete';

describe('the provider conformance suite', () => {
  it('passes a provider that reports a missing secret as SecretNotFoundError', async () => {
    const t = await harnessFor(new StubSecretsClient());
    await expect(conformanceCase(DELETE_CASE).run(t)).resolves.toBeUndefined();
    await t.close();
  });

  it('fails a provider that hides a missing secret behind another error', async () => {
    // GIVEN a provider whose "not found" is a generic error, so deletionPolicy cannot work
    const t = await harnessFor(new NotFoundHidingClient());
    // WHEN the Delete case runs THEN it fails where the refresh after the remote deletion reports an error
    await expect(conformanceCase(DELETE_CASE).run(t)).rejects.toThrow('expect(received).toBeUndefined()');
    await t.close();
  });

  it('catches a seeded value that reaches an event', async () => {
    const t = await harnessFor(new StubSecretsClient());
    expect(() => t.expectNoLeak()).not.toThrow();
    t.world.events.record(anExternalSecret('es').build(), 'Warning', 'Oops', `value was ${CANARY}`);
    expect(() => t.expectNoLeak()).toThrow(/leaked/);
    await t.close();
  });

  it('gives every case its own name', () => {
    const names = CONFORMANCE_CASE_GROUPS.flatMap((group) => group.cases.map((c) => c.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(20);
  });
});
