/** Builds corpus cases with stable ids: `<group>-<n>`. */
import type { OracleCase } from '../go-oracle.js';

/** A case builder for one group of the corpus. */
export function caseGroup(group: string): {
  readonly cases: OracleCase[];
  /** Adds a case; `data` defaults to ESO-style string data. */
  add(template: string, data?: unknown, name?: string): void;
} {
  const cases: OracleCase[] = [];
  return {
    cases,
    add(template, data = DEFAULT_DATA, name) {
      cases.push({ id: `${group}-${cases.length + 1}`, template, data, name });
    },
  };
}

/** ESO-shaped data: Secret key → string value. */
export const DEFAULT_DATA = {
  username: 'admin',
  password: 'p@ss:w0rd/+=',
  host: 'db.example.com',
  port: '5432',
  empty: '',
  'my-key': 'dashed value',
  multiline: 'line one\nline two\n',
  unicode: 'héllo wörld ✓',
  json: '{"user":"bob","port":5432,"tags":["a","b"],"nested":{"x":1.5,"y":null,"ok":true}}',
  num: '42',
  b64: 'aGVsbG8gd29ybGQ=',
};

/** Structured data (decoded like encoding/json into interface{}). */
export const NESTED_DATA = {
  name: 'svc',
  count: 3,
  ratio: 0.25,
  big: 12345678,
  enabled: true,
  nothing: null,
  list: ['b', 'a', 'c'],
  nums: [3, 1, 2],
  mixed: [1, 'two', null, true, 2.5],
  map: { z: 'last', a: 'first', m: { deep: 'value' } },
  empty: {},
  emptyList: [],
};
