import 'reflect-metadata';
import { InvalidRequestError, NotSupportedError, SecretNotFoundError } from '@tessera/core';
import { KEYSTORE_BYTES } from './provider-test-seed.js';
import { useSeededConnect } from './seeded-connect.js';
import { text } from './test-support.js';

describe('1Password provider: reading items through Connect', () => {
  const world = useSeededConnect();

  describe('getSecret', () => {
    it('reads a field by label', async () => {
      expect(text(await world.client.getSecret({ key: 'postgres-main', property: 'username' }))).toBe(
        'app_user',
      );
    });

    it('searches vaults in priority order, so the first vault holding the title wins', async () => {
      expect(text(await world.client.getSecret({ key: 'shared' }))).toBe('infra-pass');
    });

    it('falls through to a later vault when earlier vaults do not hold the title', async () => {
      expect(text(await world.client.getSecret({ key: 'stripe', property: 'credential' }))).toBe('sk_stripe');
    });

    it('reads an item by its id', async () => {
      const id = world.connect.store.item('applications', 'shared')!.id;
      expect(text(await world.client.getSecret({ key: id }))).toBe('app-pass');
    });

    it('returns the password field when no property is given', async () => {
      expect(text(await world.client.getSecret({ key: 'postgres-main' }))).toBe('pg-pass');
    });

    it("returns a document's file, byte for byte, when no property is given", async () => {
      expect(await world.client.getSecret({ key: 'keystore' })).toEqual(KEYSTORE_BYTES);
    });

    it('reads a file attached to a non-document item by its name', async () => {
      expect(text(await world.client.getSecret({ key: 'certificate', property: 'tls.crt' }))).toBe(
        'CERT-PEM',
      );
      expect(text(await world.client.getSecret({ key: 'certificate', property: 'file/tls.key' }))).toBe(
        'KEY-PEM',
      );
    });

    it('reads a field inside a section by label and as section.label', async () => {
      expect(text(await world.client.getSecret({ key: 'postgres-main', property: 'host' }))).toBe(
        'db.internal',
      );
      expect(text(await world.client.getSecret({ key: 'postgres-main', property: 'connection.port' }))).toBe(
        '5432',
      );
    });

    it("accepts ESO's field/<label> syntax", async () => {
      expect(text(await world.client.getSecret({ key: 'postgres-main', property: 'field/database' }))).toBe(
        'orders',
      );
    });

    it('finds titles with &, #, + and quotes (no title filter is sent)', async () => {
      expect(text(await world.client.getSecret({ key: 'a&b #1 +"x"' }))).toBe('edgy');
    });

    it('throws SecretNotFoundError naming the vaults searched when no vault holds the key', async () => {
      const read = world.client.getSecret({ key: 'does-not-exist' });
      await expect(read).rejects.toBeInstanceOf(SecretNotFoundError);
      await expect(read).rejects.toThrow('"infrastructure", "applications"');
    });

    it('rejects a missing property with InvalidRequestError listing the item fields and files', async () => {
      const read = world.client.getSecret({ key: 'certificate', property: 'nope' });
      await expect(read).rejects.toBeInstanceOf(InvalidRequestError);
      await expect(read).rejects.toThrow(
        /has no field or file "nope" \(fields: "hostname"; files: "tls.crt", "tls.key"\)/,
      );
    });

    it('explains that an item without a password field needs a property', async () => {
      await expect(world.client.getSecret({ key: 'notes' })).rejects.toThrow(
        /has no password field; set remoteRef.property/,
      );
    });

    it('refuses remoteRef.version with NotSupportedError', async () => {
      await expect(world.client.getSecret({ key: 'stripe', version: '3' })).rejects.toBeInstanceOf(
        NotSupportedError,
      );
    });

    it('reports a duplicate title in one vault, naming the vault and both item ids', async () => {
      const first = world.connect.store.addItem('applications', 'twin', { fields: { password: 'one' } });
      const second = world.connect.store.addItem('applications', 'twin', { fields: { password: 'two' } });
      try {
        await world.harness.clock.advance(60_000);
        const read = world.client.getSecret({ key: 'twin' });
        await expect(read).rejects.toBeInstanceOf(InvalidRequestError);
        await expect(read).rejects.toThrow(
          `2 items are titled "twin" in vault "applications" (ids ${first.id}, ${second.id})`,
        );
      } finally {
        world.connect.store.deleteItem('applications', first.id);
        world.connect.store.deleteItem('applications', second.id);
      }
    });

    it('reports a label used in two sections as ambiguous and reads it as section.label', async () => {
      const item = world.connect.store.addItem('infrastructure', 'replicated', {
        category: 'SERVER',
        fields: { url: { value: 'primary-url', section: 'primary' } },
      });
      world.connect.store.updateItem('infrastructure', item.id, (draft) => {
        const replica = { id: 'replicasection00000000000a', label: 'replica' };
        draft.sections.push(replica);
        draft.fields.push({
          id: 'replicafield0000000000000a',
          type: 'STRING',
          label: 'url',
          value: 'replica-url',
          sectionId: replica.id,
        });
      });
      try {
        await expect(world.client.getSecret({ key: 'replicated', property: 'url' })).rejects.toThrow(
          /field "url" occurs 2 times in item "replicated" .* \(in section "primary", section "replica"\)/,
        );
        expect(text(await world.client.getSecret({ key: 'replicated', property: 'replica.url' }))).toBe(
          'replica-url',
        );
      } finally {
        world.connect.store.deleteItem('infrastructure', item.id);
      }
    });

    it('finds an item created after the vault was listed (a miss lists the vault again)', async () => {
      await world.client.getSecret({ key: 'stripe', property: 'credential' });
      world.connect.store.addItem('applications', 'brand-new', { fields: { password: 'fresh' } });
      try {
        await world.harness.clock.advance(6_000);
        expect(text(await world.client.getSecret({ key: 'brand-new' }))).toBe('fresh');
      } finally {
        world.connect.store.deleteItem('applications', 'brand-new');
      }
    });

    it('serves a changed value once the item list shows a new version', async () => {
      expect(text(await world.client.getSecret({ key: 'sendgrid', property: 'region' }))).toBe('eu');
      world.connect.store.setField('applications', 'sendgrid', 'region', 'us');
      try {
        await world.harness.clock.advance(31_000);
        expect(text(await world.client.getSecret({ key: 'sendgrid', property: 'region' }))).toBe('us');
      } finally {
        world.connect.store.setField('applications', 'sendgrid', 'region', 'eu');
      }
    });

    it('turns an item deleted in 1Password into SecretNotFoundError once the list is refreshed', async () => {
      world.connect.store.addItem('applications', 'short-lived', { fields: { password: 'x' } });
      await world.harness.clock.advance(31_000);
      expect(text(await world.client.getSecret({ key: 'short-lived' }))).toBe('x');
      world.connect.store.deleteItem('applications', 'short-lived');
      await world.harness.clock.advance(31_000);
      await expect(world.client.getSecret({ key: 'short-lived' })).rejects.toBeInstanceOf(
        SecretNotFoundError,
      );
    });
  });

  describe('getSecretMap', () => {
    it('returns every field and file of an item', async () => {
      const map = await world.client.getSecretMap({ key: 'certificate' });
      expect(Object.fromEntries(Object.entries(map).map(([k, v]) => [k, text(v)]))).toEqual({
        hostname: 'app.example.test',
        'tls.crt': 'CERT-PEM',
        'tls.key': 'KEY-PEM',
      });
    });

    it('keeps binary file content intact', async () => {
      expect((await world.client.getSecretMap({ key: 'keystore' }))['keystore.p12']).toEqual(KEYSTORE_BYTES);
    });

    it('returns only the named property when one is given', async () => {
      const map = await world.client.getSecretMap({ key: 'postgres-main', property: 'database' });
      expect(Object.keys(map)).toEqual(['database']);
    });

    it('throws SecretNotFoundError for a missing item', async () => {
      await expect(world.client.getSecretMap({ key: 'ghost' })).rejects.toBeInstanceOf(SecretNotFoundError);
    });
  });

  describe('getAllSecrets', () => {
    it('finds field labels and file names matching an RE2 expression across vaults, first vault winning', async () => {
      const found = await world.client.getAllSecrets({ name: { regexp: '^(pass|cred)' } });
      expect(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, text(v)]))).toEqual({
        // infrastructure (priority 1) items sorted by title: "a&b…", "postgres-main", "shared"
        password: 'edgy',
        credential: 'sg_key',
      });
    });

    it('finds by tags in every vault, matching key:value tags and bare keys', async () => {
      const byTag = await world.client.getAllSecrets({ tags: { 'api-key': '' } });
      expect(Object.keys(byTag).sort()).toEqual(['credential', 'region']);
      const byValue = await world.client.getAllSecrets({ tags: { team: 'payments' } });
      expect(text(byValue.credential)).toBe('sk_stripe');
    });

    it('limits the search to items titled like path', async () => {
      const found = await world.client.getAllSecrets({
        path: 'postgres-main',
        name: { regexp: '^(host|port|credential)$' },
      });
      expect(Object.keys(found).sort()).toEqual(['host', 'port']);
    });

    it('rejects an invalid regular expression with InvalidRequestError', async () => {
      await expect(world.client.getAllSecrets({ name: { regexp: '(?<=a)b' } })).rejects.toBeInstanceOf(
        InvalidRequestError,
      );
    });
  });

  describe('getSecrets (batch)', () => {
    it('answers every ref in order, with per-ref errors', async () => {
      const results = await world.client.getSecrets!([
        { key: 'postgres-main', property: 'username' },
        { key: 'missing' },
        { key: 'postgres-main', property: 'password' },
      ]);
      expect(text((results[0] as { value: Uint8Array }).value)).toBe('app_user');
      expect((results[1] as { error: Error }).error).toBeInstanceOf(SecretNotFoundError);
      expect(text((results[2] as { value: Uint8Array }).value)).toBe('pg-pass');
    });

    it('reads an item once however many refs name it', async () => {
      world.connect.requestLog.reset();
      await world.client.getSecrets!(
        ['username', 'password', 'database', 'host'].map((property) => ({ key: 'postgres-main', property })),
      );
      expect(world.connect.requestLog.count('GetVaultItemById')).toBe(1);
    });
  });
});
