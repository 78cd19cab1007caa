import type { ExternalSecret } from '../../api/v1/index.js';
import type {
  CacheFactory,
  CacheOptions,
  KindRef,
  KubeObject,
  ObjectCache,
  SecretObject,
} from '../../kube/kube-port.js';
import { ReadCoalescer } from '../../provider/read-coalescer.js';
import { FaultyClient } from '../../testing/external-secret-fixtures.js';
import { aSecretStore, anExternalSecret, ES_REF } from '../../testing/fixtures.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { RecordingEventRecorder } from '../../testing/recording-event-recorder.js';
import { reconcileQueued, takeQueuedKeys } from '../../testing/drain-queue.js';
import { ManualClock } from '../manual-clock.js';
import { WorkQueue } from '../work-queue.js';
import { externalSecretRegistration } from './external-secret-registration.js';
import { settingsOf } from './load.js';
import { TemplateSourceRefresh } from './template-source-refresh.js';
import { TemplateSourceWatch } from './template-source-watch.js';
import { KubeTemplateSourceReader, referencedTemplateSources } from './template-sources.js';

const CM = { apiVersion: 'v1', kind: 'ConfigMap' } as const;
const TPL_REF = { ...CM, name: 'tpl', namespace: 'default' };

function aConfigMap(name: string, data: Record<string, string>, namespace = 'default'): KubeObject {
  return { ...CM, metadata: { name, namespace }, data };
}

function usingConfigMap(name: string, es = anExternalSecret('es')) {
  return es.withData('password', 'password').withTarget({
    template: { templateFrom: [{ configMap: { name, items: [{ key: 'tpl' }] } }] },
  });
}

