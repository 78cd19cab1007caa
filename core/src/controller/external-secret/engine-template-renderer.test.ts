import type { ExternalSecretTemplate } from '../../api/v1/index.js';
import { TerminalError } from '../reconciler.js';
import { DataTransformError } from './external-secret-errors.js';
import { EngineTemplateRenderer } from './engine-template-renderer.js';
import {
  TemplateParseError,
  TemplateRenderError,
  TemplateSourceError,
  TemplateSpecError,
} from './template-render-errors.js';
import type { TemplateSourceReader, TemplateSourceRef } from './template-sources.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const texts = (map: Record<string, Uint8Array>) =>
  Object.fromEntries(Object.entries(map).map(([key, value]) => [key, Buffer.from(value).toString('utf8')]));
const CANARY = 'canary-value-5f1e9a7c';

/** Template sources held in memory: `ConfigMap/name` → key → text. */
function sources(objects: Record<string, Record<string, string | Uint8Array>>): TemplateSourceReader & {
  reads: TemplateSourceRef[];
} {
  const reads: TemplateSourceRef[] = [];
  return {
    reads,
    async read(ref) {
      reads.push(ref);
      const found = objects[`${ref.kind}/${ref.name}`];
      if (!found) return undefined;
      const data = Object.fromEntries(
        Object.entries(found).map(([k, v]) => [k, typeof v === 'string' ? bytes(v) : v]),
      );
      return { resourceVersion: '1', data };
    },
  };
}

function render(
  template: ExternalSecretTemplate,
  data: Record<string, string | Uint8Array>,
  renderer = new EngineTemplateRenderer(),
) {
  const byteData = Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? bytes(v) : v]),
  );
  return renderer.render({ template, namespace: 'team', data: byteData });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('EngineTemplateRenderer: template.data and metadata', () => {
  test('template.data values are rendered with the provider data as a map of strings', async () => {
    // GIVEN a dockerconfigjson template over a user and a password
    const template = {
      type: 'kubernetes.io/dockerconfigjson',
      data: {
        '.dockerconfigjson':
          '{"auths":{"registry.example.com":{"auth":"{{ printf "%s:%s" .user .password | b64enc }}"}}}',
      },
    };
    // WHEN it is rendered
    const rendered = await render(template, { user: 'robot', password: 's3cret' });
    // THEN the output is exactly what Go renders
    expect(texts(rendered.data)).toEqual({
      '.dockerconfigjson': '{"auths":{"registry.example.com":{"auth":"cm9ib3Q6czNjcmV0"}}}',
    });
  });

  test('binary values survive a template byte for byte', async () => {
    const binary = new Uint8Array([0, 255, 1, 128, 10]);
    const rendered = await render(
      { data: { keystore: '{{ .p12 | b64dec }}' } },
      { p12: Buffer.from(binary).toString('base64') },
    );
    expect(Buffer.from(rendered.data.keystore)).toEqual(Buffer.from(binary));
  });

  test('label and annotation values are templates too', async () => {
    const rendered = await render(
      { metadata: { labels: { env: '{{ .env | lower }}' }, annotations: { owner: 'team-{{ .team }}' } } },
      { env: 'PROD', team: 'core' },
    );
    expect(rendered.labels).toEqual({ env: 'prod' });
    expect(rendered.annotations).toEqual({ owner: 'team-core' });
    expect(rendered.data).toEqual({});
  });

  test('engineVersion v1 is refused for good with a pointer to v2', async () => {
    const error = await failure(render({ engineVersion: 'v1' as 'v2', data: { a: 'x' } }, {}));
    expect(error).toBeInstanceOf(TemplateSpecError);
    expect(error).toBeInstanceOf(TerminalError);
    expect(error.message).toMatch(/engineVersion "v1" is not supported.*use v2/);
  });

  test('rendered data values are registered for log redaction', async () => {
    const registered: string[] = [];
    const renderer = new EngineTemplateRenderer({
      values: { register: (value) => registered.push(Buffer.from(value).toString('utf8')) },
    });
    await render({ data: { dsn: 'postgres://{{ .user }}' } }, { user: 'admin' }, renderer);
    expect(registered).toEqual(['postgres://admin']);
  });

  test('a template is compiled once and reused on the next render', async () => {
    const renderer = new EngineTemplateRenderer();
    const template = { data: { a: '{{ .x | upper }}', b: '{{ .x }}' } };
    await render(template, { x: 'one' }, renderer);
    const after = renderer.compiles;
    const again = await render(template, { x: 'two' }, renderer);
    expect(renderer.compiles).toBe(after);
    expect(texts(again.data)).toEqual({ a: 'TWO', b: 'two' });
  });
});

