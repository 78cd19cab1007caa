/**
 * End to end: every `creationPolicy` × `deletionPolicy` pair (ESO B.4, B.5), driven through the
 * Kubernetes API against the operator running as its own process. Each pair gets its own
 * namespace and fake store: sync, then the remote value disappears (forced refresh), then the
 * ExternalSecret is deleted — and the target Secret must be what ESO's matrix says at each step.
 */
import type { E2eWorld } from './harness/e2e-world.js';
import { aFakeStore, anExternalSecret } from './harness/fixtures.js';
import type { Resource } from './harness/kube-user.js';
import { waitFor } from './harness/wait-for.js';
import { useE2eWorld } from './harness/use-e2e-world.js';

type Creation = 'Owner' | 'Orphan' | 'Merge' | 'CreateOrMerge' | 'None';
type Deletion = 'Retain' | 'Delete' | 'Merge';

/** What the target holds: `value` is the synced remote value, `foreign` a key the user wrote. */
type Content = readonly ('value' | 'foreign')[] | 'absent';

interface PairExpectation {
  readonly creation: Creation;
  readonly deletion: Deletion;
  /** The user created the target Secret (with a foreign key) before the ExternalSecret. */
  readonly preexisting: boolean;
  readonly afterSync: Content;
  /** Controlled by the ExternalSecret (ownerReference) after the sync. */
  readonly owned: boolean;
  readonly afterRemoteGone: {
    readonly ready: string;
    readonly reason: string;
    readonly message: string;
    readonly content: Content;
  };
  /** After the ExternalSecret is deleted. */
  readonly afterDelete: Content;
}

const retained = {
  ready: 'True',
  reason: 'SecretSynced',
  message: 'secret retained due to DeletionPolicy=Retain',
};
const mergedAway = { ready: 'True', reason: 'SecretSynced', message: 'secret synced' };

/** ESO's behaviour matrix for the pairs its webhook accepts. */
const PAIRS: readonly PairExpectation[] = [
  {
    creation: 'Owner',
    deletion: 'Retain',
    preexisting: false,
    afterSync: ['value'],
    owned: true,
    afterRemoteGone: { ...retained, content: ['value'] },
    afterDelete: 'absent',
  },
  {
    creation: 'Owner',
    deletion: 'Delete',
    preexisting: false,
    afterSync: ['value'],
    owned: true,
    afterRemoteGone: {
      ready: 'True',
      reason: 'SecretDeleted',
      message: 'secret deleted due to DeletionPolicy=Delete',
      content: 'absent',
    },
    afterDelete: 'absent',
  },
  {
    creation: 'Owner',
    deletion: 'Merge',
    preexisting: false,
    afterSync: ['value'],
    owned: true,
    afterRemoteGone: { ...mergedAway, content: [] },
    afterDelete: 'absent',
  },
  {
    creation: 'Orphan',
    deletion: 'Retain',
    preexisting: false,
    afterSync: ['value'],
    owned: false,
    afterRemoteGone: { ...retained, content: ['value'] },
    afterDelete: ['value'],
  },
  {
    creation: 'Orphan',
    deletion: 'Delete',
    preexisting: false,
    afterSync: ['value'],
    owned: false,
    afterRemoteGone: {
      ready: 'False',
      reason: 'SecretSyncedError',
      message: 'creationPolicy=Orphan is not Owner',
      content: ['value'],
    },
    afterDelete: ['value'],
  },
  {
    creation: 'Orphan',
    deletion: 'Merge',
    preexisting: false,
    afterSync: ['value'],
    owned: false,
    afterRemoteGone: { ...mergedAway, content: [] },
    afterDelete: [],
  },
  {
    creation: 'Merge',
    deletion: 'Retain',
    preexisting: true,
    afterSync: ['foreign', 'value'],
    owned: false,
    afterRemoteGone: { ...retained, content: ['foreign', 'value'] },
    afterDelete: ['foreign', 'value'],
  },
  {
    creation: 'Merge',
    deletion: 'Merge',
    preexisting: true,
    afterSync: ['foreign', 'value'],
    owned: false,
    afterRemoteGone: { ...mergedAway, content: ['foreign'] },
    afterDelete: ['foreign'],
  },
  {
    creation: 'CreateOrMerge',
    deletion: 'Retain',
    preexisting: false,
    afterSync: ['value'],
    owned: false,
    afterRemoteGone: { ...retained, content: ['value'] },
    afterDelete: ['value'],
  },
  {
    creation: 'CreateOrMerge',
    deletion: 'Merge',
    preexisting: false,
    afterSync: ['value'],
    owned: false,
    afterRemoteGone: { ...mergedAway, content: [] },
    afterDelete: [],
  },
  {
    creation: 'None',
    deletion: 'Retain',
    preexisting: true,
    afterSync: ['foreign'],
    owned: false,
    afterRemoteGone: { ...retained, content: ['foreign'] },
    afterDelete: ['foreign'],
  },
];

