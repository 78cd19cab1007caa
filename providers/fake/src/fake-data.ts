/**
 * The fake provider's data: entries from the store spec (`spec.provider.fake.data[]`, read-only
 * to pushes, replaced whenever the store changes) plus values pushed by PushSecrets (kept per
 * store for the provider's lifetime, surviving store edits), as ESO's fake keeps them.
 */
import type { FakeProviderData } from './fake-descriptor.js';

/** Where an entry came from. */
export type FakeOrigin = 'store' | 'push';

/** One remote value. */
export interface FakeEntry {
  readonly key: string;
  /** '' when the entry has no version. */
  readonly version: string;
  readonly value: string;
  readonly origin: FakeOrigin;
}

/** Values pushed to one store, remote key → value (versionless). */
export type PushedValues = Map<string, string>;

/** A read-only view over the store's entries and its pushed values. */
export class FakeData {
  private readonly entries = new Map<string, FakeEntry>();

  constructor(
    specData: readonly FakeProviderData[],
    private readonly pushed: PushedValues,
  ) {
    for (const [key, value] of pushed)
      this.entries.set(entryId(key, ''), { key, version: '', value, origin: 'push' });
    for (const data of specData) {
      const value = data.value ?? (data.valueMap ? JSON.stringify(data.valueMap) : '');
      const version = data.version ?? '';
      this.entries.set(entryId(data.key, version), { key: data.key, version, value, origin: 'store' });
    }
  }

  /** The entry for `key` at `version` ('' = the unversioned entry), as ESO's fake looks it up. */
  find(key: string, version = ''): FakeEntry | undefined {
    return this.entries.get(entryId(key, version));
  }

  /** Every entry. */
  all(): FakeEntry[] {
    return [...this.entries.values()];
  }

  /** Stores a pushed value (the caller checked it may). */
  push(key: string, value: string): void {
    this.pushed.set(key, value);
    this.entries.set(entryId(key, ''), { key, version: '', value, origin: 'push' });
  }

  /** Removes a pushed value; store entries are never removed. */
  unpush(key: string): void {
    this.pushed.delete(key);
    if (this.entries.get(entryId(key, ''))?.origin === 'push') this.entries.delete(entryId(key, ''));
  }
}

function entryId(key: string, version: string): string {
  return JSON.stringify([key, version]);
}
