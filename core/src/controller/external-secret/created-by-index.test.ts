import type { ObjectCache, SecretObject, WatchEventType } from '../../kube/kube-port.js';
import { CreatedByIndex } from './created-by-index.js';
import { LABEL_CREATED_BY } from './target-bookkeeping.js';

type Handler = (type: WatchEventType, object: SecretObject, old?: SecretObject) => void;

/** A Secret cache with hand-fired events. */
class FakeSecretCache implements Pick<ObjectCache<SecretObject>, 'list' | 'onChange'> {
  readonly objects = new Map<string, SecretObject>();
  private readonly handlers = new Set<Handler>();

  list(namespace?: string): SecretObject[] {
    return [...this.objects.values()].filter(
      (s) => namespace === undefined || s.metadata.namespace === namespace,
    );
  }

  onChange(handler: Handler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  put(secret: SecretObject): void {
    const key = `${secret.metadata.namespace}/${secret.metadata.name}`;
    const old = this.objects.get(key);
    this.objects.set(key, secret);
    for (const handler of this.handlers) handler(old ? 'updated' : 'added', secret, old);
  }

  remove(secret: SecretObject): void {
    this.objects.delete(`${secret.metadata.namespace}/${secret.metadata.name}`);
    for (const handler of this.handlers) handler('deleted', secret);
  }
}

function aSecret(namespace: string, name: string, owner?: string): SecretObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, labels: owner === undefined ? {} : { [LABEL_CREATED_BY]: owner } },
  };
}

const names = (secrets: SecretObject[]) => secrets.map((secret) => secret.metadata.name).sort();

describe('CreatedByIndex', () => {
  test('Secrets already in the cache are found by namespace and created-by label', () => {
    // GIVEN a cache holding Secrets of two owners in two namespaces, and one without the label
    const cache = new FakeSecretCache();
    cache.put(aSecret('a', 'one', 'owner-1'));
    cache.put(aSecret('a', 'two', 'owner-1'));
    cache.put(aSecret('a', 'three', 'owner-2'));
    cache.put(aSecret('b', 'four', 'owner-1'));
    cache.put(aSecret('a', 'plain'));
    // WHEN the index is asked
    const index = new CreatedByIndex(cache);
    // THEN only that owner's Secrets of that namespace come back
    expect(names(index.createdBy('a', 'owner-1'))).toEqual(['one', 'two']);
    expect(names(index.createdBy('b', 'owner-1'))).toEqual(['four']);
    expect(index.createdBy('a', 'nobody')).toEqual([]);
  });

  test('added, relabelled and deleted Secrets are followed through the cache events', () => {
    // GIVEN an index in use
    const cache = new FakeSecretCache();
    const index = new CreatedByIndex(cache);
    expect(index.createdBy('a', 'owner-1')).toEqual([]);
    // WHEN Secrets are added, one changes owner and one is deleted
    cache.put(aSecret('a', 'one', 'owner-1'));
    cache.put(aSecret('a', 'two', 'owner-1'));
    cache.put(aSecret('a', 'two', 'owner-2'));
    cache.remove(aSecret('a', 'one', 'owner-1'));
    cache.put(aSecret('a', 'three', 'owner-1'));
    // THEN each owner sees exactly its current Secrets
    expect(names(index.createdBy('a', 'owner-1'))).toEqual(['three']);
    expect(names(index.createdBy('a', 'owner-2'))).toEqual(['two']);
  });
});
