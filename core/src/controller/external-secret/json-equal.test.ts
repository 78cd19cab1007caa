import { sameJson } from './json-equal.js';

describe('sameJson', () => {
  it('ignores key order and properties set to undefined', () => {
    expect(sameJson({ a: 1, b: { c: 'x', d: undefined } }, { b: { c: 'x' }, a: 1 })).toBe(true);
    expect(sameJson({ a: undefined }, {})).toBe(true);
  });

  it('tells apart different values, missing keys, and null from absent', () => {
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson({ a: '1' }, { a: 1 })).toBe(false);
  });

  it('compares arrays item by item, in order, an undefined item being null', () => {
    expect(sameJson([{ a: 1 }, 'x'], [{ a: 1 }, 'x'])).toBe(true);
    expect(sameJson(['x', { a: 1 }], [{ a: 1 }, 'x'])).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson([undefined], [null])).toBe(true);
  });

  it('never takes an array for an object', () => {
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({}, [])).toBe(false);
    expect(sameJson({ 0: 'x' }, ['x'])).toBe(false);
  });
});
