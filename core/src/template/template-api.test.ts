import {
  FuncError,
  type FuncSpec,
  compileTemplate,
  renderTemplate,
  renderTemplateToBuffer,
} from './index.js';

describe('template API', () => {
  it('compiles once and executes many times with different data', () => {
    const t = compileTemplate('{{ .user }}:{{ .pass | b64enc }}', { name: 'auth' });
    expect(t.name).toBe('auth');
    expect(t.execute({ user: 'a', pass: 'b' })).toBe('a:Yg==');
    expect(t.execute({ user: 'c', pass: 'd' })).toBe('c:ZA==');
  });

  it('keeps binary output byte-exact through executeToBuffer', () => {
    // GIVEN a value holding every byte value, base64-encoded
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    // WHEN the template decodes it THEN the rendered bytes are the original bytes
    expect(
      renderTemplateToBuffer('{{ .keystore | b64dec }}', { keystore: bytes.toString('base64') }).equals(
        bytes,
      ),
    ).toBe(true);
  });

  it('accepts Secret data as bytes and measures strings in bytes like Go', () => {
    const data = { raw: new Uint8Array([0xe2, 0x9c, 0x93]), text: 'é' };
    expect(renderTemplate('{{ .raw }} {{ len .raw }} {{ len .text }} {{ typeOf . }}', data)).toBe(
      '✓ 3 2 map[string]string',
    );
  });

  it('treats structured data like encoding/json does', () => {
    expect(
      renderTemplate('{{ typeOf . }} {{ typeOf .n }} {{ .n }} {{ .l }}', { n: 12345678, l: [1, 'a', null] }),
    ).toBe('map[string]interface {} float64 1.2345678e+07 [1 a <nil>]');
  });

  it('supports ESO-style custom delimiters', () => {
    expect(renderTemplate('<< .a >> {{ .a }}', { a: 'x' }, { leftDelim: '<<', rightDelim: '>>' })).toBe(
      'x {{ .a }}',
    );
  });

  it('supports the other missingkey modes when asked', () => {
    expect(renderTemplate('[{{ .nope }}]', {}, { missingKey: 'default' })).toBe('[<no value>]');
    expect(renderTemplate('[{{ .nope }}]', {}, { missingKey: 'zero' })).toBe('[]');
  });

  it('uses the injected clock for now and the date functions', () => {
    const now = (): Date => new Date('2024-05-06T07:08:09Z');
    expect(
      renderTemplate(
        '{{ now | date "2006-01-02T15:04:05Z07:00" }} {{ date "2006" "not-a-time" }}',
        {},
        { now },
      ),
    ).toBe('2024-05-06T07:08:09Z 2024');
  });

  it('accepts extra functions with Go-style argument checking', () => {
    const shout: FuncSpec = { params: ['string'], call: ([s]) => `${s as string}!` };
    const fail: FuncSpec = {
      params: [],
      call: () => {
        throw new FuncError('nope');
      },
    };
    const functions = new Map([
      ['shout', shout],
      ['boom', fail],
    ]);
    expect(renderTemplate('{{ "hi" | shout }}', {}, { functions })).toBe('hi!');
    expect(() => renderTemplate('{{ shout 1 }}', {}, { functions })).toThrow('expected string; found 1');
    expect(() => renderTemplate('{{ boom }}', {}, { functions })).toThrow('error calling boom: nope');
  });

  it('runs templates from rewrite.transform with .value as the key', () => {
    expect(renderTemplate('{{ .value | replace "-" "_" | upper }}', { value: 'db-password' })).toBe(
      'DB_PASSWORD',
    );
  });
});

describe('features of the Go version ESO is built with (newer than the Go 1.19 oracle)', () => {
  it('supports {{ else with }}', () => {
    expect(
      renderTemplate('{{ with .a }}A{{ else with .b }}B={{ . }}{{ else }}none{{ end }}', { a: '', b: 'bee' }),
    ).toBe('B=bee');
  });

  it('ranges over an integer', () => {
    expect(renderTemplate('{{ range 3 }}{{ . }}{{ end }}|{{ range $i := 2 }}{{ $i }}{{ end }}', {})).toBe(
      '012|01',
    );
    expect(() => renderTemplate('{{ range $i, $v := 3 }}{{ end }}', {})).toThrow(
      'iterate over more than one variable',
    );
  });

  it('escapes \\b and \\f in JSON with short escapes', () => {
    expect(renderTemplate('{{ toJson "a\\bb\\fc" }}', {})).toBe('"a\\bb\\fc"');
  });
});
