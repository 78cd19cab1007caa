import { convertKeys, validateKeys } from './secret-keys.js';

const v = new Uint8Array([1]);

describe('conversionStrategy', () => {
  test('Default replaces every character a Secret key cannot hold by "_"', () => {
    expect(Object.keys(convertKeys(undefined, { 'path/to/key': v, 'a b@c': v, 'ok-._1': v }, 'w'))).toEqual([
      'path_to_key',
      'a_b_c',
      'ok-._1',
    ]);
  });

  test('Unicode replaces them by _Uxxxx_ with the code point in lower-case hex', () => {
    expect(Object.keys(convertKeys('Unicode', { 'a/b': v, 'x😀': v }, 'w'))).toEqual([
      'a_U002f_b',
      'x_U1f600_',
    ]);
  });

  test('letters and numbers of any script are kept, as Go unicode.IsLetter/IsNumber do', () => {
    expect(Object.keys(convertKeys('Default', { 'clé²': v }, 'w'))).toEqual(['clé²']);
  });

  test('two keys that collide after conversion are an error', () => {
    expect(() => convertKeys('Default', { 'a/b': v, a_b: v }, 'spec.dataFrom[0]')).toThrow(
      /spec\.dataFrom\[0\]: two remote keys both become "a_b"/,
    );
  });
});

describe('key validation', () => {
  test('empty keys are dropped silently', () => {
    expect(validateKeys({ '': v, ok: v }, 'w')).toEqual({ ok: v });
  });

  test('an invalid character is an error that names the key and suggests rewrite', () => {
    expect(() => validateKeys({ 'a/b': v }, 'spec.dataFrom[1]')).toThrow(
      /spec\.dataFrom\[1\]: key "a\/b" has invalid character "\/".*use rewrite or conversionStrategy/,
    );
  });

  test('keys longer than 253 bytes are an error', () => {
    expect(() => validateKeys({ ['k'.repeat(254)]: v }, 'w')).toThrow(/has length 254 but at most 253/);
    expect(validateKeys({ ['k'.repeat(253)]: v }, 'w')).toHaveProperty(['k'.repeat(253)]);
  });

  test('a key named __proto__ stays an ordinary key', () => {
    const out = validateKeys(JSON.parse('{"__proto__": 1}') as Record<string, Uint8Array>, 'w');
    expect(Object.keys(out)).toEqual(['__proto__']);
  });
});
