import type { Readable } from 'node:stream';
import type { OnePasswordConnectEmulator } from './index.js';
import { connectSdk, startTestConnect } from './test-connect.js';
import { BINARY_BYTES } from './test-seed.js';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe('Connect emulator: files and file content (through @1password/connect)', () => {
  let connect: OnePasswordConnectEmulator;
  let infra: string;
  beforeAll(async () => ({ connect, infra } = await startTestConnect({ maxInlineFileBytes: 16 })));
  afterAll(() => connect.stop());
  const sdk = () => connectSdk(connect);

  it('seeds an item with only files as a DOCUMENT', async () => {
    const item = await sdk().getItem(infra, 'keystore');
    expect(item.category).toBe('DOCUMENT');
    expect(item.files).toMatchObject([{ name: 'keystore.p12', size: BINARY_BYTES.length }]);
  });

  it('serves binary content byte for byte through the content stream', async () => {
    const item = await sdk().getItem(infra, 'keystore');
    const stream = (await sdk().getFileContentStream(infra, item.id!, item.files![0].id!)) as Readable;
    expect(new Uint8Array(await collect(stream))).toEqual(BINARY_BYTES);
  });

  it('shows the SDK getFileContent corrupting binary content (it decodes UTF-8), as the contract warns', async () => {
    const item = await sdk().getItem(infra, 'keystore');
    const text = await sdk().getFileContent(infra, item.id!, item.files![0].id!);
    expect(Buffer.from(text, 'utf8').equals(Buffer.from(BINARY_BYTES))).toBe(false);
  });

  it('answers the content endpoint with octet-stream and a Content-Disposition naming the file', async () => {
    const item = connect.store.item(infra, 'tls bundle')!;
    const res = await fetch(
      `${connect.url}${`/v1/vaults/${infra}/items/${item.id}/files/${item.files[0].id}/content`}`,
      {
        headers: { authorization: `Bearer ${connect.token}` },
      },
    );
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tls.crt"');
    expect(await res.text()).toContain('BEGIN CERTIFICATE');
  });

  it('lists files (resolving vault and item titles) and gets one file by id, with the section kept', async () => {
    const files = await sdk().listFiles('infrastructure', 'tls bundle');
    expect(files.map((f) => f.name)).toEqual(['tls.crt', 'tls.key']);
    expect(files[1].section?.id).toBeDefined();
    const one = await sdk().getFileById(infra, connect.store.item(infra, 'tls bundle')!.id, files[1].id!);
    expect(one).toMatchObject({ name: 'tls.key', size: 3 });
    expect(one.content).toBeUndefined();
  });

  it('inlines base64 content on request and answers 413 when a file is over the inline limit', async () => {
    const item = connect.store.item(infra, 'tls bundle')!;
    const headers = { authorization: `Bearer ${connect.token}` };
    const small = await fetch(
      `${connect.url}/v1/vaults/${infra}/items/${item.id}/files/${item.files[1].id}?inline_files=true`,
      { headers },
    );
    expect(((await small.json()) as { content: string }).content).toBe(Buffer.from('key').toString('base64'));
    const all = await fetch(`${connect.url}/v1/vaults/${infra}/items/${item.id}/files/?inline_files=true`, {
      headers,
    });
    expect(all.status).toBe(413);
    expect(((await all.json()) as { message: string }).message).toMatch(/^File is too large to inline/);
  });

  it('answers 404 file not found for an unknown file id', async () => {
    const item = connect.store.item(infra, 'tls bundle')!;
    const id = 'c'.repeat(26);
    await expect(sdk().getFileById(infra, item.id, id)).rejects.toEqual({
      status: 404,
      message: `file ${id} not found`,
    });
  });
});