/** The pairs ESO's admission webhook refuses, with its message. */
const REJECTED: readonly [Creation, Deletion, string][] = [
  ['Merge', 'Delete', "deletionPolicy=Delete must not be used when the controller doesn't own the secret"],
  [
    'CreateOrMerge',
    'Delete',
    "deletionPolicy=Delete must not be used when the controller doesn't own the secret",
  ],
  ['None', 'Delete', "deletionPolicy=Delete must not be used when the controller doesn't own the secret"],
  ['None', 'Merge', 'deletionPolicy=Merge must not be used with creationPolicy=None'],
];

let world: E2eWorld;

useE2eWorld(async (started) => {
  world = started;
  await world.startOperator(['--concurrent', '4']);
});

/** The ExternalSecret reading every remote key under /app/ into keys without the prefix. */
function policyExternalSecret(namespace: string, creation: Creation, deletion: Deletion): Resource {
  return anExternalSecret('es', namespace, {
    target: { name: 'target', creationPolicy: creation, deletionPolicy: deletion },
    dataFrom: [
      { find: { name: { regexp: '^/app/' } }, rewrite: [{ regexp: { source: '^/app/', target: '' } }] },
    ],
  });
}

/** The target's content as the matrix describes it. */
async function content(namespace: string, value: string): Promise<Content> {
  const data = await world.user.secretData('target', namespace);
  if (!data) return 'absent';
  const keys: ('value' | 'foreign')[] = [];
  if (data.foreign === 'kept') keys.push('foreign');
  if (data.password === value) keys.push('value');
  if (Object.keys(data).length !== keys.length)
    return [...keys, `unexpected keys ${Object.keys(data).join(',')}` as 'value'];
  return keys;
}

async function readyIs(namespace: string, ready: string, reason: string): Promise<boolean> {
  const condition = await world.user.ready('ExternalSecret', 'es', namespace);
  return condition?.status === ready && condition.reason === reason;
}

