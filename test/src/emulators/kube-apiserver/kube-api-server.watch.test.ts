import { makeInformer, Watch, type KubernetesObject, type V1ConfigMap } from '@kubernetes/client-node';
import { rawRequest, startKubeTestEnv, waitFor, type KubeTestEnv } from './testing/kube-test-client.js';

let env: KubeTestEnv;

beforeAll(async () => {
  env = await startKubeTestEnv({ watchHistorySize: 50, bookmarkIntervalMs: 50 });
});
afterAll(async () => {
  await env.server.stop();
});

const configMap = (name: string, labels?: Record<string, string>): V1ConfigMap => ({
  metadata: { name, labels },
  data: { v: '1' },
});

async function newNamespace(name: string): Promise<string> {
  await env.core.createNamespace({ body: { metadata: { name } } });
  return name;
}

/** Starts an informer on a namespace's ConfigMaps and records what it reports. */
async function configMapInformer(namespace: string) {
  const seen: string[] = [];
  const informer = makeInformer(env.kc, `/api/v1/namespaces/${namespace}/configmaps`, () =>
    env.core.listNamespacedConfigMap({ namespace }),
  );
  informer.on('add', (o) => seen.push(`add ${o.metadata?.name}`));
  informer.on('update', (o) => seen.push(`update ${o.metadata?.name}`));
  informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
  informer.on('error', () => undefined);
  await informer.start();
  return { informer, seen };
}

/**
 * {@link configMapInformer} once its first watch is open; `requests` counts its ConfigMap requests
 * in the namespace since just before it listed.
 */
async function aWatchingInformer(namespace: string) {
  const mark = env.server.requestLog.mark();
  const { informer, seen } = await configMapInformer(namespace);
  const requests = (verb: 'list' | 'watch', code?: number): number =>
    env.server.requestLog.count({ verb, resource: 'configmaps', namespace, since: mark, code });
  await waitFor(() => requests('watch') === 1, { what: 'first watch' });
  return { informer, seen, requests };
}

interface WatchEvent {
  type: string;
  name?: string;
  rv?: string;
  code?: number;
}

/** Opens a low-level watch and collects its events until `done`. */
async function watchEvents(path: string, params: Record<string, string | number | boolean | undefined>) {
  const events: WatchEvent[] = [];
  let ended = false;
  const controller = await new Watch(env.kc).watch(
    path,
    params,
    (type, obj: KubernetesObject & { code?: number }) =>
      events.push({ type, name: obj.metadata?.name, rv: obj.metadata?.resourceVersion, code: obj.code }),
    () => {
      ended = true;
    },
  );
  return { events, ended: () => ended, stop: () => controller.abort() };
}

