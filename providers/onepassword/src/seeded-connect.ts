/**
 * Test support: a Connect emulator seeded with the provider test seed for the whole test file, and
 * a fresh client of the example store before each test (closed after it).
 */
import type { SecretsClient } from '@tessera/core';
import {
  startOnePasswordConnect,
  type OnePasswordConnectEmulator,
} from '@tessera/test/emulators/onepassword/index';
import { OnePasswordProvider } from './onepassword-provider.js';
import { providerTestSeed, TEST_TOKEN } from './provider-test-seed.js';
import { aClientHarness, aOnePasswordStore, type ClientHarness } from './test-support.js';

/** What each test sees; the fields are replaced before every test. */
export interface SeededConnect {
  connect: OnePasswordConnectEmulator;
  harness: ClientHarness;
  client: SecretsClient;
}

/**
 * Registers the jest hooks and returns the live world. `reset` runs before each client is built
 * (e.g. to clear faults left by the previous test).
 */
export function useSeededConnect(reset?: (connect: OnePasswordConnectEmulator) => void): SeededConnect {
  const world = {} as SeededConnect;
  beforeAll(async () => {
    world.connect = await startOnePasswordConnect({ seed: providerTestSeed() });
  });
  afterAll(() => world.connect.stop());
  beforeEach(async () => {
    reset?.(world.connect);
    world.harness = aClientHarness(aOnePasswordStore({ connectHost: world.connect.url }), TEST_TOKEN);
    world.client = await new OnePasswordProvider({ clock: world.harness.clock }).newClient(
      world.harness.context,
    );
  });
  afterEach(() => world.client.close());
  return world;
}
