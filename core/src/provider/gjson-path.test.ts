import { gjsonGet } from './gjson-path.js';
import { parseRawJson } from './raw-json.js';

const doc = `{
  "user": "app",
  "port": 5432,
  "big": 12345678901234567890,
  "nested": {"a": {"b": "deep"}, "spaced":  [1,  2]},
  "list": [{"name": "x"}, {"name": "y"}, {"other": 1}],
  "dotted.key": "literal",
  "dotted": {"key": "path"},
  "nothing": null,
  "flag": true
}`;

describe('gjsonGet', () => {
  it('reads top-level and nested strings unquoted', () => {
    expect(gjsonGet(doc, 'user').text).toBe('app');
    expect(gjsonGet(doc, 'nested.a.b').text).toBe('deep');
  });

  it('keeps numbers and nested JSON exactly as written', () => {
    expect(gjsonGet(doc, 'big').text).toBe('12345678901234567890');
    expect(gjsonGet(doc, 'port').text).toBe('5432');
    expect(gjsonGet(doc, 'nested.spaced').text).toBe('[1,  2]');
    expect(gjsonGet(doc, 'nested.a').text).toBe('{"b": "deep"}');
  });

  it('indexes arrays, counts them with #, and collects fields with #.field', () => {
    expect(gjsonGet(doc, 'list.1.name').text).toBe('y');
    expect(gjsonGet(doc, 'list.#').text).toBe('3');
    expect(gjsonGet(doc, 'list.#.name').text).toBe('["x","y"]');
  });

  it('escapes dots and matches wildcards in keys', () => {
    expect(gjsonGet(doc, 'dotted\\.key').text).toBe('literal');
    expect(gjsonGet(doc, 'dotted.key').text).toBe('path');
    expect(gjsonGet(doc, 'us?r').text).toBe('app');
    expect(gjsonGet(doc, 'nest*.a.b').text).toBe('deep');
  });

  it('reports null as existing with empty text, booleans as words', () => {
    expect(gjsonGet(doc, 'nothing')).toMatchObject({ exists: true, text: '' });
    expect(gjsonGet(doc, 'flag').text).toBe('true');
  });

  it('does not match missing paths, out-of-range indices or invalid JSON', () => {
    expect(gjsonGet(doc, 'user.more').exists).toBe(false);
    expect(gjsonGet(doc, 'list.9').exists).toBe(false);
    expect(gjsonGet('not json', 'a').exists).toBe(false);
    expect(gjsonGet(doc, '').exists).toBe(false);
  });
});

describe('parseRawJson', () => {
  it('rejects trailing garbage and accepts scalars', () => {
    expect(parseRawJson('{"a":1} x')).toBeUndefined();
    expect(parseRawJson(' "s" ')).toMatchObject({ kind: 'string', value: 's' });
    expect(parseRawJson('[1,]')).toBeUndefined();
  });
});
