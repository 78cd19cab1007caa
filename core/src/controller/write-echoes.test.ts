import type { KubeObject } from '../kube/kube-port.js';
import { WriteEchoes } from './write-echoes.js';

const at = (resourceVersion: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 's', namespace: 'ns', resourceVersion },
});

/** A write whose response the test releases (or fails) when it wants. */
function pendingWrite() {
  let resolve!: (object: KubeObject) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<KubeObject>((res, rej) => ((resolve = res), (reject = rej)));
  return { write: () => promise, resolve, reject };
}

/** GIVEN echoes and a log of what events queue. */
function setup() {
  const echoes = new WriteEchoes();
  const queued: string[] = [];
  const route = (resourceVersion: string, keys = ['ns/es']) =>
    echoes.route('ns/s', resourceVersion, keys, (key) => queued.push(`${key}@${resourceVersion}`));
  return { echoes, queued, route };
}

describe('WriteEchoes', () => {
  it('drops the event of the version our write returned when the response came first', async () => {
    const { echoes, queued, route } = setup();
    await echoes.track('ns/s', 'ns/es', async () => at('7'));
    route('7');
    expect(queued).toEqual([]);
    expect(echoes.pending).toBe(0);
  });

  it('holds an event that arrives while the write is in flight and drops it once the write returns its version', async () => {
    const { echoes, queued, route } = setup();
    const write = pendingWrite();
    const tracked = echoes.track('ns/s', 'ns/es', write.write);
    route('7');
    expect(queued).toEqual([]);
    write.resolve(at('7'));
    await tracked;
    expect(queued).toEqual([]);
    expect(echoes.pending).toBe(0);
  });

  it('queues a change by someone else that arrives while our write is in flight, once the write settles', async () => {
    const { echoes, queued, route } = setup();
    const write = pendingWrite();
    const tracked = echoes.track('ns/s', 'ns/es', write.write);
    route('6');
    write.resolve(at('7'));
    await tracked;
    expect(queued).toEqual(['ns/es@6']);
    // AND our own echo, arriving later, is still recognised
    route('7');
    expect(queued).toEqual(['ns/es@6']);
  });

  it('queues every held event when the write fails', async () => {
    const { echoes, queued, route } = setup();
    const write = pendingWrite();
    const tracked = echoes.track('ns/s', 'ns/es', write.write);
    route('7');
    write.reject(new Error('conflict'));
    await expect(tracked).rejects.toThrow('conflict');
    expect(queued).toEqual(['ns/es@7']);
    expect(echoes.pending).toBe(0);
  });

  it('queues any version other than the one our write returned', async () => {
    const { echoes, queued, route } = setup();
    await echoes.track('ns/s', 'ns/es', async () => at('7'));
    route('8');
    expect(queued).toEqual(['ns/es@8']);
  });

  it('drops the echo only for the writer: other keys mapped to the same object are queued', async () => {
    const { echoes, queued, route } = setup();
    await echoes.track('ns/s', 'ns/es', async () => at('7'));
    route('7', ['ns/es', 'ns/other']);
    expect(queued).toEqual(['ns/other@7']);
  });

  it('forgets a version at the next event of the object, so a later identical version queues', async () => {
    const { echoes, queued, route } = setup();
    await echoes.track('ns/s', 'ns/es', async () => at('7'));
    route('6');
    route('7');
    expect(queued).toEqual(['ns/es@6', 'ns/es@7']);
    expect(echoes.pending).toBe(0);
  });

  it('drops nothing for overlapping writes to one object', async () => {
    const { echoes, queued, route } = setup();
    const first = pendingWrite();
    const trackedFirst = echoes.track('ns/s', 'ns/a', first.write);
    const trackedSecond = echoes.track('ns/s', 'ns/b', async () => at('8'));
    route('7', ['ns/a', 'ns/b']);
    first.resolve(at('7'));
    await Promise.all([trackedFirst, trackedSecond]);
    route('8', ['ns/a', 'ns/b']);
    expect(queued).toEqual(['ns/a@7', 'ns/b@7', 'ns/a@8', 'ns/b@8']);
  });

  it('remembers nothing for a write that returns no object', async () => {
    const { echoes, queued, route } = setup();
    await echoes.track('ns/s', 'ns/es', async () => undefined);
    route('7');
    expect(queued).toEqual(['ns/es@7']);
    expect(echoes.pending).toBe(0);
  });
});
