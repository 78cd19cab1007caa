/**
 * Every creationPolicy × deletionPolicy pair through the whole reconcile: the first sync, the remote
 * secret disappearing, and the ExternalSecret being deleted (ESO B.4, B.5, A.9).
 */
import type { CreationPolicy, DeletionPolicy } from '../../api/v1/index.js';
import { ExternalSecretWorld } from '../../testing/external-secret-fixtures.js';
import { aSecret, aSecretStore, anExternalSecret, ES_REF } from '../../testing/fixtures.js';
import { TerminalError } from '../reconciler.js';

const HOUR = 3_600_000;

interface Pair {
  readonly creation: CreationPolicy;
  readonly deletion: DeletionPolicy;
  /** The Secret's data after the first sync (undefined: no Secret). */
  readonly synced: Record<string, string> | undefined;
  /** After the remote secret disappeared: the Secret's data and the Ready reason. */
  readonly gone: {
    readonly data: Record<string, string> | undefined;
    readonly reason: string;
    readonly terminal?: boolean;
  };
  /** Whether the Secret survives the ExternalSecret's deletion. */
  readonly survivesDeletion: boolean;
}

const PAIRS: readonly Pair[] = [
  {
    creation: 'Owner',
    deletion: 'Retain',
    synced: { k: 'v' },
    gone: { data: { k: 'v' }, reason: 'SecretSyncedError' },
    survivesDeletion: false,
  },
  {
    creation: 'Owner',
    deletion: 'Delete',
    synced: { k: 'v' },
    gone: { data: undefined, reason: 'SecretDeleted' },
    survivesDeletion: false,
  },
  {
    creation: 'Owner',
    deletion: 'Merge',
    synced: { k: 'v' },
    gone: { data: {}, reason: 'SecretSynced' },
    survivesDeletion: false,
  },
  {
    creation: 'Orphan',
    deletion: 'Retain',
    synced: { k: 'v' },
    gone: { data: { k: 'v' }, reason: 'SecretSyncedError' },
    survivesDeletion: true,
  },
  {
    creation: 'Orphan',
    deletion: 'Delete',
    synced: { k: 'v' },
    gone: { data: { k: 'v' }, reason: 'SecretSyncedError', terminal: true },
    survivesDeletion: true,
  },
  {
    creation: 'Orphan',
    deletion: 'Merge',
    synced: { k: 'v' },
    gone: { data: {}, reason: 'SecretSynced' },
    survivesDeletion: true,
  },
  {
    creation: 'Merge',
    deletion: 'Retain',
    synced: { foreign: 'f', k: 'v' },
    gone: { data: { foreign: 'f', k: 'v' }, reason: 'SecretSyncedError' },
    survivesDeletion: true,
  },
  {
    creation: 'Merge',
    deletion: 'Merge',
    synced: { foreign: 'f', k: 'v' },
    gone: { data: { foreign: 'f' }, reason: 'SecretSynced' },
    survivesDeletion: true,
  },
  {
    creation: 'CreateOrMerge',
    deletion: 'Retain',
    synced: { k: 'v' },
    gone: { data: { k: 'v' }, reason: 'SecretSyncedError' },
    survivesDeletion: true,
  },
  {
    creation: 'CreateOrMerge',
    deletion: 'Merge',
    synced: { k: 'v' },
    gone: { data: {}, reason: 'SecretSynced' },
    survivesDeletion: true,
  },
  {
    creation: 'None',
    deletion: 'Retain',
    synced: undefined,
    gone: { data: undefined, reason: 'SecretSyncedError' },
    survivesDeletion: true,
  },
];

