import { InvalidDurationError, parseGoDuration, parseGoDurationNs } from './duration.js';

describe('parseGoDuration', () => {
  it.each([
    ['0', 0],
    ['0s', 0],
    ['1h', 3_600_000],
    ['1h0m0s', 3_600_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['10us', 0.01],
    ['10µs', 0.01],
    ['-2m', -120_000],
    ['+3s', 3000],
  ])('reads %s as %d ms', (input, expected) => {
    expect(parseGoDuration(input)).toBeCloseTo(expected, 9);
  });

  it.each(['', '1', '1d', 'h', '1h 30m', '-', '1.h2', 'abc', '10 s'])('rejects %j with a hint', (input) => {
    expect(() => parseGoDuration(input)).toThrow(InvalidDurationError);
    expect(() => parseGoDuration(input)).toThrow(/Go duration such as 30s/);
  });

  it('reads exact nanoseconds and refuses more than Go can hold, as time.ParseDuration does', () => {
    expect(parseGoDurationNs('1.5h')).toBe(5_400_000_000_000n);
    expect(parseGoDurationNs('.5ns')).toBe(0n);
    expect(parseGoDurationNs('2562047h')).toBe(9_223_369_200_000_000_000n);
    expect(() => parseGoDurationNs('2562048h')).toThrow(InvalidDurationError);
  });
});
