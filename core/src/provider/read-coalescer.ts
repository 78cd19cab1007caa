/**
 * Provider budget: turns the reads of a reconcile into as few remote calls as possible.
 *
 * - Identical refs (same key, property, version and metadataPolicy) are read once.
 * - When the client has `getSecrets`, all remaining refs of the call go in ONE batch; the provider
 *   serves refs naming the same remote item with one read (its contract).
 * - An identical read already in flight for the same client (another reconcile) is shared, not
 *   repeated, unless the caller needs fresher data than that read may return. A read started at
 *   time s with `maxAgeMs` m may return data as old as s − m, so a caller at time t with m′ joins it
 *   only when s − m ≥ t − m′: a caller without `maxAgeMs` joins any read, a forced sync (m′ = 0)
 *   joins none started before it, and a stricter caller starts its own read, which later callers
 *   then share. Nothing is cached once a read settles: freshness is the caller's business.
 *
 * Every ref gets its own outcome, so a failure can be attributed to the entry that asked for it.
 * Each caller receives its own copy of a value, so one consumer cannot alter another's bytes.
 */
import { injectable } from 'inversify';
import type { FindQuery, ReadOptions, RemoteRef, SecretsClient } from './provider.js';

/** The outcome of one ref: its value or the error the provider raised for it. */
export type ReadOutcome =
  | { readonly value: Uint8Array; readonly error?: undefined }
  | { readonly error: Error; readonly value?: undefined };

/** A read in flight and the oldest moment (monotonic ms) the data it returns may reflect. */
interface SharedRead {
  readonly promise: Promise<unknown>;
  readonly oldest: number;
}

type InFlight = Map<string, SharedRead>;

/** Options of {@link ReadCoalescer}. */
export interface ReadCoalescerOptions {
  /** Monotonic milliseconds. @default performance.now() */
  readonly now?: () => number;
}

/** Shares provider reads within and across reconciles. One instance per process (singleton). */
@injectable()
export class ReadCoalescer {
  private readonly inFlight = new WeakMap<SecretsClient, InFlight>();
  private readonly now: () => number;

