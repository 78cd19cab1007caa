import type { SecretObject } from '../../kube/kube-port.js';
import { InMemoryKube } from '../../kube/in-memory-kube.js';
import { aSecret, anExternalSecret } from '../../testing/fixtures.js';
import { cleanupOrphans } from './cleanup-orphans.js';
import { settingsOf } from './load.js';
import { LABEL_CREATED_BY, LABEL_MANAGED, createdByValue } from './target-bookkeeping.js';

const mine = createdByValue('default', 'es');
const managed = (name: string, createdBy?: string) =>
  aSecret(name)
    .withLabels({ [LABEL_MANAGED]: 'true', ...(createdBy ? { [LABEL_CREATED_BY]: createdBy } : {}) })
    .build();

function run(creationPolicy: 'Owner' | 'Orphan', ...secrets: SecretObject[]) {
  const kube = new InMemoryKube();
  kube.seed(...secrets);
  const es = anExternalSecret('es')
    .withData('k', 'k')
    .withTarget({ name: 'new-name', creationPolicy })
    .build();
  const cache = kube.cache<SecretObject>(
    { apiVersion: 'v1', kind: 'Secret' },
    { labelSelector: `${LABEL_MANAGED}=true` },
  );
  return { kube, deleted: cleanupOrphans({ es, settings: settingsOf(es), secrets: cache, kube }) };
}

describe('orphan cleanup', () => {
  test('after a target rename the Secret created under the old name is deleted', async () => {
    const { kube, deleted } = run('Owner', managed('old-name', mine), managed('new-name', mine));
    expect(await deleted).toEqual(['old-name']);
    expect(kube.peekAll({ apiVersion: 'v1', kind: 'Secret' }).map((s) => s.metadata.name)).toEqual([
      'new-name',
    ]);
  });

  test('Secrets of other ExternalSecrets and unlabelled Secrets are left alone', async () => {
    const { deleted } = run(
      'Owner',
      managed('theirs', createdByValue('default', 'other')),
      aSecret('plain').build(),
    );
    expect(await deleted).toEqual([]);
  });

  test('only creationPolicy Owner cleans up', async () => {
    const { kube, deleted } = run('Orphan', managed('old-name', mine));
    expect(await deleted).toEqual([]);
    expect(kube.calls).toEqual([]);
  });

  test('finding nothing costs no API call', async () => {
    const { kube, deleted } = run('Owner', managed('new-name', mine));
    await deleted;
    expect(kube.calls).toEqual([]);
  });
});
