/**
 * Conformance cases: reading values — a plain value, properties, nested properties,
 * `dataFrom.extract`, binary values, a value near the Secret size limit and decoding strategies.
 */
import { CANARY } from '../external-secret-fixtures.js';
import { SECRET_LIMIT_BYTES, bytesOf, type ConformanceCaseGroup } from './conformance-case.js';

/** Room left under the Secret limit for the key name and bookkeeping. */
const LIMIT_HEADROOM_BYTES = 1024;

export const readCases: ConformanceCaseGroup = {
  title: 'reading values',
  cases: [
    {
      name: 'syncs a plain value into the target Secret',
      async run(t) {
        // GIVEN a remote value
        const key = await t.seed('plain', t.value('plain'));
        await t.startStore();
        // WHEN an ExternalSecret names it
        await t.sync(t.externalSecret('plain').withData('value', key).build());
        // THEN the Secret holds it
        expect(t.world.secretText('plain')).toEqual({ value: t.value('plain') });
      },
    },
    {
      name: 'syncs a value through a ClusterSecretStore',
      async run(t) {
        const key = await t.seed('cluster', t.value('cluster'));
        await t.startStore('ClusterSecretStore');
        await t.sync(t.externalSecret('cluster').withData('value', key).build());
        expect(t.world.secretText('cluster')).toEqual({ value: t.value('cluster') });
      },
    },
    {
      name: 'syncs single properties of a structured value',
      async run(t) {
        const key = await t.seed('props', {
          fields: { username: t.value('user'), password: t.value('pass') },
        });
        await t.startStore();
        await t.sync(
          t
            .externalSecret('props')
            .withData('user', { key, property: 'username' })
            .withData('pass', { key, property: 'password' })
            .build(),
        );
        expect(t.world.secretText('props')).toEqual({ user: t.value('user'), pass: t.value('pass') });
      },
    },
    {
      name: 'syncs a nested property',
      skipReason: (c) =>
        c.supportsNestedProperty ? undefined : 'the provider has no structure inside a field',
      async run(t) {
        const key = await t.seed('nested', {
          fields: { connection: { host: t.value('host'), port: '5432' }, password: t.value('pw') },
        });
        await t.startStore();
        await t.sync(
          t.externalSecret('nested').withData('host', { key, property: 'connection.host' }).build(),
        );
        expect(t.world.secretText('nested')).toEqual({ host: t.value('host') });
      },
    },
    {
      name: 'extracts every field of a structured value with dataFrom.extract',
      async run(t) {
        const fields = { username: t.value('u'), password: t.value('p'), database: 'orders' };
        const key = await t.seed('extract', { fields });
        await t.startStore();
        await t.sync(t.externalSecret('extract').withDataFromExtract(key).build());
        expect(t.world.secretText('extract')).toEqual(fields);
      },
    },
    {
      name: 'keeps a binary value byte for byte',
      skipReason: (c) => (c.supportsBinary ? undefined : 'the provider stores text values only'),
      async run(t) {
        const binary = new Uint8Array([0x00, 0xff, 0xfe, 0x80, ...bytesOf(CANARY), 0xc3, 0x28, 0x0a]);
        const key = await t.seed('binary', binary);
        await t.startStore();
        await t.sync(t.externalSecret('binary').withData('blob', key).build());
        expect(t.world.secretBytes('binary')?.blob).toEqual(binary);
      },
    },
    {
      name: 'syncs a value near the 1 MiB Secret limit',
      async run(t) {
        const size = Math.min(t.capabilities.maxValueBytes, SECRET_LIMIT_BYTES - LIMIT_HEADROOM_BYTES);
        const head = t.value('large');
        const large = head + 'x'.repeat(size - head.length);
        const key = await t.seed('large', large);
        await t.startStore();
        await t.sync(t.externalSecret('large').withData('big', key).build());
        const synced = t.world.secretText('large')?.big ?? '';
        expect(synced.length).toBe(size);
        expect(synced === large).toBe(true);
      },
    },
    {
      name: 'applies every decodingStrategy to the values it reads',
      async run(t) {
        // GIVEN one value stored as padded base64, as base64url, and as plain text
        const decoded = `???>>>:${t.value('decoded')}`;
        const std = Buffer.from(decoded).toString('base64');
        const unpadded = Buffer.from(decoded).toString('base64url');
        const url = unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4);
        expect(std).not.toBe(url);
        const stdKey = await t.seed('b64', std);
        const urlKey = await t.seed('b64url', url);
        const plainKey = await t.seed('text', t.value('not-base64'));
        await t.startStore();
        // WHEN each is read with a strategy
        await t.sync(
          t
            .externalSecret('decoding')
            .withData('base64', { key: stdKey, decodingStrategy: 'Base64' })
            .withData('base64url', { key: urlKey, decodingStrategy: 'Base64URL' })
            .withData('auto-std', { key: stdKey, decodingStrategy: 'Auto' })
            .withData('auto-url', { key: urlKey, decodingStrategy: 'Auto' })
            .withData('auto-text', { key: plainKey, decodingStrategy: 'Auto' })
            .withData('none', { key: stdKey, decodingStrategy: 'None' })
            .build(),
        );
        // THEN strict strategies decode, Auto decodes what it can and keeps the rest, None keeps the text
        expect(t.world.secretText('decoding')).toEqual({
          base64: decoded,
          base64url: decoded,
          'auto-std': decoded,
          'auto-url': decoded,
          'auto-text': t.value('not-base64'),
          none: std,
        });
      },
    },
  ],
};
