/**
 * Step: read every entry of an ExternalSecret from its provider (ESO B.3), spending as few provider
 * calls as possible:
 * - all `data[]` refs that use the same store go to the {@link ReadCoalescer} in ONE call, so refs
 *   naming the same remote item cost one read and batch-capable providers get one batch;
 * - `dataFrom[]` extract / find calls share identical calls in flight;
 * - every read starts at once; results are then examined in ESO's order (dataFrom, then data), so the
 *   error reported is the one ESO would report;
 * - every read carries the reconcile's `readOptions` (how fresh the data must be, see
 *   `readOptionsFor` in `should-refresh.ts`), so a forced sync is not answered from a provider's cache.
 *
 * A {@link SecretNotFoundError} skips the entry when `deletionPolicy` is not Retain (reported in
 * `missing`); otherwise it fails the step. Every failure is an {@link EntryReadError} whose message
 * names the entry and the store, e.g. `spec.data[2] (key=db-prod, property=password): not found in
 * ClusterSecretStore/onepassword`.
 */
import type {
  ExternalSecret,
  ExternalSecretData,
  ExternalSecretDataFromRemoteRef,
} from '../../api/v1/index.js';
import { SecretNotFoundError } from '../../provider/errors.js';
import type { ReadOptions, RemoteRef, SecretsClient } from '../../provider/provider.js';
import type { ReadCoalescer } from '../../provider/read-coalescer.js';
import { storeKeyOf, type StoreRef } from '../../provider/store-ref.js';
import type { AnyStore } from '../../provider/store-view.js';
import type { ByteMap } from './byte-map.js';
import { describeDataEntry, describeDataFromEntry, describeStoreShort } from './entry-description.js';
import { EntryReadError, InvalidSpecError } from './external-secret-errors.js';
import { storeRefFor, type ResolvedStores } from './resolve-store.js';
import type { SecretValueSink } from './transform-data.js';

/** One entry's raw provider answer. `what` names the entry for messages. */
export type FetchedEntry =
  | {
      readonly source: 'dataFrom';
      readonly index: number;
      readonly what: string;
      readonly entry: ExternalSecretDataFromRemoteRef;
      readonly values: ByteMap;
    }
  | {
      readonly source: 'data';
      readonly index: number;
      readonly what: string;
      readonly entry: ExternalSecretData;
      readonly value: Uint8Array;
    };

/** An entry skipped because the remote secret does not exist (deletionPolicy ≠ Retain). */
export interface MissingEntry {
  readonly source: 'dataFrom' | 'data';
  readonly index: number;
  /** The remote key, for `data[]` entries. */
  readonly key?: string;
}

/** What {@link fetchRemoteData} returns. */
export interface FetchedRemoteData {
  readonly entries: readonly FetchedEntry[];
  readonly missing: readonly MissingEntry[];
}

/** Where provider clients come from (the per-store-generation client cache in production). */
export interface ClientSource {
  clientFor(store: AnyStore, namespace: string): Promise<SecretsClient>;
}

/** Options of {@link fetchRemoteData}. */
export interface FetchRemoteDataOptions {
  readonly es: ExternalSecret;
  readonly stores: ResolvedStores;
  readonly clients: ClientSource;
  readonly coalescer: Pick<ReadCoalescer, 'readAll' | 'getSecretMap' | 'getAllSecrets'>;
  /** Receives every fetched value so logs can redact it. @default none */
  readonly values?: SecretValueSink;
  /** How fresh the data must be, passed to every read. @default none (the providers' own cache policy) */
  readonly readOptions?: ReadOptions;
}

type Settled<T> =
  { readonly value: T; readonly error?: undefined } | { readonly error: Error; readonly value?: undefined };

function toRemoteRef(ref: ExternalSecretData['remoteRef']): RemoteRef {
  return { key: ref.key, property: ref.property, version: ref.version, metadataPolicy: ref.metadataPolicy };
}

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
  );
}

interface Context extends FetchRemoteDataOptions {
  readonly namespace: string;
}

function clientFor(context: Context, ref: StoreRef): Promise<SecretsClient> {
  const store = context.stores.byKey.get(storeKeyOf(ref));
  if (!store) return Promise.reject(new Error(`${storeKeyOf(ref)} was not resolved before fetching`));
  return context.clients.clientFor(store, context.namespace);
}

