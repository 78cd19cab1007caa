/**
 * The hooks every end-to-end test file registers, in one place so that none forgets the leak
 * check: one {@link E2eWorld} per file, started before its tests (then `setUp` runs, typically to
 * start the operator), checked for canaries in logs, Events, statuses and metrics after each test,
 * and stopped after all of them.
 */
import { E2eWorld } from './e2e-world.js';

/** Start-up gets this long: the emulator, the CRDs and an operator process. */
const START_TIMEOUT_MS = 60_000;

/** Registers the file's hooks; `setUp` receives the started world. See the module comment. */
export function useE2eWorld(setUp: (world: E2eWorld) => Promise<void>): void {
  let world: E2eWorld | undefined;
  beforeAll(async () => {
    world = await E2eWorld.start();
    await setUp(world);
  }, START_TIMEOUT_MS);
  afterEach(async () => {
    expect(await world!.leaks()).toEqual([]);
  });
  afterAll(async () => world?.stop());
}
