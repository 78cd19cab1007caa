import { anExternalSecret } from '../../testing/fixtures.js';
import { TerminalError } from '../reconciler.js';
import { validateSpec } from './validate-spec.js';

const DELETE_MSG =
  "deletionPolicy=Delete must not be used when the controller doesn't own the secret. Please set creationPolicy=Owner";
const MERGE_MSG =
  'deletionPolicy=Merge must not be used with creationPolicy=None. There is no Secret to merge with';

const es = () => anExternalSecret('es').withData('k', 'k');

describe('admission rules re-checked at reconcile', () => {
  test.each([
    ['Owner', 'Retain', undefined],
    ['Owner', 'Delete', undefined],
    ['Owner', 'Merge', undefined],
    ['Orphan', 'Retain', undefined],
    ['Orphan', 'Delete', undefined],
    ['Orphan', 'Merge', undefined],
    ['Merge', 'Retain', undefined],
    ['Merge', 'Delete', DELETE_MSG],
    ['Merge', 'Merge', undefined],
    ['CreateOrMerge', 'Retain', undefined],
    ['CreateOrMerge', 'Delete', DELETE_MSG],
    ['CreateOrMerge', 'Merge', undefined],
    ['None', 'Retain', undefined],
    ['None', 'Delete', DELETE_MSG],
    ['None', 'Merge', MERGE_MSG],
  ] as const)('creationPolicy=%s with deletionPolicy=%s', (creationPolicy, deletionPolicy, message) => {
    const check = () => validateSpec(es().withTarget({ creationPolicy, deletionPolicy }).build());
    if (message === undefined) expect(check).not.toThrow();
    else {
      expect(check).toThrow(TerminalError);
      expect(check).toThrow(message);
    }
  });

  test('data or dataFrom is required', () => {
    expect(() => validateSpec(anExternalSecret('es').build())).toThrow(
      'either data or dataFrom should be specified',
    );
  });

  test('a dataFrom entry needs exactly one of extract, find, generatorRef', () => {
    expect(() => validateSpec(anExternalSecret('es').withDataFrom({}).build())).toThrow(
      'either extract, find, or sourceRef must be set to dataFrom',
    );
    expect(() =>
      validateSpec(
        anExternalSecret('es')
          .withDataFrom({ extract: { key: 'a' }, find: {} })
          .build(),
      ),
    ).toThrow('extract, find, or generatorRef cannot be set at the same time');
    expect(() =>
      validateSpec(
        anExternalSecret('es')
          .withDataFrom({ extract: { key: 'a' }, sourceRef: {} })
          .build(),
      ),
    ).toThrow('generatorRef or storeRef must be set when using sourceRef in dataFrom');
  });

  test('duplicate secretKeys are refused only with deletionPolicy Retain', () => {
    const twice = () => es().withData('k', 'other');
    expect(() => validateSpec(twice().build())).toThrow('duplicate secretKey found: k');
    expect(() => validateSpec(twice().withTarget({ deletionPolicy: 'Merge' }).build())).not.toThrow();
  });

  test('privileged template types and foreign templateFrom targets are refused', () => {
    const template = (t: object) => es().withTarget({ template: t }).build();
    expect(() => validateSpec(template({ type: 'bootstrap.kubernetes.io/token' }))).toThrow(/is not allowed/);
    expect(() =>
      validateSpec(
        template({
          type: 'kubernetes.io/service-account-token',
          metadata: { annotations: { 'kubernetes.io/service-account.name': 'admin' } },
        }),
      ),
    ).toThrow(/would mint a ServiceAccount token/);
    expect(() => validateSpec(template({ templateFrom: [{ literal: 'x', target: 'spec.foo' }] }))).toThrow(
      /not allowed for a Secret target/,
    );
    expect(() =>
      validateSpec(template({ templateFrom: [{ literal: 'x', target: 'labels' }] })),
    ).not.toThrow();
  });

  test('several problems are reported together', () => {
    expect(() =>
      validateSpec(
        anExternalSecret('es').withTarget({ creationPolicy: 'None', deletionPolicy: 'Delete' }).build(),
      ),
    ).toThrow(`${DELETE_MSG}; either data or dataFrom should be specified`);
  });
});
