/** The leak check's history: statuses that are gone by the time of the check are still searched. */
import { E2eWorld } from './e2e-world.js';
import { anExternalSecret } from './fixtures.js';
import { waitFor } from './wait-for.js';

describe('the e2e leak check', () => {
  let world: E2eWorld;
  beforeAll(async () => (world = await E2eWorld.start()), 60_000);
  afterAll(async () => world.stop());

  it('finds a canary in the status of an ExternalSecret deleted before the check', async () => {
    // GIVEN an ExternalSecret whose status once held a canary
    const namespace = await world.namespace('history');
    const canary = world.canaries.plant('history');
    const es = await world.user.create(anExternalSecret('es', namespace, { data: [] }));
    const failed = { type: 'Ready', status: 'False', reason: 'SecretSyncedError', message: canary };
    await world.user.custom.replaceNamespacedCustomObjectStatus({
      group: 'external-secrets.io',
      version: 'v1',
      namespace,
      plural: 'externalsecrets',
      name: 'es',
      body: { ...es, status: { conditions: [failed] } },
    });
    // WHEN the ExternalSecret is deleted
    await world.user.delete('ExternalSecret', 'es', namespace);
    await waitFor(async () => (await world.user.get('ExternalSecret', 'es', namespace)) === undefined, {
      what: 'the ExternalSecret to be gone',
    });
    // THEN the leak check still finds the canary, in the history only
    const leaks = await waitFor(async () => ((await world.leaks()).length > 0 ? world.leaks() : undefined), {
      what: 'the leak check to find the canary',
    });
    expect(leaks).toEqual([{ canary, where: 'past statuses and Events' }]);
  });
});
