import { BASE_1, FormHasher } from './form-hash.js';
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

  it('catches a value without the newline or blanks around it, however short its one line', () => {
    // GIVEN values that end in a newline or carry blanks, as byte values and as text
    const redactor = new Redactor();
    redactor.register(new TextEncoder().encode('db-pass-0451\n'));
    redactor.register(new TextEncoder().encode(' api-key-77 '));
    redactor.register('tok-3391\r\n');
    // WHEN each is logged trimmed THEN it is redacted
    expect(redactor.redact('password db-pass-0451 used')).toBe('password [REDACTED] used');
    expect(redactor.redact('key=api-key-77.')).toBe('key=[REDACTED].');
    expect(redactor.redact('token "tok-3391"')).toBe('token "[REDACTED]"');
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

describe('Redactor hashing', () => {
  /** Deterministic bytes (a linear congruential sequence), so a failure can be replayed. */
  function bytesOf(length: number, seed: number, max = 256): Uint8Array {
    const out = new Uint8Array(length);
    let state = seed;
    for (let i = 0; i < length; i++) {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      out[i] = (state >>> 16) % max;
    }
    return out;
  }

  it('finds the base64 form of byte values of every length and padding', () => {
    const redactor = new Redactor();
    const values = Array.from({ length: 60 }, (_, i) => bytesOf(4 + i, i + 1));
    for (const value of values) redactor.register(value);
    for (const value of values) {
      const b64 = Buffer.from(value).toString('base64');
      expect(redactor.redact(`<${b64}>`)).toBe('<[REDACTED]>');
    }
  });

  it('finds ASCII byte values as text and as base64', () => {
    const redactor = new Redactor();
    const values = Array.from({ length: 40 }, (_, i) => bytesOf(4 + i, 100 + i, 95).map((b) => b + 32));
    for (const value of values) redactor.register(value);
    for (const value of values) {
      const text = Buffer.from(value).toString('latin1');
      expect(redactor.redact(`(${text})`)).toBe('([REDACTED])');
      expect(redactor.redact(`(${Buffer.from(value).toString('base64')})`)).toBe('([REDACTED])');
    }
  });

  it('registers the same value twice without remembering it twice', () => {
    const redactor = new Redactor();
    redactor.register(new TextEncoder().encode(CANARY));
    const size = redactor.size;
    redactor.register(new TextEncoder().encode(CANARY));
    redactor.register(CANARY);
    expect(redactor.size).toBe(size);
  });

  it('never forgets a value that keeps being registered, however many others arrive', () => {
    const redactor = new Redactor({ maxEntries: 100 });
    for (let i = 0; i < 1000; i++) {
      redactor.register(`other-value-${i}`);
      if (i % 20 === 0) redactor.register(CANARY);
    }
    expect(redactor.size).toBeLessThanOrEqual(100);
    expect(redactor.redact(`x ${CANARY} y`)).toBe('x [REDACTED] y');
  });

  it('finds non-ASCII text values (UTF-8 bytes) in their text form', () => {
    const redactor = new Redactor();
    const value = 'pässwörd-ünïcode-✓';
    redactor.register(new TextEncoder().encode(value));
    expect(redactor.redact(`value=${value}.`)).toBe('value=[REDACTED].');
  });

  it('keeps forms of one length apart that share their first 32-bit hash', () => {
    // GIVEN two 4-character values whose first hashes collide: d2·B² + d1·B + d0 ≡ 0 (mod 2^32)
    const mid = 0x8000;
    let pair: [string, string] | undefined;
    for (let d2 = 1; pair === undefined && d2 < 64; d2++) {
      for (let d1 = -0x7fff; pair === undefined && d1 <= 0x7fff; d1++) {
        const d0 = -((Math.imul(d2, Math.imul(BASE_1, BASE_1)) + Math.imul(d1, BASE_1)) | 0);
        if (Math.abs(d0) > 0x7fff) continue;
        const code = (...units: number[]) => `k${String.fromCharCode(...units)}`;
        pair = [code(mid, mid, mid), code(mid - d2, mid - d1, mid - d0)];
      }
    }
    const [first, second] = pair as [string, string];
    const hashes = (value: string) => {
      const hasher = new FormHasher();
      hasher.text(value);
      return [hasher.h1, hasher.h2];
    };
    expect(hashes(first)[0]).toBe(hashes(second)[0]);
    expect(hashes(first)[1]).not.toBe(hashes(second)[1]);
    // WHEN both are registered
    const redactor = new Redactor();
    redactor.register(first);
    redactor.register(second);
    // THEN each is found, and a third value of that length is not
    expect(redactor.redact(`a ${first} b ${second}`)).toBe('a [REDACTED] b [REDACTED]');
    expect(redactor.redact('a kxyz b')).toBe('a kxyz b');
  });
});
