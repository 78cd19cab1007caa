import type { ExternalSecret } from '../../api/v1/index.js';
import type { SecretObject } from '../../kube/kube-port.js';
import { aSecret, anExternalSecret } from '../../testing/fixtures.js';
import { settingsOf } from './load.js';
import { withManagedFields } from './managed-fields.js';
import { renderTarget } from './render-target.js';
import { literalTemplateRenderer, type TemplateRenderer } from './template-renderer.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const texts = (map: Record<string, Uint8Array>) =>
  Object.fromEntries(Object.entries(map).map(([key, value]) => [key, new TextDecoder().decode(value)]));

/** A renderer standing in for the engine: template.data values are copied literally. */
const fakeEngine: TemplateRenderer = {
  async render({ template }) {
    return {
      data: Object.fromEntries(Object.entries(template.data ?? {}).map(([k, v]) => [k, bytes(v)])),
      labels: { ...(template.metadata?.labels ?? {}) },
      annotations: { ...(template.metadata?.annotations ?? {}) },
    };
  },
  renderKey: async (_template, key) => key,
};

function render(
  es: ExternalSecret,
  providerData: Record<string, string>,
  existing?: SecretObject,
  renderer = literalTemplateRenderer,
) {
  const data = Object.fromEntries(Object.entries(providerData).map(([k, v]) => [k, bytes(v)]));
  return renderTarget({ es, settings: settingsOf(es), providerData: data, existing, renderer });
}

/** An existing Secret on which ExternalSecret `es` earlier wrote `managed` data keys. */
function existingWith(
  data: Record<string, string>,
  managed: string[],
  labels: Record<string, string> = {},
): SecretObject {
  const secret = aSecret('es').withData(data).withLabels(labels).build();
  secret.metadata.annotations = withManagedFields({}, 'es', { data: managed, labels: [], annotations: [] });
  return secret;
}

describe('render target', () => {
  test('without a template, Owner data is exactly the provider data', async () => {
    const es = anExternalSecret('es').withData('k', 'k').build();
    const desired = await render(es, { user: 'u' }, existingWith({ stale: 'x', foreign: 'y' }, ['stale']));
    expect(texts(desired.data)).toEqual({ user: 'u' });
    expect(desired.managed.data).toEqual(['user']);
  });

  test('with Merge, the other keys stay and only previously managed keys are removed', async () => {
    const es = anExternalSecret('es').withData('k', 'k').withTarget({ creationPolicy: 'Merge' }).build();
    const desired = await render(
      es,
      { user: 'new' },
      existingWith({ user: 'old', removed: 'x', foreign: 'keep' }, ['user', 'removed']),
    );
    expect(texts(desired.data)).toEqual({ foreign: 'keep', user: 'new' });
  });

  test('without a template the ExternalSecret labels and annotations are copied, earlier ones removed, foreign kept', async () => {
    const es = anExternalSecret('es')
      .withData('k', 'k')
      .withLabels({ team: 'a' })
      .withAnnotations({ note: 'n' })
      .build();
    const existing = aSecret('es').withLabels({ old: '1', other: 'keep' }).build();
    existing.metadata.annotations = withManagedFields({}, 'es', {
      data: [],
      labels: ['old'],
      annotations: [],
    });
    const desired = await render(es, { k: 'v' }, existing);
    expect(desired.labels).toEqual({ other: 'keep', team: 'a' });
    expect(desired.annotations).toMatchObject({ note: 'n' });
    expect(desired.managed.labels).toEqual(['team']);
  });

  test('template.data replaces provider data unless mergePolicy is Merge', async () => {
    const replace = anExternalSecret('es')
      .withData('k', 'k')
      .withTarget({ template: { data: { config: 'rendered' } } })
      .build();
    const merge = anExternalSecret('es')
      .withData('k', 'k')
      .withTarget({ template: { data: { config: 'rendered', k: 'over' }, mergePolicy: 'Merge' } })
      .build();
    expect(texts((await render(replace, { k: 'v' }, undefined, fakeEngine)).data)).toEqual({
      config: 'rendered',
    });
    expect(texts((await render(merge, { k: 'v' }, undefined, fakeEngine)).data)).toEqual({
      k: 'over',
      config: 'rendered',
    });
  });

  test('a template with only metadata keeps the provider data and sets type, labels and finalizers', async () => {
    const es = anExternalSecret('es')
      .withData('k', 'k')
      .withLabels({ ignored: 'yes' })
      .withTarget({
        template: { type: 'kubernetes.io/tls', metadata: { labels: { app: 'x' }, finalizers: ['f/one'] } },
      })
      .build();
    const desired = await render(es, { k: 'v' });
    expect(texts(desired.data)).toEqual({ k: 'v' });
    expect(desired.type).toBe('kubernetes.io/tls');
    expect(desired.labels).toEqual({ app: 'x' });
    expect(desired.finalizers).toEqual(['f/one']);
  });

  test('the existing type is kept when the template names none', async () => {
    const es = anExternalSecret('es').withData('k', 'k').build();
    expect(
      (await render(es, { k: 'v' }, aSecret('es').ofType('kubernetes.io/dockerconfigjson').build())).type,
    ).toBe('kubernetes.io/dockerconfigjson');
  });

  test('template data without the engine is a clear error', async () => {
    const es = anExternalSecret('es')
      .withData('k', 'k')
      .withTarget({ template: { data: { a: '{{ .k }}' } } })
      .build();
    await expect(render(es, { k: 'v' })).rejects.toThrow(
      /spec\.target\.template\.data needs the template engine/,
    );
  });
});
