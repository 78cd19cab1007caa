/**
 * Checks for the string formats Tessera validates beyond JSON Schema (`x-tessera-format`): Go
 * durations, sync-window cron schedules (robfig/cron "standard" syntax, as ESO uses) and RE2
 * regular expressions (re2js, the same semantics Go's regexp has). Each returns an error message
 * or undefined.
 */
import { CronExpressionParser } from 'cron-parser';
import { RE2JS } from 're2js';
import { parseGoDuration } from '../api/v1/duration.js';
import type { TesseraFormat } from '../api/v1/schema-helpers.js';

/** Returns a message when `value` is not a non-negative Go duration. */
export function checkGoDuration(value: string): string | undefined {
  try {
    if (parseGoDuration(value) < 0) return `duration "${value}" must not be negative`;
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const DESCRIPTORS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);

/** Returns a message when `value` is not a 5-field cron expression, a descriptor or `@every <duration>`. */
export function checkCronSchedule(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed.startsWith('@every ')) {
    const duration = trimmed.slice('@every '.length).trim();
    const problem = checkGoDuration(duration);
    return problem ? `invalid schedule "${value}": ${problem}` : undefined;
  }
  if (trimmed.startsWith('@')) {
    return DESCRIPTORS.has(trimmed)
      ? undefined
      : `invalid schedule "${value}": unknown descriptor; use @daily, @hourly, @weekly, @monthly, @yearly or @every <duration>`;
  }
  const fields = trimmed.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5)
    return `invalid schedule "${value}": expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`;
  try {
    CronExpressionParser.parse(trimmed, { tz: 'UTC' });
    return undefined;
  } catch (error) {
    return `invalid schedule "${value}": ${(error as Error).message}`;
  }
}

/** Returns a message when `value` does not compile as an RE2 regular expression. */
export function checkRe2(value: string): string | undefined {
  try {
    RE2JS.compile(value);
    return undefined;
  } catch (error) {
    return `invalid RE2 regular expression: ${(error as Error).message}`;
  }
}

/** The checker for each Tessera format. */
export const FORMAT_CHECKS: Readonly<Record<TesseraFormat, (value: string) => string | undefined>> = {
  'go-duration': checkGoDuration,
  'cron-schedule': checkCronSchedule,
  re2: checkRe2,
};
