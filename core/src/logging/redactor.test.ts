import { Redactor } from './redactor.js';

const CANARY = 'canary-7f3a9c1e-s3cr3t';

describe('Redactor', () => {
  it('replaces a registered value wherever it appears in a text', () => {
    const redactor = new Redactor();
    redactor.register(CANARY);
    expect(redactor.redact(`token=${CANARY}; again:${CANARY}!`)).toBe('token=[REDACTED]; again:[REDACTED]!');
  });

  it('leaves text without registered values untouched', () => {
    const redactor = new Redactor();
    redactor.register(CANARY);
    const text = 'synced ExternalSecret default/db with 3 keys';
    expect(redactor.redact(text)).toBe(text);
  });

  it('also catches the base64 form of a registered byte value (how Secret data carries it)', () => {
    const redactor = new Redactor();
    const bytes = new TextEncoder().encode(CANARY);
    redactor.register(bytes);
    const b64 = Buffer.from(bytes).toString('base64');
    expect(redactor.redact(`data: {"password":"${b64}"}`)).toBe('data: {"password":"[REDACTED]"}');
  });

  it('registers binary values that are not UTF-8 by their base64 form', () => {
    const redactor = new Redactor();
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x42, 0x99]);
    redactor.register(bytes);
    expect(redactor.redact(`x ${Buffer.from(bytes).toString('base64')} y`)).toBe('x [REDACTED] y');
  });

  it('catches each line of a multi-line value such as a PEM key', () => {
    const redactor = new Redactor();
    const line2 = 'MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA';
    redactor.register(`-----BEGIN PRIVATE KEY-----\n${line2}\n-----END PRIVATE KEY-----\n`);
    expect(redactor.redact(`bad key line ${line2}`)).toBe('bad key line [REDACTED]');
  });

  it('does not register values shorter than 4 characters', () => {
    const redactor = new Redactor();
    redactor.register('abc');
    expect(redactor.size).toBe(0);
    expect(redactor.redact('abc abc')).toBe('abc abc');
  });

  it('merges overlapping matches into one placeholder', () => {
    const redactor = new Redactor();
    redactor.register('abcdef');
    redactor.register('defghi');
    expect(redactor.redact('xxabcdefghixx')).toBe('xx[REDACTED]xx');
  });

  it('keeps memory bounded by forgetting the least recently registered values', () => {
    const redactor = new Redactor({ maxEntries: 100 });
    for (let i = 0; i < 1000; i++) redactor.register(`value-number-${i}`);
    expect(redactor.size).toBeLessThanOrEqual(100);
    expect(redactor.redact('value-number-999')).toBe('[REDACTED]');
    expect(redactor.redact('value-number-0')).toBe('value-number-0');
  });

  it('finds every registered value among many (no false negatives)', () => {
    const redactor = new Redactor();
    const values = Array.from(
      { length: 500 },
      (_, i) => `s${i}-${(i * 7919).toString(36)}-${'x'.repeat(i % 40)}`,
    );
    for (const value of values) redactor.register(value);
    for (const value of values) expect(redactor.redact(`<${value}>`)).toBe('<[REDACTED]>');
  });
});
