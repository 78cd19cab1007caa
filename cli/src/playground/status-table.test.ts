import { age, isReady, statusTable, type StatusObject } from './status-table.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

function anExternalSecret(name: string, ready: string, reason: string, message = ''): StatusObject {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name, namespace: 'demo' },
    spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'shared' } },
    status: {
      conditions: [{ type: 'Ready', status: ready, reason, message }],
      refreshTime: '2026-01-01T11:59:18Z',
    },
  };
}

describe('playground status table', () => {
  it('aligns stores and ExternalSecrets in columns with their Ready condition and age', () => {
    // GIVEN one Ready and one failing ExternalSecret and a store without status yet
    const store: StatusObject = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'SecretStore',
      metadata: { name: 's', namespace: 'demo' },
    };
    // WHEN the table is rendered
    const lines = statusTable({
      stores: [store],
      externalSecrets: [
        anExternalSecret('b', 'False', 'SecretSyncedError', 'could not get\nsecret data'),
        anExternalSecret('a', 'True', 'SecretSynced'),
      ],
      now: NOW,
    });
    // THEN every row lines up under its header, sorted by name, messages on one line
    expect(lines).toEqual(
      [
        'STORE KIND    NAMESPACE   NAME   READY     STATUS    MESSAGE',
        'SecretStore   demo        s      Unknown   Pending',
        '',
        'NAMESPACE   EXTERNALSECRET   STORE        READY   STATUS              LAST SYNC   MESSAGE',
        'demo        a                css/shared   True    SecretSynced        42s         ',
        'demo        b                css/shared   False   SecretSyncedError   42s         could not get secret data',
      ].map((line) => line.trimEnd()),
    );
  });

  it('clips long messages to the given width', () => {
    const lines = statusTable({
      stores: [],
      externalSecrets: [anExternalSecret('a', 'False', 'X', 'y'.repeat(100))],
      now: NOW,
      messageWidth: 10,
    });
    expect(lines.at(-1)?.endsWith(`${'y'.repeat(9)}…`)).toBe(true);
  });

  it('counts an object as ready only when its Ready condition is True', () => {
    expect(isReady(anExternalSecret('a', 'True', 'SecretSynced'))).toBe(true);
    expect(isReady(anExternalSecret('a', 'False', 'SecretSynced'))).toBe(false);
    expect(isReady({ apiVersion: 'v', kind: 'k', metadata: {} })).toBe(false);
  });

  it.each([
    [0, '0s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [7_200_000, '2h'],
    [172_800_000, '2d'],
  ])('prints an age of %d ms as %s, as kubectl does', (ms, text) => {
    expect(age(ms)).toBe(text);
  });
});