/** Lets the caches' `synced()` promises settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('referencedTemplateSources', () => {
  test('lists each ConfigMap and Secret once, in the ExternalSecret namespace', () => {
    const es = anExternalSecret('es')
      .withTarget({
        template: {
          templateFrom: [
            { configMap: { name: 'a', items: [] }, secret: { name: 'b', items: [] } },
            { configMap: { name: 'a', items: [] }, literal: 'x: y' },
          ],
        },
      })
      .build();
    expect(referencedTemplateSources(es)).toEqual([
      { kind: 'ConfigMap', namespace: 'default', name: 'a' },
      { kind: 'Secret', namespace: 'default', name: 'b' },
    ]);
  });
});

describe('KubeTemplateSourceReader', () => {
  test('without a version view every read goes to the API, and Secret data is decoded', async () => {
    const kube = new InMemoryKube();
    kube.seed({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'ns' },
      data: { t: 'e3sgLnggfX0=' },
    });
    const reader = new KubeTemplateSourceReader({ kube });
    const ref = { kind: 'Secret', namespace: 'ns', name: 's' } as const;
    const first = await reader.read(ref);
    await reader.read(ref);
    expect(Buffer.from(first!.data.t).toString()).toBe('{{ .x }}');
    expect(reader.liveReads).toBe(2);
    expect(await reader.read({ ...ref, name: 'missing' })).toBeUndefined();
  });

  test('with a version view, an unchanged object is not read again; a changed one is', async () => {
    const kube = new InMemoryKube();
    kube.seed(aConfigMap('tpl', { t: 'one' }));
    let version: string | null | undefined = undefined;
    const reader = new KubeTemplateSourceReader({ kube, versions: { currentVersion: () => version } });
    const ref = { kind: 'ConfigMap', namespace: 'default', name: 'tpl' } as const;
    version = (await reader.read(ref))!.resourceVersion;
    await reader.read(ref);
    expect(reader.liveReads).toBe(1);
    await kube.update({
      ...kube.peek<KubeObject>(TPL_REF)!,
      data: { t: 'two' },
    });
    version = kube.peek<KubeObject>(TPL_REF)!.metadata.resourceVersion!;
    expect(Buffer.from((await reader.read(ref))!.data.t).toString()).toBe('two');
    expect(reader.liveReads).toBe(2);
  });

  test('kept contents stay within the byte budget', async () => {
    const kube = new InMemoryKube();
    kube.seed(aConfigMap('a', { t: 'x'.repeat(60) }), aConfigMap('b', { t: 'y'.repeat(60) }));
    const reader = new KubeTemplateSourceReader({
      kube,
      versions: { currentVersion: () => '1' },
      maxBytes: 100,
    });
    await reader.read({ kind: 'ConfigMap', namespace: 'default', name: 'a' });
    await reader.read({ kind: 'ConfigMap', namespace: 'default', name: 'b' });
    expect(reader.size).toBeLessThanOrEqual(100);
  });
});

describe('TemplateSourceWatch', () => {
  function setup() {
    const kube = new InMemoryKube();
    const created: { kind: string; metadataOnly?: boolean }[] = [];
    let loaded!: () => void;
    const gate = new Promise<void>((resolve) => (loaded = resolve));
    const caches: CacheFactory = {
      cache: <T extends KubeObject>(kind: KindRef, options?: CacheOptions): ObjectCache<T> => {
        created.push({ kind: kind.kind, metadataOnly: options?.metadataOnly });
        const cache = kube.cache<T>(kind, options);
        return Object.assign(Object.create(cache) as ObjectCache<T>, { synced: () => gate });
      },
      start: async () => undefined,
      stop: async () => undefined,
    };
    const externalSecrets = kube.cache<ExternalSecret>({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
    });
    const watch = new TemplateSourceWatch({ caches, externalSecrets });
    const queue = new WorkQueue({ clock: new ManualClock() });
    watch.watch(queue);
    return { kube, watch, queue, created, loaded };
  }

  test('starts no informer until an ExternalSecret reads templates from that kind, then a metadata-only one', async () => {
    const { kube, created } = setup();
    await kube.create(anExternalSecret('plain').withData('k', 'k').build());
    expect(created).toEqual([]);
    await kube.create(usingConfigMap('tpl').build());
    expect(created).toEqual([{ kind: 'ConfigMap', metadataOnly: true }]);
  });

  test('an edit of a referenced ConfigMap queues the ExternalSecrets using it, and only those', async () => {
    const { kube, watch, queue, loaded } = setup();
    loaded();
    await kube.create(aConfigMap('tpl', { tpl: 'a' }));
    await kube.create(aConfigMap('other', { tpl: 'a' }));
    await kube.create(usingConfigMap('tpl').build());
    await kube.create(usingConfigMap('tpl', anExternalSecret('es2')).build());
    await settle();
    await takeQueuedKeys(queue);
    const before = watch.fingerprint(kube.peek<ExternalSecret>(ES_REF)!);
    // WHEN the referenced ConfigMap and an unrelated one change
    await kube.patch(TPL_REF, { data: { tpl: 'b' } }, 'merge');
    await kube.patch({ ...CM, name: 'other', namespace: 'default' }, { data: { tpl: 'b' } }, 'merge');
    // THEN both users of the first are queued, and the fingerprint changed
    expect((await takeQueuedKeys(queue)).sort()).toEqual(['default/es', 'default/es2']);
    const es = kube.peek<ExternalSecret>(ES_REF)!;
    expect(watch.fingerprint(es)).not.toEqual(before);
    expect(before).toMatch(/^ConfigMap\/default\/tpl@\d+$/);
  });

  test('a deleted ExternalSecret is no longer queued by its template source', async () => {
    const { kube, queue, watch, loaded } = setup();
    loaded();
    await kube.create(aConfigMap('tpl', { tpl: 'a' }));
    await kube.create(usingConfigMap('tpl').build());
    await settle();
    await kube.delete(ES_REF);
    await takeQueuedKeys(queue);
    await kube.patch(TPL_REF, { data: { tpl: 'b' } }, 'merge');
    expect(await takeQueuedKeys(queue)).toEqual([]);
    expect(watch.usersOf({ kind: 'ConfigMap', namespace: 'default', name: 'tpl' })).toEqual([]);
  });

  test('a fingerprint is unknown until the informer has loaded, and marks a missing object', async () => {
    const { kube, watch, loaded } = setup();
    await kube.create(usingConfigMap('absent').build());
    const es = kube.peek<ExternalSecret>(ES_REF)!;
    await settle();
    expect(watch.fingerprint(es)).toBeUndefined();
    loaded();
    await settle();
    expect(watch.fingerprint(es)).toBe('ConfigMap/default/absent@-');
    expect(watch.fingerprint(anExternalSecret('x').withData('k', 'k').build())).toBe('');
  });
});

describe('TemplateSourceRefresh', () => {
  const upToDate = { refresh: false, reason: 'up-to-date' } as const;
  const versions = (value: string) => ({ fingerprint: () => value });
  const es = (policy?: 'CreatedOnce' | 'OnChange', interval = '1h') => {
    const builder = anExternalSecret('es').withData('k', 'k').withRefreshInterval(interval);
    return (policy ? builder.withRefreshPolicy(policy) : builder).build();
  };

  test.each([
    ['Periodic', true, undefined, '1h'],
    ['OnChange', true, 'OnChange', '1h'],
    ['CreatedOnce', false, 'CreatedOnce', '1h'],
    ['Periodic with refreshInterval 0', false, undefined, '0s'],
  ] as const)(
    'after a template source changed, a %s ExternalSecret refreshes: %s',
    (_name, expected, policy, interval) => {
      let current = 'v1';
      const refresh = new TemplateSourceRefresh({ fingerprint: () => current });
      const target = es(policy, interval);
      const first = refresh.decide('k', target, settingsOf(target), {
        refresh: true,
        reason: 'never-synced',
      });
      refresh.rendered('k', first);
      current = 'v2';
      expect(refresh.decide('k', target, settingsOf(target), upToDate).refresh).toBe(expected);
    },
  );

  test('after a restart the first look records the current sources instead of refreshing', () => {
    const refresh = new TemplateSourceRefresh(versions('v1'));
    const target = es();
    expect(refresh.decide('k', target, settingsOf(target), upToDate)).toEqual(upToDate);
    expect(refresh.decide('k', target, settingsOf(target), upToDate)).toEqual(upToDate);
  });

  test('a failed refresh records nothing, so the next reconcile tries again', () => {
    let current = 'v1';
    const refresh = new TemplateSourceRefresh({ fingerprint: () => current });
    const target = es();
    refresh.decide('k', target, settingsOf(target), upToDate);
    current = 'v2';
    const decision = refresh.decide('k', target, settingsOf(target), upToDate);
    expect(decision).toEqual({ refresh: true, reason: 'template-source-changed', fingerprint: 'v2' });
    expect(refresh.decide('k', target, settingsOf(target), upToDate).refresh).toBe(true);
    refresh.rendered('k', decision);
    expect(refresh.decide('k', target, settingsOf(target), upToDate).refresh).toBe(false);
  });
});

describe('ExternalSecret registration with templateFrom', () => {
  async function setup(policy?: 'CreatedOnce') {
    const kube = new InMemoryKube();
    const registration = externalSecretRegistration({
      caches: kube,
      kube,
      clients: { clientFor: async () => new FaultyClient({ values: { password: 'p1' } }) },
      coalescer: new ReadCoalescer(),
      events: new RecordingEventRecorder(),
    });
    const queue = new WorkQueue({ clock: new ManualClock() });
    registration.watch?.(queue);
    const runQueued = async (): Promise<void> => {
      await settle();
      await reconcileQueued(queue, registration.reconciler);
    };
    await kube.create(aSecretStore('store').build());
    await kube.patchStatus(
      { apiVersion: 'external-secrets.io/v1', kind: 'SecretStore', name: 'store', namespace: 'default' },
      { status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Valid' }] } },
      'merge',
    );
    await kube.create(aConfigMap('tpl', { tpl: 'pw={{ .password }}' }));
    const es = usingConfigMap('tpl', anExternalSecret('es'));
    await kube.create((policy ? es.withRefreshPolicy(policy) : es).build());
    await runQueued();
    const secretText = () => {
      const secret = kube.peek<SecretObject>({
        apiVersion: 'v1',
        kind: 'Secret',
        name: 'es',
        namespace: 'default',
      });
      return secret ? Buffer.from(secret.data?.tpl ?? '', 'base64').toString() : undefined;
    };
    return { kube, runQueued, secretText };
  }

  test('the engine renders by default, and a ConfigMap edit re-renders the Secret at once', async () => {
    const { kube, runQueued, secretText } = await setup();
    expect(secretText()).toBe('pw=p1');
    await kube.patch(TPL_REF, { data: { tpl: 'password={{ .password }}' } }, 'merge');
    await runQueued();
    expect(secretText()).toBe('password=p1');
  });

  test('a CreatedOnce ExternalSecret keeps its Secret when the template source changes', async () => {
    const { kube, runQueued, secretText } = await setup('CreatedOnce');
    await kube.patch(TPL_REF, { data: { tpl: 'changed' } }, 'merge');
    await runQueued();
    expect(secretText()).toBe('pw=p1');
  });
});
