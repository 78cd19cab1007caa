import { OnePasswordConnect } from '@1password/connect';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { parseConnectSeed as parseSeed, startOnePasswordConnect } from './index.js';

const SEED_YAML = `
token: yaml-token
vaults:
  prod:
    web:
      category: LOGIN
      tags: [frontend]
      fields:
        username: www
        password: pw
    cert:
      files:
        cert.der: !!binary |
          AP/+gEEKww==
  empty:
`;

describe('Connect emulator: YAML seed', () => {
  it('parses !!binary file content as bytes', () => {
    const seed = parseSeed(SEED_YAML);
    const file = seed.vaults!.prod!.cert.files!['cert.der'];
    expect(file).toBeInstanceOf(Uint8Array);
    expect([...(file as Uint8Array)]).toEqual([0x00, 0xff, 0xfe, 0x80, 0x41, 0x0a, 0xc3]);
  });

  it('rejects a seed whose vaults are not a mapping, naming the problem', () => {
    expect(() => parseSeed('vaults: [a, b]')).toThrow(/"vaults" must map vault names to items/);
  });

  it('starts from a seed file path with its token, vaults, items and binary files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'op-seed-'));
    const path = join(dir, 'items.yaml');
    await writeFile(path, SEED_YAML);
    const connect = await startOnePasswordConnect({ seed: path });
    try {
      expect(connect.token).toBe('yaml-token');
      const sdk = OnePasswordConnect({ serverURL: connect.url, token: 'yaml-token' });
      expect((await sdk.listVaults()).map((v) => v.name)).toEqual(['prod', 'empty']);
      const prod = connect.store.vault('prod')!.id;
      const web = await sdk.getItem(prod, 'web');
      expect(web.tags).toEqual(['frontend']);
      const cert = await sdk.getItem(prod, 'cert');
      const stream = (await sdk.getFileContentStream(prod, cert.id!, cert.files![0].id!)) as Readable;
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
      expect([...Buffer.concat(chunks)]).toEqual([0x00, 0xff, 0xfe, 0x80, 0x41, 0x0a, 0xc3]);
    } finally {
      await connect.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lets the token option override the seed token', async () => {
    const connect = await startOnePasswordConnect({ seed: parseSeed(SEED_YAML), token: 'override' });
    try {
      expect(connect.token).toBe('override');
    } finally {
      await connect.stop();
    }
  });
});