describe('EngineTemplateRenderer: templateFrom', () => {
  test('a ConfigMap item rendered as Values is stored under the item key', async () => {
    const reader = sources({ 'ConfigMap/tpl': { 'config.yaml': 'password: {{ .password }}\n' } });
    const renderer = new EngineTemplateRenderer({ sources: reader });
    const rendered = await render(
      { templateFrom: [{ configMap: { name: 'tpl', items: [{ key: 'config.yaml' }] } }] },
      { password: 'p' },
      renderer,
    );
    expect(texts(rendered.data)).toEqual({ 'config.yaml': 'password: p\n' });
    expect(reader.reads).toEqual([{ kind: 'ConfigMap', namespace: 'team', name: 'tpl' }]);
  });

  test('a Secret item rendered as KeysAndValues yields one key per YAML map entry', async () => {
    const reader = sources({ 'Secret/tpl': { kv: 'user: {{ .u }}\nhost: "{{ .h }}"\n' } });
    const rendered = await render(
      { templateFrom: [{ secret: { name: 'tpl', items: [{ key: 'kv', templateAs: 'KeysAndValues' }] } }] },
      { u: 'admin', h: 'db' },
      new EngineTemplateRenderer({ sources: reader }),
    );
    expect(texts(rendered.data)).toEqual({ user: 'admin', host: 'db' });
  });

  test('a literal renders as KeysAndValues, with plain scalars read the way Go reads them', async () => {
    const literal = 'enabled: yes\nmode: 0755\nempty: ~\nscale: 1e3\nport: {{ .port }}\nquoted: "yes"';
    const rendered = await render({ templateFrom: [{ literal }] }, { port: '5432' });
    expect(texts(rendered.data)).toEqual({
      enabled: 'true',
      mode: '493',
      empty: '',
      scale: '1000',
      port: '5432',
      quoted: 'yes',
    });
  });

  test('target selects Labels or Annotations, in any case', async () => {
    const rendered = await render(
      {
        templateFrom: [
          { literal: 'team: {{ .team }}', target: 'labels' },
          { literal: 'note: n-{{ .team }}', target: 'ANNOTATIONS' },
        ],
      },
      { team: 'core' },
    );
    expect(rendered.labels).toEqual({ team: 'core' });
    expect(rendered.annotations).toEqual({ note: 'n-core' });
    expect(rendered.data).toEqual({});
  });

  test('valuesDecodingStrategy decodes each rendered value before it is stored', async () => {
    const rendered = await render(
      { templateFrom: [{ literal: 'key: {{ .encoded }}', valuesDecodingStrategy: 'Base64' }] },
      { encoded: Buffer.from('plain text').toString('base64') },
    );
    expect(texts(rendered.data)).toEqual({ key: 'plain text' });
  });

  test('a value that is not valid for the decoding strategy fails without showing it', async () => {
    const error = await failure(
      render(
        { templateFrom: [{ literal: 'key: {{ .v }}', valuesDecodingStrategy: 'Base64' }] },
        { v: CANARY },
      ),
    );
    expect(error).toBeInstanceOf(DataTransformError);
    expect(error.message).toContain('templateFrom[0].literal key "key"');
    expect(error.message).not.toContain(CANARY);
  });

  test('template.data beats templateFrom, and metadata labels beat templateFrom labels', async () => {
    const rendered = await render(
      {
        data: { shared: 'from-data' },
        metadata: { labels: { tier: 'from-metadata' } },
        templateFrom: [
          { literal: 'shared: from-literal\nonly: literal' },
          { literal: 'tier: from-literal', target: 'Labels' },
        ],
      },
      {},
    );
    expect(texts(rendered.data)).toEqual({ shared: 'from-data', only: 'literal' });
    expect(rendered.labels).toEqual({ tier: 'from-metadata' });
  });

  test('later templateFrom entries overwrite earlier ones', async () => {
    const rendered = await render({ templateFrom: [{ literal: 'a: first' }, { literal: 'a: second' }] }, {});
    expect(texts(rendered.data)).toEqual({ a: 'second' });
  });

  test('a missing ConfigMap or key is a retried error naming it', async () => {
    const renderer = new EngineTemplateRenderer({ sources: sources({ 'ConfigMap/tpl': { a: 'x' } }) });
    const missingObject = await failure(
      render({ templateFrom: [{ configMap: { name: 'nope', items: [{ key: 'a' }] } }] }, {}, renderer),
    );
    expect(missingObject).toBeInstanceOf(TemplateSourceError);
    expect(missingObject.message).toBe(
      'spec.target.template.templateFrom[0].configMap: ConfigMap "team/nope" was not found; create it or fix the name',
    );
    const missingKey = await failure(
      render({ templateFrom: [{ configMap: { name: 'tpl', items: [{ key: 'b' }] } }] }, {}, renderer),
    );
    expect(missingKey.message).toContain('ConfigMap "team/tpl" has no key "b"');
  });

  test('a KeysAndValues output that is not a map of strings fails without quoting the output', async () => {
    const nested = await failure(render({ templateFrom: [{ literal: 'a:\n  b: {{ .v }}' }] }, { v: CANARY }));
    expect(nested).toBeInstanceOf(TemplateRenderError);
    expect(nested.message).toContain('the value of key "a" in the rendered YAML map is a map or list');
    const broken = await failure(render({ templateFrom: [{ literal: 'a: "{{ .v }}\n' }] }, { v: CANARY }));
    expect(broken.message).toMatch(/not valid YAML at line \d+, column \d+/);
    for (const error of [nested, broken]) expect(error.message).not.toContain(CANARY);
  });
});

