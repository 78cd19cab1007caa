import { jest } from '@jest/globals';
import { oracleGate } from './go-oracle.js';

describe('the Go oracle gate', () => {
  const saved = { go: process.env.TESSERA_GO, ci: process.env.CI };
  afterEach(() => {
    for (const [key, value] of [
      ['TESSERA_GO', saved.go],
      ['CI', saved.ci],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    jest.restoreAllMocks();
  });

  it('fails in CI when the go toolchain is missing', () => {
    process.env.TESSERA_GO = '/nonexistent/go';
    process.env.CI = 'true';
    expect(() => oracleGate()).toThrow(/cannot run in CI: the `go` toolchain is not installed/);
  });

  it('skips locally with a visible message when the go toolchain is missing', () => {
    process.env.TESSERA_GO = '/nonexistent/go';
    delete process.env.CI;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(oracleGate()).toEqual({ run: false, reason: 'the `go` toolchain is not installed' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('SKIPPING Go differential template tests'));
  });
});
