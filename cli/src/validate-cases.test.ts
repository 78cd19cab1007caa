/**
 * `tessera validate` on invalid manifests: each case is one small edit of a valid manifest and the
 * exact line it must produce (`<file>:<document> <Kind>/<name> <json-path>: <message>`).
 */
import { parseManifests, validateDocuments } from '@tessera/core';
import { stringify } from 'yaml';
import { PROVIDER_DESCRIPTORS } from './providers.js';

type Json = Record<string, unknown>;

const anExternalSecret = (spec: Json, extra: Json = {}): Json => ({
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'app', namespace: 'demo' },
  spec: {
    secretStoreRef: { name: 'fake-store', kind: 'SecretStore' },
    data: [{ secretKey: 'token', remoteRef: { key: '/api/token' } }],
    ...spec,
  },
  ...extra,
});
const aStore = (kind: string, spec: Json): Json => ({
  apiVersion: 'external-secrets.io/v1',
  kind,
  metadata: { name: 'fake-store' },
  spec: { provider: { fake: { data: [{ key: '/api/token', value: 'x' }] } }, ...spec },
});
const aPushSecret = (spec: Json): Json => ({
  apiVersion: 'external-secrets.io/v1alpha1',
  kind: 'PushSecret',
  metadata: { name: 'push', namespace: 'demo' },
  spec: { secretStoreRefs: [{ name: 'fake-store' }], selector: { secret: { name: 'app' } }, ...spec },
});
const windows = (schedule: string, duration = '1h', kind = 'deny') => ({
  syncWindows: { kind, windows: [{ schedule, duration }] },
});
const twoData = [
  { secretKey: 'a', remoteRef: { key: '/a' } },
  { secretKey: 'b', remoteRef: { property: 'p' } },
];

const ES = 'case.yaml:1 ExternalSecret/app';
const SS = 'case.yaml:1 SecretStore/fake-store';
const CSS = 'case.yaml:1 ClusterSecretStore/fake-store';
const PS = 'case.yaml:1 PushSecret/push';

