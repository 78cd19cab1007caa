import { checkCronSchedule, checkGoDuration, checkRe2 } from './formats.js';

describe('format checks', () => {
  it.each(['*/5 * * * *', '0 9 * * 1-5', '@daily', '@hourly', '@every 90m'])(
    'accepts the schedule %s',
    (schedule) => {
      expect(checkCronSchedule(schedule)).toBeUndefined();
    },
  );

  it.each([
    ['@every', 'unknown descriptor'],
    ['@every -1h', 'must not be negative'],
    ['@sometimes', 'unknown descriptor'],
    ['* * *', 'expected 5 fields'],
  ])('rejects the schedule %s', (schedule, fragment) => {
    expect(checkCronSchedule(schedule)).toContain(fragment);
  });

  it('accepts RE2 syntax and rejects what RE2 cannot compile, such as lookahead', () => {
    expect(checkRe2('^team-[a-z]+$')).toBeUndefined();
    expect(checkRe2('^(?=team)')).toMatch(/^invalid RE2 regular expression: /);
  });

  it('accepts zero and rejects negative durations', () => {
    expect(checkGoDuration('0s')).toBeUndefined();
    expect(checkGoDuration('-1s')).toBe('duration "-1s" must not be negative');
  });
});
