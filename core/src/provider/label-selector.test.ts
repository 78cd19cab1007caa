import { InvalidLabelSelectorError, matchesLabelSelector, parseLabelSelector } from './label-selector.js';

describe('matchesLabelSelector', () => {
  const labels = { team: 'a', env: 'prod' };

  it('matches everything with an empty selector', () => {
    expect(matchesLabelSelector({}, labels)).toBe(true);
    expect(matchesLabelSelector({}, {})).toBe(true);
  });

  it('ANDs matchLabels and matchExpressions', () => {
    expect(
      matchesLabelSelector(
        { matchLabels: { team: 'a' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] },
        labels,
      ),
    ).toBe(true);
    expect(
      matchesLabelSelector(
        { matchLabels: { team: 'a' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }] },
        labels,
      ),
    ).toBe(false);
  });

  it('supports NotIn, Exists and DoesNotExist', () => {
    expect(
      matchesLabelSelector(
        { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] },
        labels,
      ),
    ).toBe(true);
    expect(
      matchesLabelSelector(
        { matchExpressions: [{ key: 'missing', operator: 'NotIn', values: ['x'] }] },
        labels,
      ),
    ).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'team', operator: 'Exists' }] }, labels)).toBe(
      true,
    );
    expect(
      matchesLabelSelector({ matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, labels),
    ).toBe(false);
  });

  it('rejects an unknown operator with a message naming it', () => {
    expect(() =>
      matchesLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Like' }] }, labels),
    ).toThrow(InvalidLabelSelectorError);
    expect(() =>
      matchesLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Like' }] }, labels),
    ).toThrow(/"Like"/);
  });
});

describe('parseLabelSelector', () => {
  it('parses equality, inequality, set and existence terms', () => {
    const selector = parseLabelSelector('a=1, b==2,c!=3,d in (x, y),e notin (z),f,!g');
    expect(matchesLabelSelector(selector, { a: '1', b: '2', c: '4', d: 'y', e: 'q', f: '' })).toBe(true);
    expect(matchesLabelSelector(selector, { a: '1', b: '2', c: '4', d: 'y', e: 'q', f: '', g: '' })).toBe(
      false,
    );
    expect(matchesLabelSelector(selector, { a: '1', b: '2', c: '3', d: 'y', e: 'q', f: '' })).toBe(false);
  });
});