describe('informers', () => {
  test('an informer resumes after a dropped watch from its last resourceVersion, without relisting or losing an event', async () => {
    // GIVEN an informer that has listed and is watching
    const ns = await newNamespace('resume');
    await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('before') });
    const { informer, seen, requests } = await aWatchingInformer(ns);
    // WHEN the server drops the watch and a change happens before the re-watch is served (held by latency)
    env.server.faults.addRule({ verb: 'watch', resource: 'configmaps', namespace: ns, latencyMs: 200 });
    expect(env.server.faults.disconnectWatches({ resource: 'configmaps', namespace: ns })).toBe(1);
    await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('during-gap') });
    // THEN the informer sees the change, watched again and never relisted
    await waitFor(() => seen.includes('add during-gap'), { what: 'add during-gap' });
    await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('after') });
    await waitFor(() => seen.includes('add after'), { what: 'add after' });
    await informer.stop();
    expect(seen).toEqual(['add before', 'add during-gap', 'add after']);
    expect(requests('list')).toBe(1);
    expect(requests('watch')).toBeGreaterThanOrEqual(2);
  });

  test('an informer relists after an in-stream 410 Expired and reports the changes it missed', async () => {
    // GIVEN an informer watching two ConfigMaps
    const ns = await newNamespace('expire');
    await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('keep') });
    await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('doomed') });
    const { informer, seen, requests } = await aWatchingInformer(ns);
    // WHEN the watch expires (ERROR 410) and changes happen before the relist
    expect(env.server.faults.expireWatches({ resource: 'configmaps', namespace: ns })).toBe(1);
    await env.core.deleteNamespacedConfigMap({ name: 'doomed', namespace: ns });
    await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('born') });
    // THEN the informer relists once, reports both changes, and watches from the new list
    await waitFor(() => seen.includes('add born') && seen.includes('delete doomed'), {
      what: 'missed changes',
    });
    await waitFor(() => requests('watch') === 2, { what: 'second watch' });
    await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('later') });
    await waitFor(() => seen.includes('add later'), { what: 'add later' });
    await informer.stop();
    expect(requests('list')).toBe(2);
    expect(seen.filter((s) => s.endsWith('born') || s.endsWith('doomed') || s.endsWith('later'))).toEqual([
      'add doomed',
      'delete doomed',
      'add born',
      'add later',
    ]);
  });

  test('an informer whose re-watch is answered with HTTP 410 relists and carries on', async () => {
    // GIVEN an informer watching, and a fault that answers the next watch of that namespace with 410
    const ns = await newNamespace('http-gone');
    const { informer, seen, requests } = await aWatchingInformer(ns);
    env.server.faults.addRule({
      verb: 'watch',
      resource: 'configmaps',
      namespace: ns,
      errorRate: 1,
      errorCode: 410,
      times: 1,
    });
    // WHEN the watch is dropped and a change happens
    env.server.faults.disconnectWatches({ resource: 'configmaps', namespace: ns });
    await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('after-gone') });
    // THEN the informer relists, sees the change and watches again
    await waitFor(() => seen.includes('add after-gone'), { what: 'add after-gone' });
    await waitFor(() => requests('watch', 200) === 2, { what: 'watch after relist' });
    await informer.stop();
    expect(requests('watch', 410)).toBe(1);
    expect(requests('list')).toBe(2);
  });
});

