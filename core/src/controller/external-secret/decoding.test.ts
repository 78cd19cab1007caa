import { decodeValue } from './decoding.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (value: Uint8Array) => new TextDecoder().decode(value);

describe('decodingStrategy', () => {
  test.each([
    ['Base64', 'YmFy', 'bar'],
    ['Base64', 'Zm9vJV8/YmFy', 'foo%_?bar'],
    ['Base64URL', 'Zm9vJV8_YmFy', 'foo%_?bar'],
    ['Auto', 'Zm9vJV8/YmFy', 'foo%_?bar'],
    ['Auto', 'Zm9vJV8_YmFy', 'foo%_?bar'],
    ['Auto', 'foo', 'foo'],
    ['None', 'Zm9vJV8_YmFy', 'Zm9vJV8_YmFy'],
    [undefined, 'YmFy', 'YmFy'],
    ['Base64', 'YmFy\r\nYmFy', 'barbar'],
  ])('%s decodes %j to %j as ESO does', (strategy, input, expected) => {
    expect(text(decodeValue(strategy, bytes(input), 'spec.data[0]'))).toBe(expected);
  });

  test.each([
    ['Base64', 'foo'],
    ['Base64', 'Zm9vJV8_YmFy'],
    ['Base64URL', 'foo'],
    ['Base64', 'YmF'],
  ])('%s rejects %j with an error naming the entry but not the value', (strategy, input) => {
    const decode = () => decodeValue(strategy, bytes(input), 'spec.data[3] (key=db)');
    expect(decode).toThrow(/^spec\.data\[3\] \(key=db\): value is not valid padded/);
    expect(decode).toThrow(expect.objectContaining({ message: expect.not.stringContaining(input) }));
  });

  test('an unknown strategy is refused', () => {
    expect(() => decodeValue('Hex', bytes('00'), 'spec.data[0]')).toThrow(
      /decodingStrategy "Hex" is not supported/,
    );
  });
});
