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
});