describe('watch streams', () => {
  test('a watch from a resourceVersion replays later changes in order without synthetic ADDED events', async () => {
    const ns = await newNamespace('replay');
    const first = await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('a') });
    await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('b') });
    await env.core.deleteNamespacedConfigMap({ name: 'a', namespace: ns });
    const w = await watchEvents(`/api/v1/namespaces/${ns}/configmaps`, {
      resourceVersion: first.metadata?.resourceVersion,
    });
    await waitFor(() => w.events.length === 2, { what: 'replayed events' });
    w.stop();
    expect(w.events.map((e) => `${e.type} ${e.name}`)).toEqual(['ADDED b', 'DELETED a']);
    expect(Number(w.events[1].rv)).toBeGreaterThan(Number(w.events[0].rv));
  });

  test('a watch without resourceVersion starts with the current objects, then follows changes; no-op writes emit nothing', async () => {
    const ns = await newNamespace('initial');
    const cm = await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('x') });
    const w = await watchEvents(`/api/v1/namespaces/${ns}/configmaps`, {});
    await waitFor(() => w.events.length === 1, { what: 'initial ADDED' });
    await env.core.replaceNamespacedConfigMap({ name: 'x', namespace: ns, body: cm });
    await env.core.replaceNamespacedConfigMap({
      name: 'x',
      namespace: ns,
      body: { ...cm, data: { v: '2' } },
    });
    await waitFor(() => w.events.length === 2, { what: 'MODIFIED' });
    w.stop();
    expect(w.events.map((e) => `${e.type} ${e.name}`)).toEqual(['ADDED x', 'MODIFIED x']);
  });

  test('a label-selected watch sees an object leaving the selection as DELETED and entering it as ADDED', async () => {
    const ns = await newNamespace('selection');
    await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('s', { team: 'a' }) });
    const w = await watchEvents(`/api/v1/namespaces/${ns}/configmaps`, { labelSelector: 'team=a' });
    await waitFor(() => w.events.length === 1, { what: 'initial ADDED' });
    const patch = (team: string) =>
      env.core.patchNamespacedConfigMap({
        name: 's',
        namespace: ns,
        body: [{ op: 'replace', path: '/metadata/labels/team', value: team }],
      });
    await patch('b');
    await patch('a');
    await waitFor(() => w.events.length === 3, { what: 'selection changes' });
    w.stop();
    expect(w.events.map((e) => e.type)).toEqual(['ADDED', 'DELETED', 'ADDED']);
  });

  test('a resume from a resourceVersion older than the history window gets an ERROR 410 Expired event', async () => {
    const ns = await newNamespace('too-old');
    const first = await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap('c0') });
    for (let i = 1; i <= 60; i++)
      await env.core.patchNamespacedConfigMap({
        name: 'c0',
        namespace: ns,
        body: [{ op: 'replace', path: '/data/v', value: String(i) }],
      });
    const w = await watchEvents(`/api/v1/namespaces/${ns}/configmaps`, {
      resourceVersion: first.metadata?.resourceVersion,
    });
    await waitFor(() => w.ended(), { what: 'stream end' });
    expect(w.events).toEqual([{ type: 'ERROR', name: undefined, rv: undefined, code: 410 }]);
  });

  test('a watch that allows bookmarks gets BOOKMARK events and ends cleanly at timeoutSeconds', async () => {
    const ns = await newNamespace('bookmarks');
    const w = await watchEvents(`/api/v1/namespaces/${ns}/configmaps`, {
      allowWatchBookmarks: true,
      timeoutSeconds: 1,
    });
    await waitFor(() => w.ended(), { what: 'timeout end' });
    expect(w.events.length).toBeGreaterThan(0);
    expect(w.events.every((e) => e.type === 'BOOKMARK' && /^\d+$/.test(e.rv ?? ''))).toBe(true);
  });

  test('a burst of events written at once reaches a watch in order, one JSON event per line, even when the stream is expired right after it', async () => {
    // GIVEN 30 ConfigMaps created after resourceVersion `from`
    const ns = await newNamespace('burst-replay');
    const from = (await env.core.listNamespacedConfigMap({ namespace: ns })).metadata?.resourceVersion;
    const names = Array.from({ length: 30 }, (_, i) => `cm-${String(i).padStart(2, '0')}`);
    for (const name of names)
      await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap(name) });
    // WHEN a raw watch resumes from `from` (the server replays all 30 at once) and is expired as soon as it is open
    const reply = rawRequest(
      env.server,
      'GET',
      `/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=${from}`,
    );
    await waitFor(() => env.server.faults.expireWatches({ resource: 'configmaps', namespace: ns }) === 1, {
      what: 'the watch to be open',
    });
    // THEN every replayed event arrives on its own line, in resourceVersion order, before the ERROR 410
    const { body } = await reply;
    expect(body.endsWith('\n')).toBe(true);
    const events = body
      .slice(0, -1)
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; object: KubernetesObject & { code?: number } });
    expect(events.map((e) => `${e.type} ${e.object.metadata?.name ?? e.object.code}`)).toEqual([
      ...names.map((n) => `ADDED ${n}`),
      'ERROR 410',
    ]);
    const rvs = events.slice(0, -1).map((e) => Number(e.object.metadata?.resourceVersion));
    expect(rvs.every((rv, i) => i === 0 || rv > rvs[i - 1])).toBe(true);
  });

  test('a deletecollection sends a live watch one DELETED event per object, each on its own line, in order', async () => {
    // GIVEN 20 ConfigMaps and a raw watch of them from now
    const ns = await newNamespace('burst-live');
    const names = Array.from({ length: 20 }, (_, i) => `cm-${String(i).padStart(2, '0')}`);
    for (const name of names)
      await env.core.createNamespacedConfigMap({ namespace: ns, body: configMap(name) });
    const from = (await env.core.listNamespacedConfigMap({ namespace: ns })).metadata?.resourceVersion;
    const mark = env.server.requestLog.mark();
    const reply = rawRequest(
      env.server,
      'GET',
      `/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=${from}`,
    );
    await waitFor(() => env.server.requestLog.count({ verb: 'watch', namespace: ns, since: mark }) === 1, {
      what: 'the watch request',
    });
    // WHEN one request deletes all of them (20 events in one go), then the watch is dropped
    await env.core.deleteCollectionNamespacedConfigMap({ namespace: ns });
    expect(env.server.faults.disconnectWatches({ resource: 'configmaps', namespace: ns })).toBe(1);
    // THEN the stream carries exactly the 20 DELETED events, one per line, in name (= deletion) order
    const { body } = await reply;
    const lines = body.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l) as { type: string; object: KubernetesObject })).toEqual(
      names.map((n) =>
        expect.objectContaining({
          type: 'DELETED',
          object: expect.objectContaining({ metadata: expect.objectContaining({ name: n }) }),
        }),
      ),
    );
  });
});
