/**
 * `spec.syncWindows` (ESO): windows in UTC during which periodic refreshes are allowed (`allow`) or
 * blocked (`deny`). A window opens at each time its cron `schedule` fires and stays open for
 * `duration`, both ends included. Schedules are 5-field cron expressions or descriptors (`@daily`,
 * `@hourly`, …, `@every <duration>`); a schedule or duration that does not parse is ignored, as ESO
 * ignores it. `@every d` has no fixed anchor, so its window counts as always open when `d ≤ duration`
 * and never otherwise (what ESO's next-activation check yields).
 */
import { CronExpressionParser } from 'cron-parser';
import { parseGoDuration, type ExternalSecretSyncWindows } from '../../api/v1/index.js';

const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function parseMs(duration: string): number | undefined {
  try {
    return parseGoDuration(duration);
  } catch {
    return undefined;
  }
}

/**
 * Whether a window is open at `at`: some activation `f` of `schedule` has `f ≤ at ≤ f + durationMs`.
 * Returns undefined when the schedule does not parse.
 */
export function isWithinSyncWindow(schedule: string, durationMs: number, at: Date): boolean | undefined {
  const trimmed = schedule.trim();
  if (trimmed.startsWith('@every ')) {
    const every = parseMs(trimmed.slice('@every '.length).trim());
    return every === undefined || every <= 0 ? undefined : every <= durationMs;
  }
  const expression = DESCRIPTORS[trimmed] ?? trimmed;
  if (expression.split(/\s+/).length !== 5) return undefined;
  try {
    const from = new Date(at.getTime() - durationMs - 1);
    const next = CronExpressionParser.parse(expression, { currentDate: from, tz: 'UTC' }).next().toDate();
    return next.getTime() <= at.getTime();
  } catch {
    return undefined;
  }
}

/** Whether `syncWindows` let a periodic refresh happen at `at` (no windows: always). */
export function periodicRefreshAllowed(
  syncWindows: ExternalSecretSyncWindows | undefined,
  at: Date,
): boolean {
  if (!syncWindows || (syncWindows.windows ?? []).length === 0) return true;
  const open = syncWindows.windows.some((window) => {
    const duration = parseMs(window.duration);
    return duration !== undefined && isWithinSyncWindow(window.schedule, duration, at) === true;
  });
  if (syncWindows.kind === 'allow') return open;
  if (syncWindows.kind === 'deny') return !open;
  return true;
}
