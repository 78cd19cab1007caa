import { FullItem, ItemBuilder, ItemCategory } from '@1password/connect';
import type { OnePasswordConnectEmulator } from './index.js';
import { connectSdk, startTestConnect } from './test-connect.js';

describe('Connect emulator: items (through @1password/connect)', () => {
  let connect: OnePasswordConnectEmulator;
  let infra: string;
  beforeAll(async () => ({ connect, infra } = await startTestConnect()));
  afterAll(() => connect.stop());
  beforeEach(() => connect.requestLog.reset());
  const sdk = () => connectSdk(connect);

  it('lists summaries that carry vault id, version and tags but no fields, sections or files', async () => {
    const res = await fetch(`${connect.url}/v1/vaults/${infra}/items`, {
      headers: { authorization: `Bearer ${connect.token}` },
    });
    const summaries = (await res.json()) as Record<string, unknown>[];
    const db = summaries.find((s) => s.title === 'db creds')!;
    expect(db).toMatchObject({
      vault: { id: infra },
      category: 'DATABASE',
      version: 1,
      tags: ['env:prod', 'team-platform'],
    });
    expect(db).not.toHaveProperty('fields');
    expect(db).not.toHaveProperty('sections');
    expect(db).not.toHaveProperty('files');
    expect(connect.requestLog.entries[0].path).toBe(`/v1/vaults/${infra}/items`);
  });

  it('gets a full item by title (filter then id) with sections, purposes, OTP code and files', async () => {
    const item = await sdk().getItem(infra, 'db creds');
    expect(connect.requestLog.counts()).toEqual({ GetVaultItems: 1, GetVaultItemById: 1 });
    const byLabel = Object.fromEntries((item.fields ?? []).map((f) => [f.label, f]));
    expect(byLabel.username).toMatchObject({ value: 'admin', type: 'STRING' });
    expect(byLabel.password).toMatchObject({ value: 's3cr3t', type: 'CONCEALED' });
    expect(byLabel.otp.type).toBe('OTP');
    expect(byLabel.otp.otp).toMatch(/^\d{6}$/);
    const section = item.sections!.find((s) => s.label === 'connection')!;
    expect(byLabel.host.section!.id).toBe(section.id);
    const tls = await sdk().getItem(infra, 'tls bundle');
    expect(tls.files!.map((f) => f.name)).toEqual(['tls.crt', 'tls.key']);
    expect(tls.files![0].content_path).toBe(
      `/v1/vaults/${infra}/items/${tls.id}/files/${tls.files![0].id}/content`,
    );
  });

  it('marks username and password of a LOGIN item with their purposes', async () => {
    const res = await fetch(
      `${connect.url}/v1/vaults/${infra}/items/${connect.store.item(infra, 'login item')!.id}`,
      {
        headers: { authorization: `Bearer ${connect.token}` },
      },
    );
    const item = (await res.json()) as { fields: { id: string; purpose?: string; entropy?: number }[] };
    expect(item.fields.map((f) => [f.id, f.purpose])).toEqual([
      ['username', 'USERNAME'],
      ['password', 'PASSWORD'],
    ]);
    expect(item.fields[1].entropy).toBeGreaterThan(0);
  });

  it('answers 404 item not found for an unknown id and the SDK 404 for an unknown title', async () => {
    const id = 'b'.repeat(26);
    await expect(sdk().getItemById(infra, id)).rejects.toEqual({
      status: 404,
      message: `item ${id} not found`,
    });
    await expect(sdk().getItemByTitle(infra, 'missing')).rejects.toEqual({
      status: 404,
      message: 'No Items found with title',
    });
  });

  it('reports duplicate titles as the SDK 400 while listItemsByTitle returns both', async () => {
    connect.store.addItem(infra, 'twin', { fields: { password: 'one' } });
    connect.store.addItem(infra, 'twin', { fields: { password: 'two' } });
    await expect(sdk().getItemByTitle(infra, 'twin')).rejects.toMatchObject({ status: 400 });
    expect((await sdk().listItemsByTitle(infra, 'twin')).length).toBe(2);
  });

  it('creates an item with server-assigned ids and version 1, then replaces it bumping the version', async () => {
    const draft = new ItemBuilder()
      .setCategory(ItemCategory.Server)
      .setTitle('new server')
      .addTag('managed')
      .addField({ label: 'password', value: 'p1', sectionName: 'extra' })
      .build();
    const created = await sdk().createItem(infra, draft);
    expect(created.id).toMatch(/^[a-z0-9]{26}$/);
    expect(created.version).toBe(1);
    expect(created.fields![0].id).toMatch(/^[a-z0-9]{26}$/);
    expect(created.fields![0].section!.id).toBe(created.sections![0].id);
    expect(connect.requestLog.entries[0]).toMatchObject({
      method: 'POST',
      path: `/v1/vaults/${infra}/items/`,
    });
    created.fields![0].value = 'p2';
    const updated = await sdk().updateItem(infra, created);
    expect(updated.version).toBe(2);
    expect(connect.store.item(infra, created.id!)!.fields[0].value).toBe('p2');
  });

  it('generates a value for a field created with generate: true', async () => {
    const draft = new ItemBuilder()
      .setCategory(ItemCategory.Password)
      .setTitle('generated')
      .addField({
        label: 'password',
        generate: true,
        recipe: { length: 20, characterSets: ['DIGITS'] } as never,
      })
      .build();
    const created = await sdk().createItem(infra, draft);
    expect(created.fields![0].value).toMatch(/^\d{20}$/);
  });

  it('refuses to create DOCUMENT items and items of an unknown category with 400', async () => {
    const document = { title: 'doc', category: 'DOCUMENT', vault: { id: infra } } as unknown as FullItem;
    await expect(sdk().createItem(infra, document)).rejects.toMatchObject({ status: 400 });
    const unknown = { title: 'x', category: 'SPACESHIP', vault: { id: infra } } as unknown as FullItem;
    await expect(sdk().createItem(infra, unknown)).rejects.toEqual({
      status: 400,
      message: 'Invalid item category',
    });
  });

  it('deletes an item permanently with 204 and answers 404 on the second delete', async () => {
    const item = connect.store.addItem(infra, 'to delete', { fields: { password: 'x' } });
    await sdk().deleteItemById(infra, item.id);
    expect(connect.requestLog.entries[0].status).toBe(204);
    expect(connect.store.item(infra, item.id)).toBeUndefined();
    await expect(sdk().deleteItemById(infra, item.id)).rejects.toEqual({
      status: 404,
      message: `item ${item.id} not found`,
    });
  });

  it('bumps the version when the store changes an item at run time', async () => {
    const before = (await sdk().getItem(infra, 'login item')).version!;
    connect.store.setField('infrastructure', 'login item', 'password', 'rotated');
    const after = await sdk().getItem(infra, 'login item');
    expect(after.version).toBe(before + 1);
    expect(after.fields!.find((f) => f.label === 'password')!.value).toBe('rotated');
  });

  it('applies an RFC 6902 patch addressing a field by id', async () => {
    const item = connect.store.addItem(infra, 'patch me', {
      category: 'SERVER',
      fields: { password: 'old', note: 'n' },
    });
    const fieldId = item.fields[0].id;
    const res = await fetch(`${connect.url}/v1/vaults/${infra}/items/${item.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${connect.token}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        { op: 'replace', path: `/fields/${fieldId}/value`, value: 'new' },
        { op: 'add', path: '/fields', value: { label: 'added', type: 'STRING', value: 'v' } },
        { op: 'replace', path: '/favorite', value: true },
      ]),
    });
    const body = (await res.json()) as FullItem;
    expect(res.status).toBe(200);
    expect(body.version).toBe(2);
    expect(body.favorite).toBe(true);
    expect(body.fields!.map((f) => [f.label, f.value])).toEqual([
      ['password', 'new'],
      ['note', 'n'],
      ['added', 'v'],
    ]);
  });
});
