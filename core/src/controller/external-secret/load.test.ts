import type { KubeObject } from '../../kube/kube-port.js';
import { anExternalSecret } from '../../testing/fixtures.js';
import { ReadYourWrites, settingsOf } from './load.js';

const at = (resourceVersion: string | undefined): KubeObject | undefined =>
  resourceVersion === undefined
    ? undefined
    : { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', resourceVersion } };

describe('settings', () => {
  test('ESO defaults apply', () => {
    const es = anExternalSecret('db').withSpec({ target: undefined, refreshInterval: undefined }).build();
    expect(settingsOf(es)).toEqual({
      targetName: 'db',
      creationPolicy: 'Owner',
      deletionPolicy: 'Retain',
      immutable: false,
      refreshPolicy: 'Periodic',
      refreshIntervalMs: 3_600_000,
    });
  });

  test('Go durations are understood', () => {
    expect(settingsOf(anExternalSecret('db').withRefreshInterval('1m30s').build()).refreshIntervalMs).toBe(
      90_000,
    );
    expect(settingsOf(anExternalSecret('db').withRefreshInterval('0').build()).refreshIntervalMs).toBe(0);
  });
});

describe('read your writes', () => {
  test('while the cache still shows the replaced version, our write is returned', () => {
    const memory = new ReadYourWrites<KubeObject>({ now: () => 0 });
    memory.record('k', at('1'), at('2'));
    expect(memory.resolve('k', at('1'))?.metadata.resourceVersion).toBe('2');
  });

  test('writes in a row are chained, so an intermediate version is also stale', () => {
    const memory = new ReadYourWrites<KubeObject>({ now: () => 0 });
    memory.record('k', at('1'), at('2'));
    memory.record('k', at('2'), at('3'));
    expect(memory.resolve('k', at('2'))?.metadata.resourceVersion).toBe('3');
    expect(memory.resolve('k', at('1'))?.metadata.resourceVersion).toBe('3');
  });

  test('once the cache shows another version the cache wins and the memory is dropped', () => {
    const memory = new ReadYourWrites<KubeObject>({ now: () => 0 });
    memory.record('k', at('1'), at('2'));
    expect(memory.resolve('k', at('7'))?.metadata.resourceVersion).toBe('7');
    expect(memory.resolve('k', at('1'))?.metadata.resourceVersion).toBe('1');
  });

  test('a create is not remembered, so a deletion right after it is never hidden', () => {
    const memory = new ReadYourWrites<KubeObject>({ now: () => 0 });
    memory.record('created', undefined, at('5'));
    expect(memory.resolve('created', undefined)).toBeUndefined();
  });

  test('a delete hides the cached object until the cache catches up', () => {
    const memory = new ReadYourWrites<KubeObject>({ now: () => 0 });
    memory.record('deleted', at('3'), undefined);
    expect(memory.resolve('deleted', at('3'))).toBeUndefined();
  });

  test('the memory is dropped as soon as the cache reports a version our write did not replace', () => {
    // GIVEN two writes remembered
    const memory = new ReadYourWrites<KubeObject>({ now: () => 0 });
    memory.record('a', at('1'), at('2'));
    memory.record('b', at('4'), at('5'));
    // WHEN the cache reports the replaced version of a, then our version of a and a deletion of b
    memory.observed('a', at('1'));
    expect(memory.size).toBe(2);
    memory.observed('a', at('2'));
    memory.observed('b', undefined);
    // THEN nothing is held any more, and the cache is what resolves
    expect(memory.size).toBe(0);
    expect(memory.resolve('a', at('1'))?.metadata.resourceVersion).toBe('1');
  });

  test('a remembered write expires, so a missed watch event cannot hide changes for long', () => {
    let now = 0;
    const memory = new ReadYourWrites<KubeObject>({ now: () => now, maxAgeMs: 1000 });
    memory.record('k', at('1'), at('2'));
    now = 1001;
    expect(memory.resolve('k', at('1'))?.metadata.resourceVersion).toBe('1');
  });
});
