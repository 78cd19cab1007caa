import { KubeEventRecorder, Redactor, type KubeObject } from '@tessera/core';
import { startKubeWorld, type KubeWorld } from './kube-fixture.js';

let world: KubeWorld;

beforeAll(async () => {
  world = await startKubeWorld();
});
afterAll(async () => world.stop());

interface EventObject extends KubeObject {
  count?: number;
  message?: string;
  reason?: string;
  type?: string;
  involvedObject?: { kind?: string; name?: string; uid?: string };
}

describe('KubeEventRecorder against the API emulator', () => {
  it('aggregates repeated events into one Event with a count, and keeps distinct ones apart', async () => {
    // GIVEN an object and a recorder
    const secret = await world.kube.client.create<KubeObject>({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'agg', namespace: 'default' },
    });
    const recorder = new KubeEventRecorder({ kube: world.kube.client });
    // WHEN the same warning is recorded three times and another once
    for (let i = 0; i < 3; i++)
      recorder.record(secret, 'Warning', 'UpdateFailed', 'could not reach the store');
    recorder.record(secret, 'Normal', 'Updated', 'synced');
    await recorder.flush();
    // THEN the server holds two Events, the repeated one with count 3
    const events = await world.kube.client.list<EventObject>(
      { apiVersion: 'v1', kind: 'Event' },
      { namespace: 'default', fieldSelector: 'involvedObject.name=agg' },
    );
    const summary = events.map((e) => [e.type, e.reason, e.message, e.count]).sort();
    expect(summary).toEqual([
      ['Normal', 'Updated', 'synced', 1],
      ['Warning', 'UpdateFailed', 'could not reach the store', 3],
    ]);
    expect(events.every((e) => e.involvedObject?.uid === secret.metadata.uid)).toBe(true);
    expect(world.server.requestLog.count({ verb: 'create', resource: 'events' })).toBe(2);
    expect(world.server.requestLog.count({ verb: 'patch', resource: 'events' })).toBe(2);
  });

  it('never writes a registered secret value into an Event', async () => {
    const redactor = new Redactor();
    redactor.register('canary-evt-91b2c7');
    const recorder = new KubeEventRecorder({ kube: world.kube.client, redactor });
    const object: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'canary', namespace: 'default', uid: 'u-canary' },
    };
    recorder.record(object, 'Warning', 'UpdateFailed', 'rendered value canary-evt-91b2c7 is invalid');
    await recorder.flush();
    const events = await world.kube.client.list<EventObject>(
      { apiVersion: 'v1', kind: 'Event' },
      { namespace: 'default', fieldSelector: 'involvedObject.name=canary' },
    );
    expect(JSON.stringify(events)).not.toContain('canary-evt-91b2c7');
    expect(events[0].message).toBe('rendered value [REDACTED] is invalid');
  });
});
