import { isWithinSyncWindow, periodicRefreshAllowed } from './sync-windows.js';

const HOUR = 3_600_000;
const open = new Date('2026-06-01T22:00:00Z');
const at = (offsetMs: number) => new Date(open.getTime() + offsetMs);

describe('sync windows', () => {
  test.each([
    ['at window open (inclusive)', 0, true],
    ['inside the window', 30 * 60_000, true],
    ['at window close (inclusive)', 2 * HOUR, true],
    ['one second past window close', 2 * HOUR + 1000, false],
    ['one hour before the window opens', -HOUR, false],
    ['between two occurrences', 5 * HOUR, false],
    ['inside the next day occurrence', 24 * HOUR + 30 * 60_000, true],
  ])('a daily 22:00 UTC window of 2h: %s', (_, offset, expected) => {
    expect(isWithinSyncWindow('0 22 * * *', 2 * HOUR, at(offset))).toBe(expected);
  });

  test('descriptors are understood and unparseable schedules are reported as such', () => {
    expect(isWithinSyncWindow('@daily', HOUR, new Date('2026-06-02T00:30:00Z'))).toBe(true);
    expect(isWithinSyncWindow('@midnight', HOUR, new Date('2026-06-02T01:30:00Z'))).toBe(false);
    expect(isWithinSyncWindow('not-a-cron', HOUR, open)).toBeUndefined();
    expect(isWithinSyncWindow('0 0 22 * * *', HOUR, open)).toBeUndefined();
  });

  test('@every is open when its period fits inside the duration', () => {
    expect(isWithinSyncWindow('@every 30m', HOUR, open)).toBe(true);
    expect(isWithinSyncWindow('@every 2h', HOUR, open)).toBe(false);
  });

  const inWindow = new Date('2026-06-01T23:00:00Z');
  const outWindow = new Date('2026-06-01T20:00:00Z');
  const valid = { schedule: '0 22 * * *', duration: '2h' };
  const invalid = { schedule: 'not-a-cron', duration: '2h' };

  test.each([
    ['no windows always permit', undefined, inWindow, true],
    ['allow permits inside a window', { kind: 'allow' as const, windows: [valid] }, inWindow, true],
    ['allow blocks outside', { kind: 'allow' as const, windows: [valid] }, outWindow, false],
    ['deny blocks inside a window', { kind: 'deny' as const, windows: [valid] }, inWindow, false],
    ['deny permits outside', { kind: 'deny' as const, windows: [valid] }, outWindow, true],
    [
      'allow with only an invalid schedule blocks',
      { kind: 'allow' as const, windows: [invalid] },
      inWindow,
      false,
    ],
    [
      'deny with only an invalid schedule permits',
      { kind: 'deny' as const, windows: [invalid] },
      inWindow,
      true,
    ],
    [
      'an invalid plus a valid active window permits',
      { kind: 'allow' as const, windows: [invalid, valid] },
      inWindow,
      true,
    ],
  ])('%s', (_, windows, when, expected) => {
    expect(periodicRefreshAllowed(windows, when)).toBe(expected);
  });
});
