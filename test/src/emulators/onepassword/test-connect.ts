/** Start-up and client helpers shared by the emulator's own tests. */
import { OnePasswordConnect, type OPConnect } from '@1password/connect';
import {
  startOnePasswordConnect,
  type OnePasswordConnectEmulator,
  type StartOnePasswordConnectOptions,
} from './index.js';
import { testSeed } from './test-seed.js';

/** A started emulator and the id of its `infrastructure` vault. */
export interface TestConnect {
  readonly connect: OnePasswordConnectEmulator;
  readonly infra: string;
}

/** Starts the emulator seeded with {@link testSeed} plus `options`; stop it with `connect.stop()`. */
export async function startTestConnect(options: StartOnePasswordConnectOptions = {}): Promise<TestConnect> {
  const connect = await startOnePasswordConnect({ seed: testSeed(), ...options });
  return { connect, infra: connect.store.vault('infrastructure')!.id };
}

/** The real @1password/connect SDK pointed at the emulator. @param token @default the emulator's token */
export function connectSdk(connect: OnePasswordConnectEmulator, token = connect.token): OPConnect {
  return OnePasswordConnect({ serverURL: connect.url, token });
}
