import type { ExternalSecret } from '../../api/v1/index.js';
import type { SecretObject } from '../../kube/kube-port.js';
import { aSecret, anExternalSecret } from '../../testing/fixtures.js';
import { settingsOf } from './load.js';
import { dataHash, syncedResourceVersionOf } from './object-hash.js';
import { WINDOW_RECHECK_MS, decideRefresh, isTargetValid, nextCheck } from './should-refresh.js';
import { ANNOTATION_DATA_HASH, LABEL_MANAGED } from './target-bookkeeping.js';

const NOW = new Date('2026-01-01T12:00:00Z');
const MIN = 60_000;

/** An ExternalSecret synced `agoMs` before NOW, as the reconciler would have left it. */
function synced(es: ExternalSecret, agoMs: number): ExternalSecret {
  const withMeta = { ...es, metadata: { ...es.metadata, generation: es.metadata.generation ?? 1 } };
  return {
    ...withMeta,
    status: {
      refreshTime: new Date(NOW.getTime() - agoMs).toISOString(),
      syncedResourceVersion: syncedResourceVersionOf(withMeta),
    },
  };
}

/** A valid managed target holding `data`. */
function validTarget(): SecretObject {
  const secret = aSecret('es').withData({ k: 'v' }).build();
  const data = { k: new TextEncoder().encode('v') };
  return {
    ...secret,
    metadata: {
      ...secret.metadata,
      labels: { [LABEL_MANAGED]: 'true' },
      annotations: { [ANNOTATION_DATA_HASH]: dataHash(data) },
    },
  };
}

/** `target: null` means "no target Secret". */
function decide(es: ExternalSecret, target: SecretObject | null = validTarget()) {
  return decideRefresh({ es, settings: settingsOf(es), target: target ?? undefined, now: NOW });
}

describe('should refresh (Periodic)', () => {
  const es = anExternalSecret('es').withData('k', 'k').withRefreshInterval('1h').build();

  test('an ExternalSecret that never synced is refreshed', () => {
    expect(decide(es)).toEqual({ refresh: true, reason: 'never-synced' });
  });

  test('within the interval with a valid target nothing is read', () => {
    expect(decide(synced(es, 30 * MIN))).toEqual({ refresh: false, reason: 'up-to-date' });
  });

  test('after the interval it is refreshed', () => {
    expect(decide(synced(es, 61 * MIN))).toEqual({ refresh: true, reason: 'interval-elapsed' });
  });

  test('a refreshTime in the future forces a refresh', () => {
    expect(decide(synced(es, -5 * MIN))).toEqual({ refresh: true, reason: 'refresh-time-in-future' });
  });

  test('a changed annotation forces a sync (kubectl annotate es force-sync=…)', () => {
    const forced = synced(es, MIN);
    forced.metadata = { ...forced.metadata, annotations: { 'force-sync': '1700000000' } };
    expect(decide(forced)).toEqual({ refresh: true, reason: 'spec-changed' });
  });

  test('a new generation forces a sync', () => {
    const edited = synced(es, MIN);
    edited.metadata = { ...edited.metadata, generation: 2 };
    expect(decide(edited).refresh).toBe(true);
  });

  test('a deny window blocks an overdue refresh and an allow window permits it', () => {
    const windows = (kind: 'allow' | 'deny') => ({
      kind,
      windows: [{ schedule: '0 12 * * *', duration: '1h' }],
    });
    const deny = synced({ ...es, spec: { ...es.spec, syncWindows: windows('deny') } }, 2 * 60 * MIN);
    const allow = synced({ ...es, spec: { ...es.spec, syncWindows: windows('allow') } }, 2 * 60 * MIN);
    expect(decide(deny)).toEqual({ refresh: false, reason: 'blocked-by-sync-window' });
    expect(decide(allow).refresh).toBe(true);
  });
});

describe('should refresh (refreshInterval: 0)', () => {
  const es = anExternalSecret('es').withData('k', 'k').withRefreshInterval('0').build();

  test('it is fetched once', () => {
    expect(decide(es).refresh).toBe(true);
    expect(decide(synced(es, 48 * 60 * MIN)).refresh).toBe(false);
  });

  test('not even a spec change refreshes it', () => {
    const edited = synced(es, MIN);
    edited.metadata = { ...edited.metadata, generation: 5, annotations: { 'force-sync': '2' } };
    expect(decide(edited)).toEqual({ refresh: false, reason: 'up-to-date' });
  });

  test('a deleted target is still restored', () => {
    expect(decide(synced(es, MIN), null)).toEqual({ refresh: true, reason: 'target-invalid' });
  });
});

describe('should refresh (CreatedOnce and OnChange)', () => {
  test('CreatedOnce syncs once and ignores time and spec changes', () => {
    const es = anExternalSecret('es').withData('k', 'k').withRefreshPolicy('CreatedOnce').build();
    expect(decide(es).refresh).toBe(true);
    const edited = synced(es, 48 * 60 * MIN);
    edited.metadata = { ...edited.metadata, generation: 7 };
    expect(decide(edited).refresh).toBe(false);
  });

  test('OnChange syncs on a spec or metadata change but not on time', () => {
    const es = anExternalSecret('es').withData('k', 'k').withRefreshPolicy('OnChange').build();
    expect(decide(synced(es, 48 * 60 * MIN)).refresh).toBe(false);
    const edited = synced(es, MIN);
    edited.metadata = { ...edited.metadata, labels: { team: 'a' } };
    expect(decide(edited)).toEqual({ refresh: true, reason: 'spec-changed' });
  });

  test('both still repair a deleted or edited Owner target', () => {
    const es = synced(
      anExternalSecret('es').withData('k', 'k').withRefreshPolicy('CreatedOnce').build(),
      MIN,
    );
    const edited = validTarget();
    edited.data = { k: Buffer.from('hand-edited').toString('base64') };
    expect(decide(es, null).reason).toBe('target-invalid');
    expect(decide(es, edited).reason).toBe('target-invalid');
  });
});

describe('target validity', () => {
  const owner = settingsOf(anExternalSecret('es').build());

  test('a target without the managed label is invalid', () => {
    const target = validTarget();
    target.metadata.labels = {};
    expect(isTargetValid(owner, target)).toBe(false);
  });

  test('Orphan and None targets are always valid', () => {
    for (const creationPolicy of ['Orphan', 'None'] as const) {
      const settings = settingsOf(anExternalSecret('es').withTarget({ creationPolicy }).build());
      expect(isTargetValid(settings, undefined)).toBe(true);
    }
  });
});

describe('next check', () => {
  test('Periodic waits for the rest of its interval', () => {
    const es = synced(anExternalSecret('es').withData('k', 'k').build(), 10 * MIN);
    expect(nextCheck(es, settingsOf(es), NOW)).toEqual({ requeueAfter: 50 * MIN });
  });

  test('an overdue refresh held back by a window is looked at again in a minute', () => {
    const es = synced(anExternalSecret('es').withData('k', 'k').build(), 2 * 60 * MIN);
    expect(nextCheck(es, settingsOf(es), NOW)).toEqual({ requeueAfter: WINDOW_RECHECK_MS });
  });

  test('CreatedOnce, OnChange and refreshInterval 0 wait for a change instead of churning', () => {
    for (const es of [
      anExternalSecret('es').withRefreshPolicy('CreatedOnce').build(),
      anExternalSecret('es').withRefreshPolicy('OnChange').build(),
      anExternalSecret('es').withRefreshInterval('0s').build(),
    ]) {
      expect(nextCheck(synced(es, 2 * 60 * MIN), settingsOf(es), NOW)).toBe('awaitChange');
    }
  });
});
