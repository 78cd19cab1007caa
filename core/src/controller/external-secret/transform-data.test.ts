import type { ExternalSecretData, ExternalSecretDataFromRemoteRef } from '../../api/v1/index.js';
import type { FetchedEntry } from './fetch-remote-data.js';
import { literalTemplateRenderer } from './template-renderer.js';
import { transformData } from './transform-data.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const texts = (map: Record<string, Uint8Array>) =>
  Object.fromEntries(Object.entries(map).map(([key, value]) => [key, new TextDecoder().decode(value)]));

function fromEntry(
  index: number,
  entry: ExternalSecretDataFromRemoteRef,
  values: Record<string, string>,
): FetchedEntry {
  return {
    source: 'dataFrom',
    index,
    what: `spec.dataFrom[${index}]`,
    entry,
    values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, bytes(v)])),
  };
}
function dataEntry(index: number, entry: ExternalSecretData, value: string | Uint8Array): FetchedEntry {
  return {
    source: 'data',
    index,
    what: `spec.data[${index}]`,
    entry,
    value: typeof value === 'string' ? bytes(value) : value,
  };
}
const run = (...entries: FetchedEntry[]) => transformData({ entries, renderer: literalTemplateRenderer });

describe('transform data', () => {
  test('dataFrom entries merge in order, later keys win, and data[] wins over all of them', async () => {
    // GIVEN entries handed over out of order
    const out = await run(
      dataEntry(0, { secretKey: 'shared', remoteRef: { key: 'k' } }, 'from-data'),
      fromEntry(1, { extract: { key: 'second' } }, { shared: 'second', two: '2' }),
      fromEntry(0, { extract: { key: 'first' } }, { shared: 'first', one: '1' }),
    );
    // THEN ESO's order decides
    expect(texts(out)).toEqual({ shared: 'from-data', one: '1', two: '2' });
  });

  test('conversion applies to extract and find keys only when there is no rewrite', async () => {
    const converted = await run(
      fromEntry(0, { find: { conversionStrategy: 'Default' } }, { 'path/to/key': 'v' }),
    );
    expect(Object.keys(converted)).toEqual(['path_to_key']);
    const rewritten = await run(
      fromEntry(
        0,
        { find: { conversionStrategy: 'Unicode' }, rewrite: [{ regexp: { source: '/', target: '-' } }] },
        { 'path/to/key': 'v' },
      ),
    );
    expect(Object.keys(rewritten)).toEqual(['path-to-key']);
  });

  test('a rewrite that leaves invalid keys fails key validation', async () => {
    await expect(
      run(fromEntry(0, { find: {}, rewrite: [{ regexp: { source: '^x', target: 'y' } }] }, { 'a/b': 'v' })),
    ).rejects.toThrow(/spec\.dataFrom\[0\]: key "a\/b" has invalid character/);
  });

  test('decoding applies per entry after key handling', async () => {
    const out = await run(
      fromEntry(0, { extract: { key: 'k', decodingStrategy: 'Base64' } }, { user: 'dXNlcg==' }),
      dataEntry(0, { secretKey: 'pw', remoteRef: { key: 'k', decodingStrategy: 'Auto' } }, 'cGFzcw=='),
    );
    expect(texts(out)).toEqual({ user: 'user', pw: 'pass' });
  });

  test('nullBytePolicy Fail rejects a NUL byte and names the entry and key, Ignore keeps it', async () => {
    const withNul = new Uint8Array([0x61, 0, 0x62]);
    await expect(
      run(dataEntry(2, { secretKey: 'bin', remoteRef: { key: 'k', nullBytePolicy: 'Fail' } }, withNul)),
    ).rejects.toThrow(/^spec\.data\[2\]: value contains a NUL byte \(nullBytePolicy=Fail\)/);
    await expect(
      run(fromEntry(1, { extract: { key: 'k', nullBytePolicy: 'Fail' } }, { cert: 'a\u0000b' })),
    ).rejects.toThrow(/^spec\.dataFrom\[1\] key "cert": value contains a NUL byte/);
    const kept = await run(dataEntry(0, { secretKey: 'bin', remoteRef: { key: 'k' } }, withNul));
    expect(Array.from(kept.bin)).toEqual([0x61, 0, 0x62]);
  });

  test('conversionStrategy has no effect on data[] entries', async () => {
    const out = await run(
      dataEntry(0, { secretKey: 'a.b', remoteRef: { key: 'x/y', conversionStrategy: 'Unicode' } }, 'v'),
    );
    expect(Object.keys(out)).toEqual(['a.b']);
  });

  test('every value reaching the Secret is registered for redaction', async () => {
    const seen: string[] = [];
    await transformData({
      entries: [
        dataEntry(0, { secretKey: 'pw', remoteRef: { key: 'k', decodingStrategy: 'Base64' } }, 'cGFzcw=='),
      ],
      renderer: literalTemplateRenderer,
      values: { register: (value) => seen.push(new TextDecoder().decode(value)) },
    });
    expect(seen).toEqual(['pass']);
  });
});
