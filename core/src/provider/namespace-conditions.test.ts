import {
  InvalidNamespaceRegexError,
  NamespaceNotAllowedError,
  assertClusterStoreAllowed,
  namespaceAllowed,
  validateNamespaceRegexes,
} from './namespace-conditions.js';

describe('ClusterSecretStore namespace conditions', () => {
  const prod = { name: 'team-a-prod', labels: { env: 'prod' } };

  it('allows every namespace when there are no conditions', () => {
    expect(namespaceAllowed(undefined, prod)).toBe(true);
    expect(namespaceAllowed([], prod)).toBe(true);
  });

  it('allows a namespace matched by label selector, by name or by regex', () => {
    expect(namespaceAllowed([{ namespaceSelector: { matchLabels: { env: 'prod' } } }], prod)).toBe(true);
    expect(namespaceAllowed([{ namespaces: ['other', 'team-a-prod'] }], prod)).toBe(true);
    expect(namespaceAllowed([{ namespaceRegexes: ['^team-a-'] }], prod)).toBe(true);
  });

  it('matches regexes unanchored, like Go regexp.MatchString', () => {
    expect(namespaceAllowed([{ namespaceRegexes: ['a-pr'] }], prod)).toBe(true);
    expect(namespaceAllowed([{ namespaceRegexes: ['^prod$'] }], prod)).toBe(false);
  });

  it('allows when any condition matches and denies when none does', () => {
    expect(namespaceAllowed([{ namespaces: ['x'] }, { namespaceRegexes: ['prod'] }], prod)).toBe(true);
    expect(
      namespaceAllowed([{ namespaces: ['x'] }, { namespaceSelector: { matchLabels: { env: 'dev' } } }], prod),
    ).toBe(false);
  });

  it('does not match a label selector when the namespace labels are unknown', () => {
    expect(
      namespaceAllowed([{ namespaceSelector: { matchLabels: { env: 'prod' } } }], { name: 'team-a-prod' }),
    ).toBe(false);
  });

  it("denies with ESO's message naming the store and the namespace", () => {
    const attempt = () =>
      assertClusterStoreAllowed({
        storeName: 'shared',
        conditions: [{ namespaces: ['x'] }],
        namespace: prod,
      });
    expect(attempt).toThrow(NamespaceNotAllowedError);
    expect(attempt).toThrow(
      'using cluster store "shared" is not allowed from namespace "team-a-prod": denied by spec.condition',
    );
  });

  it('rejects a regex that is not valid RE2, naming it', () => {
    expect(() => validateNamespaceRegexes([{ namespaceRegexes: ['(?=lookahead)'] }])).toThrow(
      InvalidNamespaceRegexError,
    );
    expect(() => validateNamespaceRegexes([{ namespaceRegexes: ['(?=lookahead)'] }])).toThrow(
      /"\(\?=lookahead\)"/,
    );
    expect(() => validateNamespaceRegexes([{ namespaceRegexes: ['^ok-.*$'] }])).not.toThrow();
  });
});
