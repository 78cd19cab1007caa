/** ESO's precedence (B.11) with the real engine: template.data > templateFrom > provider data > existing keys. */
import type { ExternalSecretTemplate } from '../../api/v1/index.js';
import type { SecretObject } from '../../kube/kube-port.js';
import { aSecret, anExternalSecret } from '../../testing/fixtures.js';
import { EngineTemplateRenderer } from './engine-template-renderer.js';
import { settingsOf } from './load.js';
import { renderTarget } from './render-target.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const texts = (map: Record<string, Uint8Array>) =>
  Object.fromEntries(Object.entries(map).map(([key, value]) => [key, Buffer.from(value).toString('utf8')]));

const provider = { user: bytes('u'), password: bytes('p') };

function render(
  template: ExternalSecretTemplate,
  creationPolicy: 'Owner' | 'Merge' | 'CreateOrMerge' = 'Owner',
  existing?: SecretObject,
) {
  const es = anExternalSecret('es').withData('user', 'user').withTarget({ creationPolicy, template }).build();
  return renderTarget({
    es,
    settings: settingsOf(es),
    providerData: provider,
    existing,
    renderer: new EngineTemplateRenderer(),
  });
}

describe('renderTarget with the template engine', () => {
  test('mergePolicy Replace (default) keeps only the rendered keys', async () => {
    const desired = await render({ data: { dsn: '{{ .user }}:{{ .password }}' } });
    expect(texts(desired.data)).toEqual({ dsn: 'u:p' });
  });

  test('mergePolicy Merge adds the provider data, and rendered keys win over it', async () => {
    const desired = await render({
      mergePolicy: 'Merge',
      data: { user: '{{ .user | upper }}' },
      templateFrom: [{ literal: 'extra: {{ .password }}' }],
    });
    expect(texts(desired.data)).toEqual({ user: 'U', password: 'p', extra: 'p' });
  });

  test('a template with only metadata keeps the provider data and renders the labels', async () => {
    const desired = await render({
      type: 'kubernetes.io/basic-auth',
      metadata: { labels: { who: '{{ .user }}' } },
    });
    expect(texts(desired.data)).toEqual({ user: 'u', password: 'p' });
    expect(desired.labels).toEqual({ who: 'u' });
    expect(desired.type).toBe('kubernetes.io/basic-auth');
  });

  test.each(['Merge', 'CreateOrMerge'] as const)(
    'creationPolicy %s keeps the existing Secret keys below the rendered ones',
    async (policy) => {
      const existing = aSecret('es').withData({ foreign: 'f', dsn: 'old' }).build();
      const desired = await render({ data: { dsn: '{{ .user }}' } }, policy, existing);
      expect(texts(desired.data)).toEqual({ foreign: 'f', dsn: 'u' });
    },
  );

  test('creationPolicy Owner drops the existing keys', async () => {
    const existing = aSecret('es').withData({ foreign: 'f' }).build();
    const desired = await render({ data: { dsn: '{{ .user }}' } }, 'Owner', existing);
    expect(texts(desired.data)).toEqual({ dsn: 'u' });
  });
});