function readDataFrom(
  context: Context,
  entry: ExternalSecretDataFromRemoteRef,
  what: string,
): Promise<ByteMap> {
  if (!entry.extract && !entry.find) {
    return Promise.reject(
      new InvalidSpecError(`${what}: generators are not supported by Tessera; use extract or find`),
    );
  }
  const ref = storeRefFor(context.es, entry.sourceRef?.storeRef);
  return clientFor(context, ref).then((client) =>
    entry.extract
      ? context.coalescer.getSecretMap(client, toRemoteRef(entry.extract), context.readOptions)
      : context.coalescer.getAllSecrets(client, entry.find ?? {}, context.readOptions),
  );
}

/** Reads all `data[]` entries, one coalescer call per store; one settled result per entry, in order. */
async function readData(
  context: Context,
  entries: readonly ExternalSecretData[],
): Promise<Settled<Uint8Array>[]> {
  const groups = new Map<string, { ref: StoreRef; indexes: number[] }>();
  let byDefault: { ref: StoreRef; indexes: number[] } | undefined;
  entries.forEach((entry, index) => {
    const override = entry.sourceRef?.storeRef;
    if (override === undefined && byDefault !== undefined) return byDefault.indexes.push(index);
    const ref = storeRefFor(context.es, override);
    const key = storeKeyOf(ref);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { ref, indexes: [] }));
    group.indexes.push(index);
    if (override === undefined) byDefault = group;
  });
  const results: Settled<Uint8Array>[] = new Array(entries.length);
  await Promise.all(
    [...groups.values()].map(async ({ ref, indexes }) => {
      const client = await settle(clientFor(context, ref));
      const outcomes = client.error
        ? indexes.map(() => client)
        : await context.coalescer.readAll(
            client.value,
            indexes.map((i) => toRemoteRef(entries[i].remoteRef)),
            context.readOptions,
          );
      indexes.forEach((entryIndex, i) => (results[entryIndex] = outcomes[i] as Settled<Uint8Array>));
    }),
  );
  return results;
}

function entryError(what: string, ref: StoreRef, error: Error): EntryReadError {
  if (error instanceof InvalidSpecError) throw error;
  const store = describeStoreShort(ref);
  if (error instanceof SecretNotFoundError)
    return new EntryReadError(`${what}: not found in ${store}`, true, { cause: error });
  return new EntryReadError(`${what}: reading from ${store} failed: ${error.message}`, false, {
    cause: error,
  });
}

/** Reads every entry; see the module comment for order, coalescing and not-found handling. */
export async function fetchRemoteData(options: FetchRemoteDataOptions): Promise<FetchedRemoteData> {
  const context: Context = { ...options, namespace: options.es.metadata.namespace ?? '' };
  const dataFrom = options.es.spec.dataFrom ?? [];
  const data = options.es.spec.data ?? [];
  const [fromResults, dataResults] = await Promise.all([
    Promise.all(
      dataFrom.map((entry, index) =>
        settle(readDataFrom(context, entry, describeDataFromEntry(index, entry))),
      ),
    ),
    readData(context, data),
  ]);
  const skipMissing = (options.es.spec.target?.deletionPolicy ?? 'Retain') !== 'Retain';
  const entries: FetchedEntry[] = [];
  const missing: MissingEntry[] = [];
  dataFrom.forEach((entry, index) => {
    const what = describeDataFromEntry(index, entry);
    const result = fromResults[index];
    if (result.error === undefined)
      return entries.push({ source: 'dataFrom', index, what, entry, values: result.value });
    const error = entryError(what, storeRefFor(options.es, entry.sourceRef?.storeRef), result.error);
    if (!(error.notFound && skipMissing)) throw error;
    missing.push({ source: 'dataFrom', index });
  });
  data.forEach((entry, index) => {
    const what = describeDataEntry(index, entry);
    const result = dataResults[index];
    if (result.error === undefined)
      return entries.push({ source: 'data', index, what, entry, value: result.value });
    const error = entryError(what, storeRefFor(options.es, entry.sourceRef?.storeRef), result.error);
    if (!(error.notFound && skipMissing)) throw error;
    missing.push({ source: 'data', index, key: entry.remoteRef.key });
  });
  const sink = options.values;
  if (sink) {
    for (const entry of entries) {
      if (entry.source === 'data') sink.register(entry.value);
      else for (const value of Object.values(entry.values)) sink.register(value);
    }
  }
  return { entries, missing };
}
