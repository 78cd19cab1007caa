import type { ClusterSecretStore, SecretStore } from '../../api/v1/secret-store.js';
import { API_VERSION_V1 } from '../../api/v1/constants.js';
import { ProviderClientCache } from '../../provider/client-cache.js';
import { InvalidProviderConfigError } from '../../provider/errors.js';
import {
  ReferentNamespaceUnavailableError,
  kubeProviderAccessFactory,
} from '../../provider/provider-kube-access.js';
import { ProviderRegistry } from '../../provider/provider-registry.js';
import type { ProviderContribution, StoreKind } from '../../provider/provider.js';
import type { AnyStore } from '../../provider/store-view.js';
import { aClusterSecretStore, aSecretStore } from '../../testing/fixtures.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { RecordingEventRecorder } from '../../testing/recording-event-recorder.js';
import { waitUntil } from '../../testing/wait-until.js';
import { StubProvider, StubSecretsClient, stubContribution } from '../../testing/stub-provider.js';
import { ManualClock } from '../manual-clock.js';
import { TerminalError } from '../reconciler.js';
import { StoreReadyNotifier } from './store-ready-notifier.js';
import { StoreReconciler, StoreValidationError } from './store-reconciler.js';
import { Redactor } from '../../logging/redactor.js';
import { aSecret } from '../../testing/fixtures.js';
import type { ClientContext, Provider } from '../../provider/provider.js';

interface Harness {
  kube: InMemoryKube;
  events: RecordingEventRecorder;
  provider: StubProvider;
  notified: string[];
  clients: StubSecretsClient[];
  reconciler: StoreReconciler;
  status(): AnyStore['status'];
  reconcile(): ReturnType<StoreReconciler['reconcile']>;
}

function harness(options: {
  kind?: StoreKind;
  store: AnyStore;
  contribution?: (provider: StubProvider) => ProviderContribution;
  validation?: 'Ready' | 'Unknown' | Error;
}): Harness {
  const kind = options.kind ?? 'SecretStore';
  const kube = new InMemoryKube();
  kube.seed(options.store);
  const clients: StubSecretsClient[] = [];
  const provider = new StubProvider(() => {
    const client = new StubSecretsClient({ validation: options.validation });
    clients.push(client);
    return client;
  });
  const registry = new ProviderRegistry([
    (options.contribution ?? ((p) => stubContribution('fake', p)))(provider),
  ]);
  const events = new RecordingEventRecorder();
  const redactor = new Redactor();
  const notifier = new StoreReadyNotifier();
  const notified: string[] = [];
  notifier.onStoreReady((key) => notified.push(key));
  const reconciler = new StoreReconciler({
    kind,
    kube,
    stores: kube.cache<AnyStore>({ apiVersion: API_VERSION_V1, kind }),
    registry,
    clients: new ProviderClientCache(registry, kubeProviderAccessFactory(kube, undefined, redactor)),
    events,
    notifier,
    clock: new ManualClock(),
    redactor,
  });
  const { name = '', namespace } = options.store.metadata;
  return {
    kube,
    events,
    provider,
    notified,
    clients,
    reconciler,
    status: () => kube.peek<AnyStore>({ apiVersion: API_VERSION_V1, kind, name, namespace })?.status,
    reconcile: () =>
      reconciler.reconcile({ name, namespace: kind === 'SecretStore' ? namespace : undefined }),
  };
}

const readyOf = (status: AnyStore['status']) =>
  status?.conditions?.find((condition) => condition.type === 'Ready');

