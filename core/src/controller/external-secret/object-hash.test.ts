import {
  dataHash,
  goKeyOrder,
  goFormatByteMap,
  goFormatStringMap,
  metaHash,
  metadataSha3_224Hex,
  sha3_224Hex,
  syncedResourceVersionOf,
} from './object-hash.js';
import { createdByValue, fieldManagerFor } from './target-bookkeeping.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('object hashes', () => {
  test('sha3-224 matches the NIST test vector for the empty string', () => {
    expect(sha3_224Hex('')).toBe('6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7');
  });

  test('Secret data renders like Go %+v of map[string][]byte, keys in byte order', () => {
    // GIVEN keys out of order and an empty value
    const data = { b: new Uint8Array(0), a: bytes('hi'), B: bytes('\u0000') };
    // THEN the rendering is Go's
    expect(goFormatByteMap(data)).toBe('map[B:[0] a:[104 105] b:[]]');
    expect(goFormatByteMap({})).toBe('map[]');
    expect(dataHash(data)).toBe(sha3_224Hex('map[B:[0] a:[104 105] b:[]]'));
  });

  test('labels and annotations render like Go %+v of the hashMeta struct', () => {
    expect(goFormatStringMap({ z: '1', a: 'x y' })).toBe('map[a:x y z:1]');
    expect(metaHash({ labels: { app: 'db' } })).toBe(sha3_224Hex('{annotations:map[] labels:map[app:db]}'));
  });

  test('syncedResourceVersion is generation-dash-hash and changes with any annotation', () => {
    const es = { metadata: { generation: 3, labels: { app: 'db' } } };
    const forced = { metadata: { ...es.metadata, annotations: { 'force-sync': '1' } } };
    expect(syncedResourceVersionOf(es)).toBe(`3-${metaHash(es.metadata)}`);
    expect(syncedResourceVersionOf(forced)).not.toBe(syncedResourceVersionOf(es));
  });

  test('created-by is sha3-224 of "<namespace>/<name>"', () => {
    expect(createdByValue('default', 'db')).toBe(sha3_224Hex('default/db'));
    expect(createdByValue('default', 'db')).toHaveLength(56);
  });

  test('field managers are ESO-style and long ones are hashed', () => {
    expect(fieldManagerFor('db')).toBe('externalsecrets.external-secrets.io/db');
    expect(fieldManagerFor('x'.repeat(100))).toBe(
      `externalsecrets.external-secrets.io/${sha3_224Hex('x'.repeat(100))}`,
    );
  });
});

describe('Go key order', () => {
  const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  const sign = (n: number) => Math.sign(n);

  test('orders keys by their UTF-8 bytes, astral characters and lone surrogates included', () => {
    const keys = [
      'a',
      'B',
      'ab',
      'a\u00e9',
      '\u00e9',
      '\uffff',
      '\u{1f600}',
      'x\ud83d',
      'x\ud83d\ude00',
      'x',
      '',
      'x\ue000',
    ];
    for (const a of keys)
      for (const b of keys) expect([a, b, sign(goKeyOrder(a, b))]).toEqual([a, b, sign(byUtf8(a, b))]);
  });
});

describe('metadata hashes', () => {
  test('give the same hash as sha3_224Hex, also once thousands of other texts have been hashed', () => {
    const first = metadataSha3_224Hex('default/db');
    for (let i = 0; i < 5000; i++) metadataSha3_224Hex(`ns/es-${i}`);
    expect(first).toBe(sha3_224Hex('default/db'));
    expect(metadataSha3_224Hex('default/db')).toBe(sha3_224Hex('default/db'));
    expect(metadataSha3_224Hex('ns/es-4999')).toBe(sha3_224Hex('ns/es-4999'));
  });
});
