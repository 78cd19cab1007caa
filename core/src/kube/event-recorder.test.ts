import { ManualClock } from '../controller/manual-clock.js';
import { Redactor } from '../logging/redactor.js';
import { KubeEventRecorder } from './event-recorder.js';
import { InMemoryKube } from './in-memory-kube.js';
import { KubeApiError, type KubeObject } from './kube-port.js';

const ES: KubeObject = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'db', namespace: 'team-a', uid: 'u1', resourceVersion: '7' },
};

const EVENT = { apiVersion: 'v1', kind: 'Event' };

interface EventObject extends KubeObject {
  count: number;
  message: string;
  reason: string;
  involvedObject: Record<string, unknown>;
}

describe('KubeEventRecorder', () => {
  it('writes a core/v1 Event about the object in its namespace', async () => {
    const kube = new InMemoryKube();
    const recorder = new KubeEventRecorder({ kube, clock: new ManualClock(), instance: 'pod-1' });
    recorder.record(ES, 'Normal', 'Updated', 'secret synced');
    await recorder.flush();
    const [event] = kube.peekAll<EventObject>(EVENT);
    expect(event).toMatchObject({
      metadata: { namespace: 'team-a' },
      involvedObject: { kind: 'ExternalSecret', name: 'db', namespace: 'team-a', uid: 'u1' },
      type: 'Normal',
      reason: 'Updated',
      message: 'secret synced',
      count: 1,
      source: { component: 'external-secrets', host: 'pod-1' },
    });
    expect(event.metadata.name).toMatch(/^db\.[0-9a-f]+$/);
  });

  it('aggregates repeats of the same event by bumping count instead of creating more', async () => {
    const kube = new InMemoryKube();
    const recorder = new KubeEventRecorder({ kube, clock: new ManualClock() });
    for (let i = 0; i < 5; i++) recorder.record(ES, 'Warning', 'UpdateFailed', 'store not ready');
    recorder.record(ES, 'Warning', 'UpdateFailed', 'another message');
    await recorder.flush();
    const events = kube.peekAll<EventObject>(EVENT);
    expect(events.map((e) => [e.message, e.count])).toEqual([
      ['store not ready', 5],
      ['another message', 1],
    ]);
  });

  it('creates a fresh Event when the aggregated one was deleted meanwhile', async () => {
    const kube = new InMemoryKube();
    const recorder = new KubeEventRecorder({ kube, clock: new ManualClock() });
    recorder.record(ES, 'Normal', 'Updated', 'synced');
    await recorder.flush();
    const [first] = kube.peekAll<EventObject>(EVENT);
    await kube.delete({
      apiVersion: 'v1',
      kind: 'Event',
      name: first.metadata.name as string,
      namespace: 'team-a',
    });
    recorder.record(ES, 'Normal', 'Updated', 'synced');
    await recorder.flush();
    expect(kube.peekAll<EventObject>(EVENT).map((e) => e.count)).toEqual([1]);
  });

  it('redacts registered secret values from messages', async () => {
    const kube = new InMemoryKube();
    const redactor = new Redactor();
    redactor.register('canary-event-5e1f');
    const recorder = new KubeEventRecorder({ kube, redactor });
    recorder.record(ES, 'Warning', 'UpdateFailed', 'template produced canary-event-5e1f');
    await recorder.flush();
    expect(JSON.stringify(kube.peekAll(EVENT))).not.toContain('canary-event-5e1f');
    expect(kube.peekAll<EventObject>(EVENT)[0].message).toBe('template produced [REDACTED]');
  });

  it('never throws into the caller, even when the API fails', async () => {
    const kube = new InMemoryKube();
    kube.injectFault({
      verb: 'create',
      error: () => new KubeApiError('unavailable', 503, 'ServiceUnavailable'),
    });
    const recorder = new KubeEventRecorder({ kube });
    expect(() => recorder.record(ES, 'Normal', 'Updated', 'one')).not.toThrow();
    recorder.record(ES, 'Normal', 'Updated', 'two');
    await recorder.flush();
    expect(kube.peekAll<EventObject>(EVENT).map((e) => e.message)).toEqual(['two']);
  });

  it('puts events about cluster-scoped objects in the default namespace', async () => {
    const kube = new InMemoryKube();
    const recorder = new KubeEventRecorder({ kube });
    recorder.record(
      { apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name: 'vault' } },
      'Normal',
      'Valid',
      'store validated',
    );
    await recorder.flush();
    expect(kube.peekAll<EventObject>(EVENT)[0].metadata.namespace).toBe('default');
  });

  it('drops the oldest pending events when the backlog is full', async () => {
    const kube = new InMemoryKube();
    const recorder = new KubeEventRecorder({ kube, maxPending: 2 });
    for (let i = 0; i < 5; i++)
      recorder.record(
        { ...ES, metadata: { ...ES.metadata, name: `es-${i}` } },
        'Normal',
        'Updated',
        'synced',
      );
    await recorder.flush();
    expect(recorder.dropped).toBeGreaterThan(0);
    expect(kube.peekAll(EVENT).length).toBeLessThan(5);
  });
});
