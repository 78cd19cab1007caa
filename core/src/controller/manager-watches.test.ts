import type { KubeObject, ObjectCache, WatchEventType } from '../kube/kube-port.js';
import { controllerOwnerKeys, enqueueOnChange, ignoreStatusOnlyUpdates } from './manager-watches.js';
import { ManualClock } from './manual-clock.js';
import { WorkQueue } from './work-queue.js';
import { takeQueuedKeys } from '../testing/drain-queue.js';

class FakeCache implements ObjectCache<KubeObject> {
  private handler: ((type: WatchEventType, object: KubeObject, old?: KubeObject) => void) | undefined;
  get(): undefined {
    return undefined;
  }
  list(): KubeObject[] {
    return [];
  }
  onChange(handler: (type: WatchEventType, object: KubeObject, old?: KubeObject) => void): () => void {
    this.handler = handler;
    return () => (this.handler = undefined);
  }
  async synced(): Promise<void> {}
  emit(type: WatchEventType, object: KubeObject, old?: KubeObject): void {
    this.handler?.(type, object, old);
  }
}

const es = (meta: Partial<KubeObject['metadata']> = {}, status?: unknown): KubeObject => ({
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'db', namespace: 'a', generation: 1, resourceVersion: '1', ...meta },
  status,
});

describe('enqueueOnChange', () => {
  it('queues the changed object’s key at high priority, ahead of queued refreshes', async () => {
    const cache = new FakeCache();
    const queue = new WorkQueue({ clock: new ManualClock() });
    queue.add('a/refresh-me', { priority: 'low' });
    enqueueOnChange(cache, queue);
    cache.emit('added', es());
    expect(await takeQueuedKeys(queue)).toEqual(['a/db', 'a/refresh-me']);
  });

  it('with ignoreStatusOnlyUpdates, skips status-only writes but not spec, label or annotation changes', async () => {
    const cache = new FakeCache();
    const queue = new WorkQueue({ clock: new ManualClock() });
    enqueueOnChange(cache, queue, { filter: ignoreStatusOnlyUpdates });
    cache.emit('updated', es({ resourceVersion: '2' }, { ready: true }), es());
    expect(queue.length).toBe(0);
    cache.emit('updated', es({ resourceVersion: '3', annotations: { 'force-sync': '1' } }), es());
    expect(await takeQueuedKeys(queue)).toEqual(['a/db']);
    cache.emit('updated', es({ resourceVersion: '4', generation: 2 }), es());
    cache.emit('deleted', es());
    expect(await takeQueuedKeys(queue)).toEqual(['a/db']);
  });

  it('maps an owned Secret to its controlling ExternalSecret', async () => {
    const cache = new FakeCache();
    const queue = new WorkQueue({ clock: new ManualClock() });
    enqueueOnChange(cache, queue, { map: controllerOwnerKeys('ExternalSecret') });
    const secret: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'db-secret',
        namespace: 'a',
        ownerReferences: [
          {
            apiVersion: 'external-secrets.io/v1',
            kind: 'ExternalSecret',
            name: 'db',
            uid: 'u',
            controller: true,
          },
        ],
      },
    };
    cache.emit('deleted', secret);
    expect(await takeQueuedKeys(queue)).toEqual(['a/db']);
  });
});
