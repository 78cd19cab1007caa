/**
 * Conformance cases: a remote change reaches the Secret; what happens when remote data goes away (each deletionPolicy, which only
 * works when the provider reports a missing secret as `SecretNotFoundError`), and that a synced
 * ExternalSecret settles: reconciling it again writes nothing.
 */
import { aSecret } from '../fixtures.js';
import type { ConformanceCaseGroup } from './conformance-case.js';

export const lifecycleCases: ConformanceCaseGroup = {
  title: 'remote changes and deletions',
  cases: [
    {
      name: 'updates the Secret when the remote value changes',
      async run(t) {
        // GIVEN a synced value
        const key = await t.seed('changing', t.value('before'));
        await t.startStore();
        await t.sync(t.externalSecret('changing').withData('value', key).build());
        // WHEN it changes remotely and a refresh interval passes
        await t.seed('changing', t.value('after'));
        const run = await t.refresh('changing');
        // THEN the Secret holds the new value
        expect(run.error).toBeUndefined();
        expect(t.world.secretText('changing')).toEqual({ value: t.value('after') });
      },
    },
    {
      name: 'reports a key that does not exist without creating the Secret',
      async run(t) {
        await t.startStore();
        await t.world.apply(t.externalSecret('absent').withData('value', t.key('never-seeded')).build());
        const run = await t.world.reconcile('absent');
        expect(run.error).toBeDefined();
        expect(t.world.ready('absent')).toMatchObject({ status: 'False', reason: 'SecretSyncedError' });
        expect(t.world.ready('absent')?.message).toContain(t.key('never-seeded'));
        expect(t.world.secret('absent')).toBeUndefined();
      },
    },
    {
      name: 'keeps the Secret and reports an error when a key goes missing with deletionPolicy Retain',
      async run(t) {
        // GIVEN a Secret synced from two remote values
        const kept = await t.seed('kept', t.value('kept'));
        const gone = await t.seed('gone', t.value('gone'));
        await t.startStore();
        await t.sync(t.externalSecret('retain').withData('kept', kept).withData('gone', gone).build());
        // WHEN one of them is deleted remotely and the ExternalSecret refreshes
        await t.remove('gone');
        const run = await t.refresh('retain');
        // THEN the refresh fails naming the key, and the Secret keeps both old values
        expect(run.error).toBeDefined();
        expect(t.world.ready('retain')).toMatchObject({ status: 'False', reason: 'SecretSyncedError' });
        expect(t.world.ready('retain')?.message).toContain(gone);
        expect(t.world.secretText('retain')).toEqual({ kept: t.value('kept'), gone: t.value('gone') });
      },
    },
    {
      name: 'deletes the Secret when its only key goes missing with deletionPolicy Delete',
      async run(t) {
        const key = await t.seed('only', t.value('only'));
        await t.startStore();
        await t.sync(
          t.externalSecret('delete').withData('value', key).withTarget({ deletionPolicy: 'Delete' }).build(),
        );
        await t.remove('only');
        const run = await t.refresh('delete');
        expect(run.error).toBeUndefined();
        expect(t.world.secret('delete')).toBeUndefined();
        expect(t.world.ready('delete')).toMatchObject({ status: 'True', reason: 'SecretDeleted' });
      },
    },
    {
      name: 'removes only its own keys when its key goes missing with deletionPolicy Merge',
      async run(t) {
        // GIVEN a Secret someone else owns, into which the ExternalSecret merged one key
        await t.world.apply(aSecret('shared').withData({ owned: 'by someone else' }).build());
        const key = await t.seed('merged', t.value('merged'));
        await t.startStore();
        await t.sync(
          t
            .externalSecret('merge')
            .withData('merged', key)
            .withTarget({ name: 'shared', creationPolicy: 'Merge', deletionPolicy: 'Merge' })
            .build(),
        );
        expect(t.world.secretText('shared')).toEqual({ owned: 'by someone else', merged: t.value('merged') });
        // WHEN the remote value is deleted
        await t.remove('merged');
        const run = await t.refresh('merge');
        // THEN only the merged key is removed
        expect(run.error).toBeUndefined();
        expect(t.world.secretText('shared')).toEqual({ owned: 'by someone else' });
      },
    },
    {
      name: 'deletes the Secret when the extracted remote secret is deleted with deletionPolicy Delete',
      async run(t) {
        const key = await t.seed('item', { fields: { username: t.value('u'), password: t.value('p') } });
        await t.startStore();
        await t.sync(
          t
            .externalSecret('extracted')
            .withDataFromExtract(key)
            .withTarget({ deletionPolicy: 'Delete' })
            .build(),
        );
        expect(t.world.secret('extracted')).toBeDefined();
        await t.remove('item');
        const run = await t.refresh('extracted');
        expect(run.error).toBeUndefined();
        expect(t.world.secret('extracted')).toBeUndefined();
      },
    },
    {
      name: 'writes nothing when a synced ExternalSecret is reconciled again',
      async run(t) {
        // GIVEN a synced ExternalSecret
        const user = await t.seed('stable-user', t.value('user'));
        const item = await t.seed('stable-item', { fields: { password: t.value('pw'), port: '5432' } });
        await t.startStore();
        await t.sync(
          t
            .externalSecret('stable')
            .withData('user', user)
            .withData('password', { key: item, property: 'password' })
            .withDataFromExtract(item)
            .build(),
        );
        const secretVersion = t.world.secret('stable')?.metadata.resourceVersion;
        const ready = t.world.ready('stable');
        // WHEN it is reconciled again at once
        t.world.kube.resetCalls();
        await t.world.reconcile('stable');
        // THEN nothing is written at all
        expect(t.world.kube.writes()).toEqual([]);
        // WHEN a refresh interval passes with no remote change
        const refreshed = await t.refresh('stable');
        // THEN the Secret is not written and the Ready condition keeps its transition time
        expect(refreshed.error).toBeUndefined();
        expect(t.world.kube.writes('Secret')).toEqual([]);
        expect(t.world.secret('stable')?.metadata.resourceVersion).toBe(secretVersion);
        expect(t.world.ready('stable')).toEqual(ready);
      },
    },
  ],
};
