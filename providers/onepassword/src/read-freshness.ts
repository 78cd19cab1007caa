/**
 * What one client call may take from this client's caches, fixed when the call starts so every ref
 * of a batch is judged alike. It turns the core's `ReadOptions.maxAgeMs` into:
 *
 * - item lists (the store's `onepassword-cache-ttl` applies too) must have been requested at or
 *   after `listsSince`: the effective list TTL is min(cache TTL, maxAgeMs);
 * - item bodies and file contents are cached by item id and version, so a list within that bound
 *   showing the same version proves a cached body current;
 * - a fresh read (`maxAgeMs: 0`, a forced sync) takes only data from requests sent after the call
 *   started (`sentAfter`): lists, bodies and files are requested again.
 *
 * Every request is stamped with the clock time and a sequence number when it is sent, so "sent
 * after the call started" is exact even within one millisecond. Requests in flight count as made
 * when they were sent: a call shares one sent after its bound (e.g. by another ref of its own
 * batch), never one sent before it.
 */
import type { Clock, ReadOptions } from '@tessera/core';

/** When a request was sent: clock time (ms) and a process-wide sequence number. */
export interface RequestStamp {
  readonly at: number;
  readonly seq: number;
}

/** What one call accepts. */
export interface ReadFreshness {
  /** Lists requested before this time (client clock, ms) are too old; -Infinity accepts any. */
  readonly listsSince: number;
  /** Set for a fresh read: only data from requests stamped with a higher sequence number answers it. */
  readonly sentAfter?: number;
}

let sent = 0;

/** Stamps a request about to be sent. */
export function stampRequest(clock: Clock): RequestStamp {
  sent += 1;
  return { at: clock.now(), seq: sent };
}

/** No requirement beyond the caches' own TTLs (pushes, validation, callers without options). */
export const ANY_AGE: ReadFreshness = Object.freeze({ listsSince: -Infinity });

/** The freshness a call made now with `options` needs. */
export function freshnessOf(clock: Clock, options?: ReadOptions): ReadFreshness {
  const maxAge = options?.maxAgeMs;
  if (maxAge === undefined) return ANY_AGE;
  const listsSince = clock.now() - Math.max(0, maxAge);
  return maxAge <= 0 ? { listsSince, sentAfter: sent } : { listsSince };
}

/** Whether a list requested at `stamp` may answer the call. */
export function acceptsList(freshness: ReadFreshness, stamp: RequestStamp): boolean {
  return stamp.at >= freshness.listsSince && acceptsBody(freshness, stamp);
}

/** Whether an item body or file content requested at `stamp` may answer the call. */
export function acceptsBody(freshness: ReadFreshness, stamp: RequestStamp): boolean {
  return freshness.sentAfter === undefined || stamp.seq > freshness.sentAfter;
}
