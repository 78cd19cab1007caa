import { rewriteKeys, rewriteMerge } from './rewrite-keys.js';
import type { TemplateRenderer } from './template-renderer.js';
import { literalTemplateRenderer } from './template-renderer.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const texts = (map: Record<string, Uint8Array>) =>
  Object.fromEntries(Object.entries(map).map(([key, value]) => [key, new TextDecoder().decode(value)]));

/** A renderer whose "template" is a prefix: renderKey('p-', k) = 'p-' + k. */
const prefixRenderer: TemplateRenderer = {
  render: literalTemplateRenderer.render,
  renderKey: async (template, key) => `${template}${key}`,
};

describe('rewrite', () => {
  test('regexp rewrites apply in order to every key', async () => {
    // GIVEN keys with a path prefix
    const data = { 'secret/db/user': bytes('u'), 'secret/db/pass': bytes('p') };
    // WHEN two regexp rewrites run
    const out = await rewriteKeys(
      [{ regexp: { source: '^secret/', target: '' } }, { regexp: { source: '/', target: '_' } }],
      data,
      { what: 'spec.dataFrom[0]', renderer: literalTemplateRenderer },
    );
    // THEN both applied in order
    expect(texts(out)).toEqual({ db_user: 'u', db_pass: 'p' });
  });

  test('transform rewrites go through the template renderer seam', async () => {
    const out = await rewriteKeys(
      [{ transform: { template: 'app-' } }],
      { key: bytes('v') },
      { what: 'w', renderer: prefixRenderer },
    );
    expect(texts(out)).toEqual({ 'app-key': 'v' });
  });

  test('without a template engine a transform fails with a clear message', async () => {
    await expect(
      rewriteKeys(
        [{ transform: { template: '{{ .value }}' } }],
        { key: bytes('v') },
        { what: 'w', renderer: literalTemplateRenderer },
      ),
    ).rejects.toThrow(/needs the template engine/);
  });

  test('an invalid regexp names the entry and the rewrite', async () => {
    await expect(
      rewriteKeys(
        [{ regexp: { source: '(', target: '' } }],
        { key: bytes('v') },
        { what: 'spec.dataFrom[2]', renderer: literalTemplateRenderer },
      ),
    ).rejects.toThrow(/spec\.dataFrom\[2\] rewrite\[0\]: regexp\.source "\(" is not a valid RE2 expression/);
  });
});

describe('rewrite.merge', () => {
  const data = {
    b: bytes('{"user":"b-user","port":5432}'),
    a: bytes('{"host":"a-host","tls":true,"opts":{"z":1,"a":"<x>"}}'),
  };

  test('Extract makes the merged members the keys, with Go value formatting', () => {
    const out = rewriteMerge({}, data, 'w');
    expect(texts(out)).toEqual({
      host: 'a-host',
      tls: 'true',
      opts: '{"a":"\\u003cx\\u003e","z":1}',
      user: 'b-user',
      port: '5432',
    });
  });

  test('JSON writes the merged object under "into" and keeps the original keys', () => {
    const out = rewriteMerge({ strategy: 'JSON', into: 'all' }, data, 'w');
    expect(texts(out).all).toBe(
      '{"host":"a-host","opts":{"a":"<x>","z":1},"port":5432,"tls":true,"user":"b-user"}',
    );
    expect(Object.keys(out).sort()).toEqual(['a', 'all', 'b']);
  });

  test('JSON without "into" is an error', () => {
    expect(() => rewriteMerge({ strategy: 'JSON' }, data, 'w')).toThrow(/needs "into"/);
  });

  test('conflicting members fail unless conflictPolicy is Ignore, where the later key wins', () => {
    const clash = { a: bytes('{"k":"from-a"}'), b: bytes('{"k":"from-b"}') };
    expect(() => rewriteMerge({}, clash, 'w')).toThrow(/merge failed with conflicts: k/);
    expect(texts(rewriteMerge({ conflictPolicy: 'Ignore' }, clash, 'w'))).toEqual({ k: 'from-b' });
    expect(texts(rewriteMerge({ conflictPolicy: 'Ignore', priority: ['a'] }, clash, 'w'))).toEqual({
      k: 'from-a',
    });
  });

  test('a missing priority key fails under Strict and is skipped under IgnoreNotFound', () => {
    expect(() => rewriteMerge({ priority: ['nope'] }, data, 'w')).toThrow(
      /priority key "nope" is not in the data/,
    );
    expect(
      Object.keys(rewriteMerge({ priority: ['nope'], priorityPolicy: 'IgnoreNotFound' }, data, 'w')),
    ).toContain('host');
  });

  test('a value that is not a JSON object fails without quoting the value', () => {
    const secret = 'not-json-s3cr3t';
    const merge = () => rewriteMerge({}, { a: bytes(secret) }, 'w');
    expect(merge).toThrow(/the value of key "a" is not a JSON object/);
    expect(merge).toThrow(expect.objectContaining({ message: expect.not.stringContaining(secret) }));
  });
});
