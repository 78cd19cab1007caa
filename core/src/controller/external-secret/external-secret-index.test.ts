import { anExternalSecret } from '../../testing/fixtures.js';
import { ExternalSecretIndex } from './external-secret-index.js';

const key = { namespace: 'default', name: 'db' };

describe('ExternalSecret index', () => {
  test('a new generation re-indexes the target and stores', () => {
    const index = new ExternalSecretIndex();
    index.upsert(
      anExternalSecret('db')
        .usingStore('a')
        .withData('k', 'k')
        .withMetadata({ uid: 'u1', generation: 1 })
        .build(),
    );
    index.upsert(
      anExternalSecret('db')
        .usingStore('b')
        .withData('k', 'k')
        .withTarget({ name: 'renamed' })
        .withMetadata({ uid: 'u1', generation: 2 })
        .build(),
    );
    expect(index.targeting('default', 'db')).toEqual([]);
    expect(index.targeting('default', 'renamed')).toEqual([key]);
    expect(index.using('SecretStore/default/a')).toEqual([]);
    expect(index.using('SecretStore/default/b')).toEqual([key]);
  });

  test('an ExternalSecret recreated under the same name and generation is re-indexed (new uid)', () => {
    const index = new ExternalSecretIndex();
    index.upsert(anExternalSecret('db').withMetadata({ uid: 'u1', generation: 1 }).build());
    index.upsert(
      anExternalSecret('db').withTarget({ name: 'other' }).withMetadata({ uid: 'u2', generation: 1 }).build(),
    );
    expect(index.targeting('default', 'db')).toEqual([]);
    expect(index.targeting('default', 'other')).toEqual([key]);
  });

  test('objects without a generation are always re-indexed', () => {
    const index = new ExternalSecretIndex();
    index.upsert(anExternalSecret('db').build());
    index.upsert(anExternalSecret('db').withTarget({ name: 'other' }).build());
    expect(index.targeting('default', 'other')).toEqual([key]);
  });
});
