/**
 * Conformance cases: pushing to the provider through the store's cached {@link SecretsClient}
 * (what a PushSecret reconcile will call), read back from the backend itself.
 */
import type { ResolvedCapabilities, ConformanceCaseGroup } from './conformance-case.js';
import { bytesOf } from './conformance-case.js';

const pushReason = (c: ResolvedCapabilities) =>
  c.supportsPush ? undefined : 'the provider is read-only (no pushSecret)';

const text = (value: Uint8Array | undefined) =>
  value === undefined ? undefined : Buffer.from(value).toString('utf8');

export const pushCases: ConformanceCaseGroup = {
  title: 'pushing values',
  cases: [
    {
      name: 'pushes a value, then deletes it idempotently',
      skipReason: pushReason,
      async run(t) {
        // GIVEN the store's client
        await t.startStore();
        const client = await t.world.client();
        const remote = { remoteKey: t.key('pushed') };
        // WHEN a value is pushed
        await client.pushSecret({ remote, value: bytesOf(t.value('pushed')) });
        // THEN the backend holds it and the client sees it
        expect(text(await t.backend.readPushed(remote, t.world))).toBe(t.value('pushed'));
        await expect(client.secretExists(remote)).resolves.toBe(true);
        // WHEN it is deleted, twice
        await client.deleteSecret(remote);
        await client.deleteSecret(remote);
        // THEN it is gone
        expect(await t.backend.readPushed(remote, t.world)).toBeUndefined();
        await expect(client.secretExists(remote)).resolves.toBe(false);
      },
    },
    {
      name: 'pushes properties side by side and deletes one without the other',
      skipReason: pushReason,
      async run(t) {
        await t.startStore();
        const client = await t.world.client();
        const first = { remoteKey: t.key('props'), property: 'first' };
        const second = { remoteKey: t.key('props'), property: 'second' };
        await client.pushSecret({ remote: first, value: bytesOf(t.value('first')) });
        await client.pushSecret({ remote: second, value: bytesOf(t.value('second')) });
        expect(text(await t.backend.readPushed(first, t.world))).toBe(t.value('first'));
        expect(text(await t.backend.readPushed(second, t.world))).toBe(t.value('second'));
        await client.deleteSecret(first);
        expect(await t.backend.readPushed(first, t.world)).toBeUndefined();
        expect(text(await t.backend.readPushed(second, t.world))).toBe(t.value('second'));
      },
    },
    {
      name: 'refuses to overwrite or delete a remote secret it did not create',
      skipReason: (c) =>
        c.refusesForeignOverwrite ? undefined : 'the backend cannot tell which secrets Tessera created',
      async run(t) {
        // GIVEN a remote value created by someone else
        const key = await t.seed('foreign', t.value('foreign'));
        await t.startStore();
        const client = await t.world.client();
        // WHEN Tessera pushes to it and deletes it
        const refused = await client
          .pushSecret({ remote: { remoteKey: key }, value: bytesOf(t.value('overwrite')) })
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        await client.deleteSecret({ remoteKey: key });
        // THEN the push is refused (its message is checked for leaks too) and the value is untouched
        expect(refused).toBeInstanceOf(Error);
        t.world.errors.push(refused as Error);
        expect(text(await t.backend.readPushed({ remoteKey: key }, t.world))).toBe(t.value('foreign'));
      },
    },
  ],
};