describe('EngineTemplateRenderer: errors and limits', () => {
  test('a missing key names the template key and position, never a value', async () => {
    const error = await failure(
      render({ data: { 'tls.crt': '{{ .cert }}\n{{ .password }}' } }, { cert: CANARY }),
    );
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect(error).not.toBeInstanceOf(TerminalError);
    expect(error.message).toBe(
      'spec.target.template.data["tls.crt"]: template: tls.crt:2:3: executing "tls.crt" at <.password>: map has no entry for key "password"',
    );
  });

  test('a template that does not parse is terminal and says where', async () => {
    const error = await failure(render({ data: { conf: 'a {{ .x ' } }, { x: CANARY }));
    expect(error).toBeInstanceOf(TemplateParseError);
    expect(error).toBeInstanceOf(TerminalError);
    expect(error.message).toMatch(/^spec\.target\.template\.data\["conf"\]: template: conf:1:/);
  });

  test('a define that calls itself forever is stopped by the depth limit with a clear message', async () => {
    const error = await failure(
      render({ data: { loop: '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}' } }, {}),
    );
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect(error.message).toMatch(/^spec\.target\.template\.data\["loop"\]: template: loop:1:\d+: .*/);
    expect(error.message).toMatch(/depth|nested/i);
  });

  test('a huge repeat is stopped by the output limit before it is built', async () => {
    const error = await failure(
      render({ templateFrom: [{ literal: 'big: {{ repeat 100000000 .v }}' }] }, { v: CANARY }),
    );
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect(error.message).toMatch(
      /^spec\.target\.template\.templateFrom\[0\]\.literal: template: literal:1:\d+:/,
    );
    expect(error.message).toMatch(/maxOutputBytes/);
    expect(error.message).not.toContain(CANARY);
  });

  test('limits can be tightened per renderer', async () => {
    const renderer = new EngineTemplateRenderer({ limits: { maxOutputBytes: 8 } });
    const error = await failure(render({ data: { a: '{{ .v }}' } }, { v: '0123456789' }, renderer));
    expect(error.message).toMatch(/maxOutputBytes/);
  });
});

describe('EngineTemplateRenderer: rewrite.transform', () => {
  test('the key is .value and the output is the new key', async () => {
    const renderer = new EngineTemplateRenderer();
    await expect(renderer.renderKey('app_{{ .value | upper }}', 'db-user')).resolves.toBe('app_DB-USER');
  });

  test('a missing field prints <no value>, as ESO configures transforms', async () => {
    await expect(new EngineTemplateRenderer().renderKey('{{ .other }}', 'k')).resolves.toBe('<no value>');
  });

  test('a transform error names the key being rewritten', async () => {
    const error = await failure(new EngineTemplateRenderer().renderKey('{{ fail "no" }}', 'db-user'));
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect(error.message).toMatch(/^rewrite\.transform \(key "db-user"\): template: transform:1:/);
  });
});