describe('SecretStore / ClusterSecretStore reconcile', () => {
  it('marks a working store Ready with reason Valid and its capabilities, then requeues after the default 5m', async () => {
    // GIVEN a store whose client validates
    const h = harness({
      store: aSecretStore('vault').inNamespace('team-a').withMetadata({ uid: 'u1', generation: 1 }).build(),
    });
    // WHEN it is reconciled
    const result = await h.reconcile();
    // THEN it is Ready/Valid, ReadWrite, announced, with one Normal event, and comes back in 5 minutes
    expect(readyOf(h.status())).toMatchObject({
      status: 'True',
      reason: 'Valid',
      message: 'store validated',
    });
    expect(h.status()?.capabilities).toBe('ReadWrite');
    expect(result).toEqual({ requeueAfter: 300_000 });
    expect(h.events.events).toEqual([
      expect.objectContaining({ type: 'Normal', reason: 'Valid', name: 'vault' }),
    ]);
    expect(h.notified).toEqual(['SecretStore/team-a/vault']);
  });

  it('validates the client in the store namespace for a SecretStore and with no namespace for a ClusterSecretStore', async () => {
    const namespaced = harness({ store: aSecretStore('s').inNamespace('team-a').build() });
    await namespaced.reconcile();
    const cluster = harness({ kind: 'ClusterSecretStore', store: aClusterSecretStore('c').build() });
    await cluster.reconcile();
    expect(namespaced.provider.contexts[0].namespace).toBe('team-a');
    expect(cluster.provider.contexts[0].namespace).toBe('');
  });

  it.each([
    [60, 60_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    [0, 300_000],
  ])('requeues after spec.refreshInterval %p', async (interval, expected) => {
    const h = harness({ store: aSecretStore().withRefreshInterval(interval).build() });
    expect(await h.reconcile()).toEqual({ requeueAfter: expected });
  });

  it('writes nothing, records no event and announces nothing when a reconcile changes nothing', async () => {
    const h = harness({ store: aSecretStore().build() });
    await h.reconcile();
    h.kube.resetCalls();
    h.events.clear();
    h.notified.length = 0;
    await h.reconcile();
    expect(h.kube.writes()).toEqual([]);
    expect(h.events.events).toEqual([]);
    expect(h.notified).toEqual([]);
  });

  it('reuses the cached client across reconciles of the same generation', async () => {
    const h = harness({ store: aSecretStore().build() });
    await h.reconcile();
    await h.reconcile();
    expect(h.provider.contexts).toHaveLength(1);
    expect(h.clients[0].count('validate')).toBe(2);
  });

  it('keeps the store Ready with reason ValidationUnknown when the provider cannot confirm', async () => {
    const h = harness({ store: aSecretStore().build(), validation: 'Unknown' });
    await h.reconcile();
    expect(readyOf(h.status())).toMatchObject({ status: 'True', reason: 'ValidationUnknown' });
    expect(h.events.withReason('ValidationUnknown')).toEqual([expect.objectContaining({ type: 'Warning' })]);
  });

  it('treats referent credentials of a ClusterSecretStore as ValidationUnknown, not as broken', async () => {
    const h = harness({ kind: 'ClusterSecretStore', store: aClusterSecretStore('shared').build() });
    h.provider.failWith = new ReferentNamespaceUnavailableError(
      'references Secret "creds" without a namespace',
    );
    await h.reconcile();
    expect(readyOf(h.status())).toMatchObject({ status: 'True', reason: 'ValidationUnknown' });
  });

  it('marks the store InvalidProviderConfig with the provider message and retries with backoff when validation fails', async () => {
    // GIVEN credentials the backend rejects
    const h = harness({
      store: aSecretStore().build(),
      validation: new InvalidProviderConfigError('the token was rejected (403); check the token Secret'),
    });
    // WHEN reconciled THEN it throws a retryable error and the status says what to do
    const attempt = h.reconcile();
    await expect(attempt).rejects.toThrow(StoreValidationError);
    await expect(attempt).rejects.not.toBeInstanceOf(TerminalError);
    const ready = readyOf(h.status());
    expect(ready).toMatchObject({ status: 'False', reason: 'InvalidProviderConfig' });
    expect(ready?.message).toContain(
      'unable to validate store: the token was rejected (403); check the token Secret',
    );
    expect(ready?.message).toContain('Fix spec.provider.fake');
    expect(h.events.withReason('InvalidProviderConfig')).toEqual([
      expect.objectContaining({ type: 'Warning' }),
    ]);
    expect(h.notified).toEqual([]);
  });

  it('marks the store InvalidProviderConfig when the client cannot be built, and tries again on the next reconcile', async () => {
    const h = harness({ store: aSecretStore().build() });
    h.provider.failWith = new InvalidProviderConfigError(
      'Secret "default/creds" referenced by SecretStore "default/store" was not found',
    );
    await expect(h.reconcile()).rejects.toThrow(StoreValidationError);
    expect(readyOf(h.status())?.message).toContain('Secret "default/creds"');
    h.provider.failWith = undefined;
    await h.reconcile();
    expect(readyOf(h.status())).toMatchObject({ status: 'True', reason: 'Valid' });
    expect(h.provider.contexts).toHaveLength(2);
  });

  it('does not retry an unknown provider key until the store is edited', async () => {
    const h = harness({ store: aSecretStore().withProvider('gcpsm', {}).build() });
    const attempt = h.reconcile();
    await expect(attempt).rejects.toBeInstanceOf(TerminalError);
    expect(readyOf(h.status())).toMatchObject({ status: 'False', reason: 'InvalidProviderConfig' });
    expect(readyOf(h.status())?.message).toContain(
      'spec.provider.gcpsm is not a provider this operator knows (known: fake)',
    );
    expect(h.provider.contexts).toHaveLength(0);
  });

  it('rejects an unparseable refreshInterval or a bad namespace regex as invalid configuration', async () => {
    const interval = harness({ store: aSecretStore().withRefreshInterval('soon').build() });
    await expect(interval.reconcile()).rejects.toBeInstanceOf(TerminalError);
    expect(readyOf(interval.status())?.message).toContain('spec.refreshInterval');
    const regex = harness({
      kind: 'ClusterSecretStore',
      store: aClusterSecretStore()
        .withConditions({ namespaceRegexes: ['(?<=x)'] })
        .build(),
    });
    await expect(regex.reconcile()).rejects.toBeInstanceOf(TerminalError);
    expect(readyOf(regex.status())?.message).toContain('namespaceRegexes entry "(?<=x)"');
  });

  it('passes provider-level validation errors through, naming the field', async () => {
    const h = harness({ store: aSecretStore().build() });
    h.provider.storeCheck = new InvalidProviderConfigError(
      'spec.provider.fake.data[0].key must not be empty',
    );
    await expect(h.reconcile()).rejects.toBeInstanceOf(TerminalError);
    expect(readyOf(h.status())?.message).toBe(
      'invalid store configuration: spec.provider.fake.data[0].key must not be empty',
    );
  });

  it('ignores a store of another controller class and writes nothing', async () => {
    const h = harness({ store: aSecretStore().withController('other').build() });
    expect(await h.reconcile()).toBe('awaitChange');
    expect(h.kube.writes()).toEqual([]);
    expect(h.provider.contexts).toHaveLength(0);
  });

  it('processes a store whose controller class is ours', async () => {
    const h = harness({ store: aSecretStore().withController('default').build() });
    await h.reconcile();
    expect(readyOf(h.status())?.reason).toBe('Valid');
  });

  it('closes the cached client when the store is deleted', async () => {
    const h = harness({ store: aSecretStore('s').build() });
    await h.reconcile();
    await h.kube.delete({ apiVersion: API_VERSION_V1, kind: 'SecretStore', name: 's', namespace: 'default' });
    expect(await h.reconcile()).toBe('awaitChange');
    expect(h.clients[0].closed).toBe(1);
  });

  it('announces a store that becomes Ready after failing, and one whose spec changes while Ready', async () => {
    // GIVEN a store that failed once
    const h = harness({ store: aSecretStore('s').withMetadata({ uid: 'u', generation: 1 }).build() });
    h.provider.failWith = new InvalidProviderConfigError('bad token');
    await expect(h.reconcile()).rejects.toThrow();
    h.provider.failWith = undefined;
    // WHEN it recovers THEN it is announced once
    await h.reconcile();
    await h.reconcile();
    expect(h.notified).toEqual(['SecretStore/default/s']);
    // WHEN its spec changes while Ready THEN it is announced again, with a new client
    const current = h.kube.peek<SecretStore>({
      apiVersion: API_VERSION_V1,
      kind: 'SecretStore',
      name: 's',
      namespace: 'default',
    });
    await h.kube.update({ ...current!, spec: { ...current!.spec, refreshInterval: '1m' } });
    await h.reconcile();
    expect(h.notified).toEqual(['SecretStore/default/s', 'SecretStore/default/s']);
    await waitUntil(() => h.clients[0].closed === 1);
    expect(h.clients).toHaveLength(2);
  });

  it('does not announce a store that was already Ready when the operator started', async () => {
    const h = harness({ store: aSecretStore().ready().build() });
    await h.reconcile();
    expect(h.notified).toEqual([]);
  });

  it('warns once about a deprecated provider unless the store opts out', async () => {
    const deprecated = (p: StubProvider): ProviderContribution => ({
      ...stubContribution('fake', p),
      descriptor: { ...stubContribution('fake').descriptor, maintenance: 'Deprecated' },
    });
    const h = harness({ store: aSecretStore().build(), contribution: deprecated });
    await h.reconcile();
    await h.reconcile();
    expect(h.events.withReason('StoreDeprecated')).toHaveLength(1);
    const quiet = harness({
      store: aSecretStore()
        .withAnnotations({ 'external-secrets.io/ignore-maintenance-checks': 'true' })
        .build(),
      contribution: deprecated,
    });
    await quiet.reconcile();
    expect(quiet.events.withReason('StoreDeprecated')).toHaveLength(0);
  });

  it('keeps the transition time when only the message changes', async () => {
    const h = harness({ store: aSecretStore().build() });
    h.provider.failWith = new InvalidProviderConfigError('first problem');
    await expect(h.reconcile()).rejects.toThrow();
    const first = readyOf(h.status())?.lastTransitionTime;
    h.provider.failWith = new InvalidProviderConfigError('second problem');
    await expect(h.reconcile()).rejects.toThrow();
    expect(readyOf(h.status())?.message).toContain('second problem');
    expect(readyOf(h.status())?.lastTransitionTime).toBe(first);
  });

  it('uses the same reconcile for ClusterSecretStores', async () => {
    const h = harness({ kind: 'ClusterSecretStore', store: aClusterSecretStore('shared').build() });
    await h.reconcile();
    expect(readyOf(h.status() as ClusterSecretStore['status'])).toMatchObject({
      status: 'True',
      reason: 'Valid',
    });
    expect(h.notified).toEqual(['ClusterSecretStore/shared']);
  });

  it('never writes a credential into the status or an Event, even when the backend echoes it', async () => {
    // GIVEN a provider that reads its token Secret and fails with a message quoting the token
    const CANARY = 'canary-store-token-7f3a';
    const echoing: Provider = {
      validateStore: () => [],
      async newClient(context: ClientContext) {
        const token = new TextDecoder().decode(
          await context.kube.readSecretKey({ name: 'creds', key: 'token' }),
        );
        throw new InvalidProviderConfigError(`backend refused token ${token} (401)`);
      },
    };
    const h = harness({
      store: aSecretStore('s').inNamespace('ns').build(),
      contribution: () => stubContribution('fake', echoing),
    });
    h.kube.seed(aSecret('creds').inNamespace('ns').withData({ token: CANARY }).build());
    // WHEN the store is reconciled
    await expect(h.reconcile()).rejects.toThrow(StoreValidationError);
    // THEN the status and the Event keep the message but not the token
    const message = readyOf(h.status())?.message ?? '';
    expect(message).toContain('backend refused token [REDACTED] (401)');
    expect(message).not.toContain(CANARY);
    expect(JSON.stringify(h.events.withReason('InvalidProviderConfig'))).not.toContain(CANARY);
  });
});