  constructor(options: ReadCoalescerOptions = {}) {
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Reads every ref; resolves with one outcome per ref, in order. Never rejects: errors are
   * returned per ref (the same error object for refs that shared a read). `options` is passed to
   * the client and decides which reads in flight may be shared (see the module comment).
   */
  async readAll(
    client: SecretsClient,
    refs: readonly RemoteRef[],
    options?: ReadOptions,
  ): Promise<ReadOutcome[]> {
    const shared = this.sharedFor(client);
    const since = this.oldestAcceptable(options);
    const byKey = new Map<string, Promise<ReadOutcome>>();
    const pending: { key: string; ref: RemoteRef }[] = [];
    const keys = refs.map((ref) => `read:${refKey(ref)}`);
    const seen = new Set<string>();
    for (let i = 0; i < refs.length; i++) {
      const key = keys[i];
      const ref = refs[i];
      if (seen.has(key)) continue;
      seen.add(key);
      const existing = joinable(shared, key, since);
      if (existing) byKey.set(key, existing as Promise<ReadOutcome>);
      else pending.push({ key, ref });
    }
    const started = client.getSecrets
      ? this.startBatch(client, pending, options)
      : this.startSingles(client, pending, options);
    started.forEach((promise, index) => {
      byKey.set(pending[index].key, promise);
      track(shared, pending[index].key, { promise, oldest: since });
    });
    const outcomes = await Promise.all(keys.map((key) => byKey.get(key) as Promise<ReadOutcome>));
    return outcomes.map(copyOutcome);
  }

  /** `getSecretMap`, sharing an identical call in flight on the same client. Rejects like the client. */
  async getSecretMap(
    client: SecretsClient,
    ref: RemoteRef,
    options?: ReadOptions,
  ): Promise<Record<string, Uint8Array>> {
    const result = await this.share(client, `map:${refKey(ref)}`, options, () =>
      client.getSecretMap(ref, options),
    );
    return copyMap(result);
  }

  /** `getAllSecrets`, sharing an identical call in flight on the same client. Rejects like the client. */
  async getAllSecrets(
    client: SecretsClient,
    find: FindQuery,
    options?: ReadOptions,
  ): Promise<Record<string, Uint8Array>> {
    const result = await this.share(client, `find:${findKey(find)}`, options, () =>
      client.getAllSecrets(find, options),
    );
    return copyMap(result);
  }

  private share<T>(
    client: SecretsClient,
    key: string,
    options: ReadOptions | undefined,
    call: () => Promise<T>,
  ): Promise<T> {
    const shared = this.sharedFor(client);
    const since = this.oldestAcceptable(options);
    const existing = joinable(shared, key, since);
    if (existing) return existing as Promise<T>;
    const promise = Promise.resolve().then(call);
    track(shared, key, { promise, oldest: since });
    return promise;
  }

  /** The oldest moment data handed to this caller may reflect (-Infinity: any). */
  private oldestAcceptable(options: ReadOptions | undefined): number {
    const maxAge = options?.maxAgeMs;
    return maxAge === undefined ? -Infinity : this.now() - Math.max(0, maxAge);
  }

  private startBatch(
    client: SecretsClient,
    pending: readonly { ref: RemoteRef }[],
    options: ReadOptions | undefined,
  ): Promise<ReadOutcome>[] {
    if (pending.length === 0) return [];
    const batch = Promise.resolve().then(() =>
      (client.getSecrets as NonNullable<SecretsClient['getSecrets']>)(
        pending.map((p) => p.ref),
        options,
      ),
    );
    return pending.map((_, index) =>
      batch.then(
        (results): ReadOutcome => {
          const result = results[index];
          if (!result)
            return { error: new Error(`the provider's batch read returned no result for entry ${index}`) };
          return 'value' in result ? { value: result.value } : { error: asError(result.error) };
        },
        (error: unknown): ReadOutcome => ({ error: asError(error) }),
      ),
    );
  }

  private startSingles(
    client: SecretsClient,
    pending: readonly { ref: RemoteRef }[],
    options: ReadOptions | undefined,
  ): Promise<ReadOutcome>[] {
    return pending.map(({ ref }) =>
      Promise.resolve()
        .then(() => client.getSecret(ref, options))
        .then(
          (value): ReadOutcome => ({ value }),
          (error: unknown): ReadOutcome => ({ error: asError(error) }),
        ),
    );
  }

  private sharedFor(client: SecretsClient): InFlight {
    let shared = this.inFlight.get(client);
    if (!shared) {
      shared = new Map();
      this.inFlight.set(client, shared);
    }
    return shared;
  }
}

/** The read in flight under `key`, if its data is fresh enough for a caller needing data from `since` on. */
function joinable(shared: InFlight, key: string, since: number): Promise<unknown> | undefined {
  const existing = shared.get(key);
  return existing && existing.oldest >= since ? existing.promise : undefined;
}

/** Registers `read` under `key` (replacing an older one: later callers share the fresher) until it settles. */
function track(shared: InFlight, key: string, read: SharedRead): void {
  shared.set(key, read);
  const forget = () => {
    if (shared.get(key) === read) shared.delete(key);
  };
  read.promise.then(forget, forget);
}

/** Identity of a read: refs with equal keys are the same read. */
export function refKey(ref: RemoteRef): string {
  return JSON.stringify([ref.key, ref.property ?? '', ref.version ?? '', ref.metadataPolicy ?? 'None']);
}

function findKey(find: FindQuery): string {
  const tags = Object.entries(find.tags ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([find.path ?? '', find.name?.regexp ?? null, tags]);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(`provider call failed: ${String(error)}`);
}

function copyOutcome(outcome: ReadOutcome): ReadOutcome {
  return outcome.value ? { value: outcome.value.slice() } : outcome;
}

function copyMap(map: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const copy: Record<string, Uint8Array> = {};
  for (const [key, value] of Object.entries(map)) copy[key] = value.slice();
  return copy;
}
