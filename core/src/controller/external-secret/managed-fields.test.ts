import { NO_MANAGED_FIELDS, readManagedFields, withManagedFields } from './managed-fields.js';
import { ANNOTATION_MANAGED_FIELDS } from './target-bookkeeping.js';

describe('managed fields record', () => {
  test('round-trips one ExternalSecret record with sorted names', () => {
    const annotations = withManagedFields({ other: 'x' }, 'es', {
      data: ['b', 'a'],
      labels: ['team'],
      annotations: [],
    });
    expect(annotations[ANNOTATION_MANAGED_FIELDS]).toBe('{"es":{"data":["a","b"],"labels":["team"]}}');
    expect(readManagedFields(annotations, 'es')).toEqual({
      data: ['a', 'b'],
      labels: ['team'],
      annotations: [],
    });
    expect(annotations.other).toBe('x');
  });

  test('keeps other ExternalSecrets records (several Merge writers on one Secret)', () => {
    const first = withManagedFields({}, 'a', { data: ['x'], labels: [], annotations: [] });
    const both = withManagedFields(first, 'b', { data: ['y'], labels: [], annotations: [] });
    expect(readManagedFields(both, 'a').data).toEqual(['x']);
    expect(readManagedFields(both, 'b').data).toEqual(['y']);
  });

  test('the annotation disappears when nothing is recorded', () => {
    const recorded = withManagedFields({}, 'es', { data: ['x'], labels: [], annotations: [] });
    expect(withManagedFields(recorded, 'es', NO_MANAGED_FIELDS)).toEqual({});
  });

  test('a missing or garbled annotation reads as nothing recorded', () => {
    expect(readManagedFields(undefined, 'es')).toEqual(NO_MANAGED_FIELDS);
    expect(readManagedFields({ [ANNOTATION_MANAGED_FIELDS]: '{not json' }, 'es')).toEqual(NO_MANAGED_FIELDS);
    expect(readManagedFields({ [ANNOTATION_MANAGED_FIELDS]: '{"es":{"data":[1,"ok"]}}' }, 'es').data).toEqual(
      ['ok'],
    );
  });

  test('reads its own record next to other ExternalSecrets records, whatever the order', () => {
    const text = '{"db":{"data":["a"]},"db-2":{"data":["b"]},"app":{"labels":["x"]}}';
    const annotations = { [ANNOTATION_MANAGED_FIELDS]: text };
    expect(readManagedFields(annotations, 'db').data).toEqual(['a']);
    expect(readManagedFields(annotations, 'db-2').data).toEqual(['b']);
    expect(readManagedFields(annotations, 'app').labels).toEqual(['x']);
    expect(readManagedFields(annotations, 'd')).toEqual(NO_MANAGED_FIELDS);
    // AND replacing one record keeps the others, sorted by name
    const replaced = withManagedFields(annotations, 'db', { data: ['c'], labels: [], annotations: [] });
    expect(replaced[ANNOTATION_MANAGED_FIELDS]).toBe(
      '{"app":{"labels":["x"]},"db":{"data":["c"]},"db-2":{"data":["b"]}}',
    );
  });
});