const cases: [string, Json, string[]][] = [
  [
    'a data entry without remoteRef.key',
    anExternalSecret({ data: twoData }),
    [`${ES} spec.data[1].remoteRef.key: required`],
  ],
  [
    'a secretKey with a space',
    anExternalSecret({ data: [{ secretKey: 'my key', remoteRef: { key: '/a' } }] }),
    [`${ES} spec.data[0].secretKey: must match ^[-._a-zA-Z0-9]+$ (got "my key")`],
  ],
  [
    'a misspelt creationPolicy',
    anExternalSecret({ target: { creationPolicy: 'Owned' } }),
    [
      `${ES} spec.target.creationPolicy: must be one of Owner, Orphan, Merge, None, CreateOrMerge (got "Owned")`,
    ],
  ],
  [
    'a refreshInterval in days',
    anExternalSecret({ refreshInterval: '1d' }),
    [
      `${ES} spec.refreshInterval: invalid duration "1d": unknown unit "d"; use a Go duration such as 30s, 15m or 1h30m`,
    ],
  ],
  [
    'a refreshInterval without unit',
    anExternalSecret({ refreshInterval: '30' }),
    [
      `${ES} spec.refreshInterval: invalid duration "30": missing unit after "30"; use a Go duration such as 30s, 15m or 1h30m`,
    ],
  ],
  [
    'target.type instead of target.template.type',
    anExternalSecret({ target: { type: 'Opaque' } }),
    [`${ES} spec.target.type: unknown field; did you mean spec.target.template.type?`],
  ],
  [
    'a misspelt field',
    anExternalSecret({ secretStoreReff: { name: 'fake-store' } }),
    [`${ES} spec.secretStoreReff: unknown field; did you mean secretStoreRef?`],
  ],
  [
    'two provider keys in one store',
    aStore('SecretStore', { provider: { fake: { data: [] }, vault: { server: 'https://vault' } } }),
    [
      `${SS} spec.provider: exactly one of fake, onepassword must be set (got fake, vault)`,
      `${SS} spec.provider.vault: unknown provider; this build of Tessera loads: fake, onepassword`,
    ],
  ],
  [
    'a store without provider',
    aStore('SecretStore', { provider: {} }),
    [`${SS} spec.provider: exactly one of fake, onepassword must be set (got none)`],
  ],
  [
    'a fake data entry without key',
    aStore('SecretStore', { provider: { fake: { data: [{ value: 'x' }] } } }),
    [`${SS} spec.provider.fake.data[0].key: required`],
  ],
  [
    'an invalid namespaceRegexes entry',
    aStore('ClusterSecretStore', { conditions: [{ namespaceRegexes: ['^(team-'] }] }),
    [
      `${CSS} spec.conditions[0].namespaceRegexes[0]: invalid RE2 regular expression: error parsing regexp: missing closing ): \`^(team-\``,
    ],
  ],
  [
    'a negative store refreshInterval',
    aStore('SecretStore', { refreshInterval: '-5m' }),
    [`${SS} spec.refreshInterval: duration "-5m" must not be negative`],
  ],
  [
    'a syncWindows schedule out of range',
    anExternalSecret(windows('61 * * * *')),
    [
      `${ES} spec.syncWindows.windows[0].schedule: invalid schedule "61 * * * *": Constraint error, got value 61 expected range 0-59`,
    ],
  ],
  [
    'a syncWindows schedule with seconds',
    anExternalSecret(windows('0 0 9 * * 1')),
    [
      `${ES} spec.syncWindows.windows[0].schedule: invalid schedule "0 0 9 * * 1": expected 5 fields (minute hour day-of-month month day-of-week), got 6`,
    ],
  ],
  [
    'a syncWindows duration that is not a duration',
    anExternalSecret(windows('@daily', 'forever')),
    [
      `${ES} spec.syncWindows.windows[0].duration: invalid duration "forever": expected a number; use a Go duration such as 30s, 15m or 1h30m`,
    ],
  ],
  [
    'a syncWindows kind that is not allow or deny',
    anExternalSecret(windows('@daily', '1h', 'block')),
    [`${ES} spec.syncWindows.kind: must be one of allow, deny (got "block")`],
  ],
  [
    'neither data nor dataFrom',
    anExternalSecret({ data: undefined }),
    [`${ES} spec: either data or dataFrom must be set`],
  ],
  [
    'a data entry with no store',
    anExternalSecret({ secretStoreRef: undefined }),
    [`${ES} spec.data[0]: no store: set spec.secretStoreRef.name or this entry's sourceRef.storeRef.name`],
  ],
  [
    'a dataFrom entry with both extract and find',
    anExternalSecret({ dataFrom: [{ extract: { key: '/a' }, find: { name: { regexp: '.*' } } }] }),
    [`${ES} spec.dataFrom[0]: exactly one of extract, find or sourceRef.generatorRef must be set`],
  ],
  [
    'deletionPolicy Delete with creationPolicy Merge',
    anExternalSecret({ target: { creationPolicy: 'Merge', deletionPolicy: 'Delete' } }),
    [`${ES} spec.target.deletionPolicy: Delete is not allowed with creationPolicy Merge`],
  ],
  [
    'deletionPolicy Merge with creationPolicy None',
    anExternalSecret({ target: { creationPolicy: 'None', deletionPolicy: 'Merge' } }),
    [`${ES} spec.target.deletionPolicy: Merge is not allowed with creationPolicy None`],
  ],
  [
    'a duplicate secretKey under deletionPolicy Retain',
    anExternalSecret({ data: [twoData[0], { ...twoData[0], remoteRef: { key: '/b' } }] }),
    [`${ES} spec.data[1].secretKey: duplicate secretKey "a" (also in data[0])`],
  ],
  [
    'a bootstrap token template',
    anExternalSecret({ target: { template: { type: 'bootstrap.kubernetes.io/token' } } }),
    [`${ES} spec.target.template.type: bootstrap token Secrets are not allowed`],
  ],
  [
    'a templateFrom target outside Data, Annotations, Labels',
    anExternalSecret({
      target: { template: { templateFrom: [{ literal: 'a: b', target: 'spec.config' }] } },
    }),
    [
      `${ES} spec.target.template.templateFrom[0].target: must be Data, Annotations or Labels for a Secret target (got "spec.config")`,
    ],
  ],
  [
    'a generator in dataFrom',
    anExternalSecret({ dataFrom: [{ sourceRef: { generatorRef: { kind: 'Password', name: 'pw' } } }] }),
    [
      `${ES} spec.dataFrom[0].sourceRef.generatorRef: generators are not supported by Tessera; read the value from a SecretStore instead`,
    ],
  ],
  [
    'a generic target',
    anExternalSecret({ target: { manifest: { apiVersion: 'v1', kind: 'ConfigMap' } } }),
    [`${ES} spec.target.manifest: generic targets are not supported by Tessera; it writes Secrets only`],
  ],
  [
    'a JSON merge rewrite without into',
    anExternalSecret({
      dataFrom: [{ find: { name: { regexp: '.*' } }, rewrite: [{ merge: { strategy: 'JSON' } }] }],
    }),
    [`${ES} spec.dataFrom[0].rewrite[0].merge.into: required when strategy is JSON`],
  ],
  [
    'a remote key that is a number',
    anExternalSecret({ data: [{ secretKey: 'a', remoteRef: { key: 5 } }] }),
    [`${ES} spec.data[0].remoteRef.key: must be a string (got an integer)`],
  ],
  [
    'an unknown store kind',
    anExternalSecret({ secretStoreRef: { name: 'fake-store', kind: 'Store' } }),
    [`${ES} spec.secretStoreRef.kind: must be one of SecretStore, ClusterSecretStore (got "Store")`],
  ],
  [
    'an ExternalSecret without a name',
    anExternalSecret({}, { metadata: { namespace: 'demo' } }),
    ['case.yaml:1 ExternalSecret/<unnamed> metadata.name: required'],
  ],
  [
    'the unserved v1beta1 version',
    anExternalSecret({}, { apiVersion: 'external-secrets.io/v1beta1' }),
    [
      `${ES} apiVersion: external-secrets.io/v1beta1 is not served for ExternalSecret; use external-secrets.io/v1`,
    ],
  ],
  ['a PushSecret without selector', aPushSecret({ selector: undefined }), [`${PS} spec.selector: required`]],
  [
    'a PushSecret with an unknown updatePolicy',
    aPushSecret({ updatePolicy: 'Always' }),
    [`${PS} spec.updatePolicy: must be one of Replace, IfNotExists (got "Always")`],
  ],
  [
    'a PushSecret dataTo without a store',
    aPushSecret({ dataTo: [{ match: { regexp: '.*' } }] }),
    [`${PS} spec.dataTo[0].storeRef: storeRef must specify either name or labelSelector`],
  ],
  [
    'a ClusterExternalSecret whose ExternalSecret has no data',
    {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ClusterExternalSecret',
      metadata: { name: 'ces' },
      spec: {
        namespaceSelectors: [{ matchLabels: { team: 'a' } }],
        externalSecretSpec: { secretStoreRef: { name: 's' } },
      },
    },
    ['case.yaml:1 ClusterExternalSecret/ces spec.externalSecretSpec: either data or dataFrom must be set'],
  ],
];

