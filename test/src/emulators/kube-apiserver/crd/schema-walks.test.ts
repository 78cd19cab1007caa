import { applyDefaults } from './schema-default.js';
import { prune } from './schema-prune.js';
import type { JsonSchema } from './schema-types.js';
import { validateSchema } from './schema-validate.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    mode: { type: 'string', enum: ['Owner', 'Merge'], default: 'Owner' },
    shape: { type: 'object', enum: [{ kind: 'a' }, { kind: 'b' }] },
    labels: { type: 'object', default: { team: 'core' }, additionalProperties: { type: 'string' } },
    size: { type: 'integer', minimum: 1 },
  },
};

describe('CRD schema walks', () => {
  test('a field named like an Object.prototype member is pruned when the schema does not declare it', () => {
    // GIVEN an object with undeclared fields called constructor and toString
    const obj: Record<string, unknown> = { mode: 'Owner', constructor: 1, toString: 'x' };
    // WHEN it is pruned
    const unknown = prune(obj, schema, '').sort();
    // THEN both are removed and reported
    expect(unknown).toEqual(['constructor', 'toString']);
    expect(obj).toEqual({ mode: 'Owner' });
  });

  test('defaults fill missing fields, and object defaults are fresh copies per object', () => {
    // GIVEN two empty objects
    const first: Record<string, unknown> = {};
    const second: Record<string, unknown> = {};
    // WHEN both are defaulted and the first one's defaulted map is changed
    applyDefaults(first, schema);
    applyDefaults(second, schema);
    (first.labels as Record<string, string>).team = 'changed';
    // THEN the second object and the schema keep the declared default
    expect(second).toEqual({ mode: 'Owner', labels: { team: 'core' } });
    expect(schema.properties?.labels.default).toEqual({ team: 'core' });
  });

  test('enums of strings and of objects accept their members and name the supported values otherwise', () => {
    // GIVEN valid and invalid enum values
    const ok = validateSchema({ mode: 'Merge', shape: { kind: 'b' } }, schema, '');
    const bad = validateSchema({ mode: 'Other', shape: { kind: 'c' }, size: 0 }, schema, '');
    // THEN only the invalid ones are reported, in field order
    expect(ok).toEqual([]);
    expect(bad.map((e) => `${e.type} ${e.field}: ${e.detail}`)).toEqual([
      'NotSupported mode: supported values: "Owner", "Merge"',
      'NotSupported shape: supported values: {"kind":"a"}, {"kind":"b"}',
      'Invalid size: size in body should be greater than or equal to 1',
    ]);
  });
});
