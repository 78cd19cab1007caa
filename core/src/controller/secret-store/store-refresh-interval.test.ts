import { InvalidProviderConfigError } from '../../provider/errors.js';
import { storeRefreshIntervalMs } from './store-refresh-interval.js';

describe('storeRefreshIntervalMs', () => {
  const fiveMinutes = 300_000;

  it('reads integers as seconds (legacy) and strings as Go durations', () => {
    expect(storeRefreshIntervalMs(30, fiveMinutes)).toBe(30_000);
    expect(storeRefreshIntervalMs('45s', fiveMinutes)).toBe(45_000);
    expect(storeRefreshIntervalMs('1h0m0s', fiveMinutes)).toBe(3_600_000);
  });

  it('falls back to the controller default when absent or zero', () => {
    expect(storeRefreshIntervalMs(undefined, fiveMinutes)).toBe(fiveMinutes);
    expect(storeRefreshIntervalMs(0, fiveMinutes)).toBe(fiveMinutes);
    expect(storeRefreshIntervalMs('0s', fiveMinutes)).toBe(fiveMinutes);
  });

  it('rejects negative and unparseable values, saying what to write', () => {
    expect(() => storeRefreshIntervalMs(-5, fiveMinutes)).toThrow(InvalidProviderConfigError);
    expect(() => storeRefreshIntervalMs('-1m', fiveMinutes)).toThrow(/must not be negative/);
    expect(() => storeRefreshIntervalMs('five minutes', fiveMinutes)).toThrow(
      /spec.refreshInterval: invalid duration/,
    );
  });
});