/** GIVEN a Ready store holding `k`, an ExternalSecret with the pair and, for Merge, a Secret to merge into. */
function worldFor(pair: Pick<Pair, 'creation' | 'deletion'>): ExternalSecretWorld {
  const world = new ExternalSecretWorld({ values: { k: 'v' } });
  world.seed(
    aSecretStore('store').ready().build(),
    anExternalSecret('es')
      .withData('k', 'k')
      .withTarget({ creationPolicy: pair.creation, deletionPolicy: pair.deletion })
      .build(),
  );
  if (pair.creation === 'Merge') world.seed(aSecret('es').withData({ foreign: 'f' }).build());
  return world;
}

describe.each(PAIRS)('creationPolicy=$creation, deletionPolicy=$deletion', (pair) => {
  test('the first sync writes the Secret the creation policy asks for', async () => {
    const world = worldFor(pair);
    const run = await world.reconcile();
    expect(run.error).toBeUndefined();
    expect(world.secretText('es')).toEqual(pair.synced);
    expect(world.ready()).toMatchObject({ status: 'True', reason: 'SecretSynced' });
    const owned =
      world.secret('es')?.metadata.ownerReferences?.some((ref) => ref.kind === 'ExternalSecret') ?? false;
    expect(owned).toBe(pair.creation === 'Owner');
  });

  test('when the remote secret disappears the deletion policy decides', async () => {
    const world = worldFor(pair);
    await world.reconcile();
    // WHEN the remote secret is deleted and the refresh comes
    await world.client.deleteSecret({ remoteKey: 'k' });
    world.advance(HOUR + 1000);
    const run = await world.reconcile();
    // THEN
    expect(world.secretText('es')).toEqual(pair.gone.data);
    expect(world.ready()?.reason).toBe(pair.gone.reason);
    expect(run.error instanceof TerminalError).toBe(pair.gone.terminal ?? false);
    expect(run.error !== undefined).toBe(pair.gone.reason === 'SecretSyncedError');
  });

  test('deleting the ExternalSecret keeps or removes the Secret as the policies say', async () => {
    const world = worldFor(pair);
    await world.reconcile();
    const existed = world.secret('es') !== undefined;
    // WHEN the ExternalSecret is deleted (its finalizer holds it) and reconciled
    await world.kube.delete(ES_REF);
    await world.reconcile();
    // THEN it is gone and the Secret follows the policies
    expect(world.externalSecret()).toBeUndefined();
    expect(world.secret('es') !== undefined).toBe(existed && pair.survivesDeletion);
  });
});

describe('pairs ESO rejects', () => {
  test.each([
    ['Merge', 'Delete'],
    ['CreateOrMerge', 'Delete'],
    ['None', 'Delete'],
    ['None', 'Merge'],
  ] as const)(
    'creationPolicy=%s with deletionPolicy=%s is a terminal error that touches nothing',
    async (creation, deletion) => {
      const world = worldFor({ creation, deletion });
      world.kube.resetCalls();
      const run = await world.reconcile();
      expect(run.error).toBeInstanceOf(TerminalError);
      expect(world.ready()).toMatchObject({ status: 'False', reason: 'SecretSyncedError' });
      expect(world.ready()?.message).toMatch(
        /^invalid ExternalSecret: deletionPolicy=(Delete|Merge) must not be used/,
      );
      expect(world.kube.writes().map((call) => call.verb)).toEqual(['updateStatus']);
      expect(world.client.reads()).toBe(0);
    },
  );
});

describe('creationPolicy=Merge without a Secret to merge into', () => {
  test('reports SecretMissing and creates nothing', async () => {
    const world = new ExternalSecretWorld({ values: { k: 'v' } });
    world.seed(
      aSecretStore('store').ready().build(),
      anExternalSecret('es').withData('k', 'k').withTarget({ creationPolicy: 'Merge' }).build(),
    );
    const run = await world.reconcile();
    expect(run.error).toBeUndefined();
    expect(world.secret('es')).toBeUndefined();
    expect(world.ready()).toMatchObject({
      status: 'True',
      reason: 'SecretMissing',
      message: 'secret will not be created due to CreationPolicy=Merge',
    });
  });
});
