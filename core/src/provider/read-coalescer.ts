/**
 * Provider budget: turns the reads of a reconcile into as few remote calls as possible.
 *
 * - Identical refs (same key, property, version and metadataPolicy) are read once.
 * - When the client has `getSecrets`, all remaining refs of the call go in ONE batch; the provider
 *   serves refs naming the same remote item with one read (its contract).
 * - An identical read already in flight for the same client (another reconcile) is shared, not
 *   repeated. Nothing is cached once a read settles: freshness is the caller's business.
 *
 * Every ref gets its own outcome, so a failure can be attributed to the entry that asked for it.
 * Each caller receives its own copy of a value, so one consumer cannot alter another's bytes.
 */
import { injectable } from 'inversify';
import type { FindQuery, RemoteRef, SecretsClient } from './provider.js';

/** The outcome of one ref: its value or the error the provider raised for it. */
export type ReadOutcome =
  | { readonly value: Uint8Array; readonly error?: undefined }
  | { readonly error: Error; readonly value?: undefined };

type InFlight = Map<string, Promise<unknown>>;

/** Shares provider reads within and across reconciles. One instance per process (singleton). */
@injectable()
export class ReadCoalescer {
  private readonly inFlight = new WeakMap<SecretsClient, InFlight>();

  /**
   * Reads every ref; resolves with one outcome per ref, in order. Never rejects: errors are
   * returned per ref (the same error object for refs that shared a read).
   */
  async readAll(client: SecretsClient, refs: readonly RemoteRef[]): Promise<ReadOutcome[]> {
    const shared = this.sharedFor(client);
    const byKey = new Map<string, Promise<ReadOutcome>>();
    const pending: { key: string; ref: RemoteRef }[] = [];
    const seen = new Set<string>();
    for (const ref of refs) {
      const key = `read:${refKey(ref)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const existing = shared.get(key) as Promise<ReadOutcome> | undefined;
      if (existing) byKey.set(key, existing);
      else pending.push({ key, ref });
    }
    const started = client.getSecrets ? this.startBatch(client, pending) : this.startSingles(client, pending);
    started.forEach((promise, index) => {
      byKey.set(pending[index].key, promise);
      track(shared, pending[index].key, promise);
    });
    const outcomes = await Promise.all(
      refs.map((ref) => byKey.get(`read:${refKey(ref)}`) as Promise<ReadOutcome>),
    );
    return outcomes.map(copyOutcome);
  }

  /** `getSecretMap`, sharing an identical call in flight on the same client. Rejects like the client. */
  async getSecretMap(client: SecretsClient, ref: RemoteRef): Promise<Record<string, Uint8Array>> {
    const result = await this.share(client, `map:${refKey(ref)}`, () => client.getSecretMap(ref));
    return copyMap(result);
  }

  /** `getAllSecrets`, sharing an identical call in flight on the same client. Rejects like the client. */
  async getAllSecrets(client: SecretsClient, find: FindQuery): Promise<Record<string, Uint8Array>> {
    const result = await this.share(client, `find:${findKey(find)}`, () => client.getAllSecrets(find));
    return copyMap(result);
  }

  private share<T>(client: SecretsClient, key: string, call: () => Promise<T>): Promise<T> {
    const shared = this.sharedFor(client);
    const existing = shared.get(key) as Promise<T> | undefined;
    if (existing) return existing;
    const promise = Promise.resolve().then(call);
    track(shared, key, promise);
    return promise;
  }

  private startBatch(client: SecretsClient, pending: readonly { ref: RemoteRef }[]): Promise<ReadOutcome>[] {
    if (pending.length === 0) return [];
    const batch = Promise.resolve().then(() =>
      (client.getSecrets as NonNullable<SecretsClient['getSecrets']>)(pending.map((p) => p.ref)),
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
  ): Promise<ReadOutcome>[] {
    return pending.map(({ ref }) =>
      Promise.resolve()
        .then(() => client.getSecret(ref))
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

/** Registers `promise` under `key` until it settles. */
function track(shared: InFlight, key: string, promise: Promise<unknown>): void {
  shared.set(key, promise);
  const forget = () => {
    if (shared.get(key) === promise) shared.delete(key);
  };
  promise.then(forget, forget);
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
