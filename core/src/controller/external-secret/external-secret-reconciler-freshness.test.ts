/**
 * How fresh the provider data of a refresh must be: the reconcile passes `maxAgeMs: 0` when the user
 * forced the sync (spec, label or annotation change), on the first sync and on a drift repair, and
 * the ExternalSecret's `refreshInterval` on a periodic refresh, to every kind of read.
 */
import type { FindQuery, ReadOptions, RemoteRef, SecretsClient } from '../../provider/provider.js';
import { ReadCoalescer, type ReadOutcome } from '../../provider/read-coalescer.js';
import { ExternalSecretWorld } from '../../testing/external-secret-fixtures.js';
import { aSecretStore, anExternalSecret, ES_REF, SECRET_REF } from '../../testing/fixtures.js';
import { readOptionsFor, type RefreshReason } from './should-refresh.js';
import type { ExternalSecretSettings } from './load.js';

const MINUTE = 60_000;

/** A real coalescer that remembers the read options of every call, by kind of read. */
class RecordingCoalescer extends ReadCoalescer {
  readonly seen: { read: string; options: ReadOptions | undefined }[] = [];

  override readAll(
    client: SecretsClient,
    refs: readonly RemoteRef[],
    options?: ReadOptions,
  ): Promise<ReadOutcome[]> {
    this.seen.push({ read: 'data', options });
    return super.readAll(client, refs, options);
  }
  override getSecretMap(client: SecretsClient, ref: RemoteRef, options?: ReadOptions) {
    this.seen.push({ read: 'extract', options });
    return super.getSecretMap(client, ref, options);
  }
  override getAllSecrets(client: SecretsClient, find: FindQuery, options?: ReadOptions) {
    this.seen.push({ read: 'find', options });
    return super.getAllSecrets(client, find, options);
  }
  /** The options of the reads since the last call, then forgets them. */
  take(): { read: string; options: ReadOptions | undefined }[] {
    return this.seen.splice(0);
  }
}

/** GIVEN an ExternalSecret refreshed every 10 minutes with data, extract and find entries. */
function world() {
  const coalescer = new RecordingCoalescer();
  const w = new ExternalSecretWorld({ values: { k: 'v1', cfg: '{"a":"1"}' } }, { coalescer });
  w.seed(
    aSecretStore('store').ready().build(),
    anExternalSecret('es')
      .withRefreshInterval('10m')
      .withData('k', 'k')
      .withDataFromExtract('cfg')
      .withDataFromFind({ name: { regexp: '^k$' } })
      .build(),
  );
  return { w, coalescer };
}

const everyRead = (options: ReadOptions) => [
  { read: 'extract', options },
  { read: 'find', options },
  { read: 'data', options },
];

describe('ExternalSecret reconcile: read freshness', () => {
  test('the first sync reads fresh', async () => {
    const { w, coalescer } = world();
    expect((await w.reconcile()).error).toBeUndefined();
    expect(coalescer.take()).toEqual(everyRead({ maxAgeMs: 0 }));
  });

  test('a forced sync (annotation change) reads fresh, long before the interval', async () => {
    // GIVEN a synced ExternalSecret
    const { w, coalescer } = world();
    await w.reconcile();
    coalescer.take();
    w.advance(MINUTE);
    // WHEN the user changes an annotation
    await w.kube.patch(ES_REF, { metadata: { annotations: { 'force-sync': '1' } } }, 'merge');
    await w.reconcile();
    // THEN every read asks for fresh data
    expect(coalescer.take()).toEqual(everyRead({ maxAgeMs: 0 }));
  });

  test('a periodic refresh accepts data as old as the refresh interval', async () => {
    const { w, coalescer } = world();
    await w.reconcile();
    coalescer.take();
    w.advance(10 * MINUTE + 1);
    await w.reconcile();
    expect(coalescer.take()).toEqual(everyRead({ maxAgeMs: 10 * MINUTE }));
  });

  test('a drift repair (target deleted by hand) reads fresh', async () => {
    const { w, coalescer } = world();
    await w.reconcile();
    coalescer.take();
    await w.kube.delete(SECRET_REF);
    await w.reconcile();
    expect(coalescer.take()).toEqual(everyRead({ maxAgeMs: 0 }));
    expect(w.secretText('es')).toMatchObject({ k: 'v1' });
  });
});

describe('readOptionsFor', () => {
  const settings = { refreshIntervalMs: 10 * MINUTE } as ExternalSecretSettings;
  it.each<[RefreshReason, ReadOptions]>([
    ['never-synced', { maxAgeMs: 0 }],
    ['spec-changed', { maxAgeMs: 0 }],
    ['target-invalid', { maxAgeMs: 0 }],
    ['interval-elapsed', { maxAgeMs: 10 * MINUTE }],
    ['refresh-time-in-future', { maxAgeMs: 10 * MINUTE }],
    ['template-source-changed', { maxAgeMs: 10 * MINUTE }],
  ])('a refresh for %s reads with %j', (reason, expected) => {
    expect(readOptionsFor(reason, settings)).toEqual(expected);
  });

  it('leaves the age to the provider for a template edit when there is no interval', () => {
    const noInterval = { refreshIntervalMs: 0 } as ExternalSecretSettings;
    expect(readOptionsFor('template-source-changed', noInterval)).toEqual({});
  });
});