describe('creationPolicy × deletionPolicy', () => {
  it.each(PAIRS)(
    'creationPolicy $creation with deletionPolicy $deletion follows ESO from sync to remote deletion to ExternalSecret deletion',
    async (pair) => {
      const { user } = world;
      // GIVEN a store holding one value, and (for Merge/None) a Secret the user made
      const namespace = await world.namespace(`${pair.creation}-${pair.deletion}`.toLowerCase());
      const value = world.canaries.plant('policy');
      await user.create(aFakeStore('store', namespace, [{ key: '/app/password', value }]));
      if (pair.preexisting) await user.createSecret('target', namespace, { foreign: 'kept' });
      // WHEN the ExternalSecret is created THEN it syncs as the creationPolicy says
      await user.create(policyExternalSecret(namespace, pair.creation, pair.deletion));
      await waitFor(() => readyIs(namespace, 'True', 'SecretSynced'), { what: 'the first sync' });
      expect(await content(namespace, value)).toEqual(pair.afterSync);
      const owners = (await user.secret('target', namespace))?.metadata?.ownerReferences ?? [];
      expect(owners.some((owner) => owner.kind === 'ExternalSecret' && owner.controller)).toBe(pair.owned);
      // WHEN the remote value disappears and a sync is forced
      const synced = (await user.get('ExternalSecret', 'es', namespace))?.status?.syncedResourceVersion;
      await user.patch('SecretStore', 'store', namespace, { spec: { provider: { fake: { data: [] } } } });
      await user.forceSync('es', namespace);
      // THEN the deletionPolicy decides what happens to the Secret
      const expected = pair.afterRemoteGone;
      const condition = await waitFor(
        async () => {
          const es = await user.get('ExternalSecret', 'es', namespace);
          const ready = es?.status?.conditions?.find((c) => c.type === 'Ready');
          const refreshed = es?.status?.syncedResourceVersion !== synced || ready?.status === 'False';
          return refreshed && ready?.reason === expected.reason ? ready : undefined;
        },
        { what: `the refresh after the remote value disappeared (${expected.reason})` },
      );
      expect(condition.status).toBe(expected.ready);
      expect(condition.message).toContain(expected.message);
      expect(await content(namespace, value)).toEqual(expected.content);
      // WHEN the ExternalSecret is deleted THEN an owned Secret is collected and any other is left alone
      await user.delete('ExternalSecret', 'es', namespace);
      await waitFor(async () => (await user.get('ExternalSecret', 'es', namespace)) === undefined, {
        what: 'the ExternalSecret to be gone',
      });
      if (pair.afterDelete === 'absent') {
        await waitFor(async () => (await content(namespace, value)) === 'absent', {
          what: 'the owned Secret to be garbage-collected',
        });
      } else {
        expect(await content(namespace, value)).toEqual(pair.afterDelete);
      }
    },
    30_000,
  );

  it.each(REJECTED)(
    'creationPolicy %s with deletionPolicy %s is refused with the webhook message and writes no Secret',
    async (creation, deletion, message) => {
      // GIVEN a working store
      const namespace = await world.namespace(`rejected-${creation}-${deletion}`.toLowerCase());
      await world.user.create(
        aFakeStore('store', namespace, [{ key: '/app/password', value: world.canaries.plant('rejected') }]),
      );
      // WHEN an ExternalSecret with a pair ESO rejects is created
      await world.user.create(policyExternalSecret(namespace, creation, deletion));
      // THEN it is not Ready, says why, and no Secret appears
      const condition = await waitFor(
        async () => {
          const ready = await world.user.ready('ExternalSecret', 'es', namespace);
          return ready?.status === 'False' ? ready : undefined;
        },
        { what: 'the ExternalSecret to be refused' },
      );
      expect(condition.reason).toBe('SecretSyncedError');
      expect(condition.message).toContain(message);
      expect(await world.user.secrets(namespace)).toEqual([]);
    },
    20_000,
  );

  it('creationPolicy Merge waits for the Secret to exist, then merges into it on the next sync', async () => {
    const { user } = world;
    // GIVEN a Merge ExternalSecret whose target does not exist
    const namespace = await world.namespace('merge-waits');
    const value = world.canaries.plant('merge');
    await user.create(aFakeStore('store', namespace, [{ key: '/app/password', value }]));
    await user.create(policyExternalSecret(namespace, 'Merge', 'Retain'));
    // THEN it reports the missing Secret and creates nothing
    await waitFor(() => readyIs(namespace, 'True', 'SecretMissing'), { what: 'SecretMissing' });
    expect(await content(namespace, value)).toBe('absent');
    // WHEN the user creates the Secret and forces a sync THEN the value is merged into it
    await user.createSecret('target', namespace, { foreign: 'kept' });
    await user.forceSync('es', namespace);
    const merged = await waitFor(
      async () => {
        const now = await content(namespace, value);
        return now !== 'absent' && now.length === 2 ? now : undefined;
      },
      { what: 'the value to be merged' },
    );
    expect(merged).toEqual(['foreign', 'value']);
    await waitFor(() => readyIs(namespace, 'True', 'SecretSynced'), { what: 'SecretSynced' });
  }, 20_000);
});
