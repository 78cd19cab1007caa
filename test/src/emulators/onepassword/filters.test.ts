import { startOnePasswordConnect, type OnePasswordConnectEmulator } from './index.js';
import { connectSdk } from './test-connect.js';

describe('Connect emulator: title and tag filters, including the edge characters of contract §1.3', () => {
  let connect: OnePasswordConnectEmulator;
  let vault: string;
  beforeAll(async () => {
    connect = await startOnePasswordConnect({
      seed: {
        vaults: {
          edge: {
            'a&b': { tags: ['x'] },
            'a#b': {},
            'a+b': {},
            'a b': {},
            'say "hi"': {},
            'café ☕': { tags: ['env:prod'] },
            "Bob's key": { tags: ['env:staging'] },
            'db creds': {},
            'db creds old': {},
          },
        },
      },
    });
    vault = connect.store.vault('edge')!.id;
  });
  afterAll(() => connect.stop());
  const sdk = () => connectSdk(connect);
  const rawFilter = async (filter: string) => {
    const res = await fetch(`${connect.url}/v1/vaults/${vault}/items?filter=${encodeURIComponent(filter)}`, {
      headers: { authorization: `Bearer ${connect.token}` },
    });
    return {
      status: res.status,
      body: (await res.json()) as { title: string; status?: number; message?: string },
    };
  };

  it('matches eq exactly and co as contains', async () => {
    expect((await sdk().listItemsByTitle(vault, 'db creds')).map((i) => i.title)).toEqual(['db creds']);
    expect((await sdk().listItemsByTitleContains(vault, 'db')).map((i) => i.title)).toEqual([
      'db creds',
      'db creds old',
    ]);
  });

  it('matches non-ASCII and apostrophes inside the double-quoted literal', async () => {
    expect((await sdk().getItemByTitle(vault, 'café ☕')).title).toBe('café ☕');
    expect((await sdk().getItemByTitle(vault, "Bob's key")).title).toBe("Bob's key");
  });

  it('answers 400 when the SDK sends a title with & (the query string splits)', async () => {
    await expect(sdk().getItemByTitle(vault, 'a&b')).rejects.toMatchObject({ status: 400 });
  });

  it('answers 400 when the SDK sends a title with # (the rest becomes a fragment)', async () => {
    await expect(sdk().getItemByTitle(vault, 'a#b')).rejects.toMatchObject({ status: 400 });
  });

  it('reads + as a space, as a Go server does, so the SDK finds "a b" when asked for "a+b"', async () => {
    expect((await sdk().getItemByTitle(vault, 'a+b')).title).toBe('a b');
  });

  it('answers 400 when an embedded double quote unbalances the literal', async () => {
    await expect(sdk().getItemByTitle(vault, 'say "hi"')).rejects.toMatchObject({ status: 400 });
  });

  it('finds titles with & + and escaped quotes when the filter is percent-encoded and escaped', async () => {
    expect((await rawFilter('title eq "a&b"')).body).toMatchObject([{ title: 'a&b' }]);
    expect((await rawFilter('title eq "a+b"')).body).toMatchObject([{ title: 'a+b' }]);
    expect((await rawFilter('title eq "say \\"hi\\""')).body).toMatchObject([{ title: 'say "hi"' }]);
  });

  it('filters items by tag', async () => {
    expect((await rawFilter('tag eq "env:prod"')).body).toMatchObject([{ title: 'café ☕' }]);
    expect(((await rawFilter('tag co "env:"')).body as unknown as unknown[]).length).toBe(2);
  });

  it('answers 400 with the error body for single-quoted literals, unknown attributes and trailing text', async () => {
    for (const filter of [
      "title eq 'x'",
      "'",
      'label eq "x"',
      'title eq "x" and tag eq "y"',
      'title lt "x"',
    ]) {
      const { status, body } = await rawFilter(filter);
      expect([filter, status, body.status]).toEqual([filter, 400, 400]);
      expect(body.message).toContain('filter');
    }
  });
});