describe('tessera validate on invalid manifests', () => {
  it.each(cases)('reports %s with an exact, path-precise line', (_name, manifest, expected) => {
    // GIVEN one manifest written as YAML (undefined fields are left out)
    const documents = parseManifests('case.yaml', stringify(JSON.parse(JSON.stringify(manifest))));
    // WHEN it is validated with the providers of this build
    const report = validateDocuments(documents, PROVIDER_DESCRIPTORS);
    // THEN exactly the expected lines come out
    expect(report.problems).toEqual(expected);
  });

  it('covers at least twenty invalid manifests', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('skips kinds it does not know with a note and no problem', () => {
    const documents = parseManifests(
      'mixed.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n---\n' + stringify(anExternalSecret({})),
    );
    const report = validateDocuments(documents, PROVIDER_DESCRIPTORS);
    expect(report.problems).toEqual([]);
    expect(report.notes).toEqual([
      'mixed.yaml:1 ConfigMap/cm: skipped: v1 ConfigMap is not a kind Tessera validates',
    ]);
  });

  it('reports broken YAML with the document number', () => {
    const report = validateDocuments(
      parseManifests('broken.yaml', 'a: 1\n---\nb: [1\n'),
      PROVIDER_DESCRIPTORS,
    );
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/^broken\.yaml:2 \?\/\? \(document\): invalid YAML: /);
  });
});
