/**
 * Step: turn what the provider returned into the Secret's key → value map (ESO B.3, B.13).
 *
 * `dataFrom[]` entries, in order: rewrites, or `conversionStrategy` when there are no rewrites (the
 * conversion applies to extract/find only), then key validation, `decodingStrategy`, `nullBytePolicy`;
 * later entries overwrite earlier keys. Then `data[]` entries, in order: `decodingStrategy`,
 * `nullBytePolicy`, stored under `secretKey` — so `data[]` wins over `dataFrom[]`.
 * Errors name the entry and the key, never a value.
 */
import { setEntry, type ByteMap } from './byte-map.js';
import { decodeValue } from './decoding.js';
import { DataTransformError } from './external-secret-errors.js';
import type { FetchedEntry } from './fetch-remote-data.js';
import { rewriteKeys } from './rewrite-keys.js';
import { convertKeys, validateKeys } from './secret-keys.js';
import type { TemplateRenderer } from './template-renderer.js';

/** Receives every value that reaches the Secret, so logs can redact it. */
export interface SecretValueSink {
  register(value: Uint8Array): void;
}

/** Options of {@link transformData}. */
export interface TransformDataOptions {
  /** The fetched entries, in any order; they are applied in ESO's order. */
  readonly entries: readonly FetchedEntry[];
  /** Renders `rewrite.transform` templates. */
  readonly renderer: TemplateRenderer;
  /** @default none */
  readonly values?: SecretValueSink;
}

function checkNullBytes(policy: string | undefined, value: Uint8Array, what: string): void {
  if (policy === 'Fail' && value.includes(0)) {
    throw new DataTransformError(
      `${what}: value contains a NUL byte (nullBytePolicy=Fail); fix the remote value or use nullBytePolicy Ignore`,
    );
  }
}

async function transformDataFrom(
  entry: Extract<FetchedEntry, { source: 'dataFrom' }>,
  renderer: TemplateRenderer,
): Promise<ByteMap> {
  const settings = entry.entry.extract ?? entry.entry.find ?? {};
  const rewrites = entry.entry.rewrite ?? [];
  let data =
    rewrites.length > 0
      ? await rewriteKeys(rewrites, entry.values, { what: entry.what, renderer })
      : convertKeys(settings.conversionStrategy, entry.values, entry.what);
  data = validateKeys(data, entry.what);
  const out: ByteMap = {};
  for (const [key, raw] of Object.entries(data)) {
    const what = `${entry.what} key "${key}"`;
    const value = decodeValue(settings.decodingStrategy, raw, what);
    checkNullBytes(settings.nullBytePolicy, value, what);
    setEntry(out, key, value);
  }
  return out;
}

function transformDataEntry(entry: Extract<FetchedEntry, { source: 'data' }>): Uint8Array {
  const { decodingStrategy, nullBytePolicy } = entry.entry.remoteRef;
  const value = decodeValue(decodingStrategy, entry.value, entry.what);
  checkNullBytes(nullBytePolicy, value, entry.what);
  return value;
}

/** Applies decoding, conversion, rewrites, key validation and NUL checks, and merges in ESO's order. */
export async function transformData(options: TransformDataOptions): Promise<ByteMap> {
  const ordered = [...options.entries].sort((a, b) =>
    a.source === b.source ? a.index - b.index : a.source === 'dataFrom' ? -1 : 1,
  );
  const out: ByteMap = {};
  for (const entry of ordered) {
    if (entry.source === 'dataFrom') {
      for (const [key, value] of Object.entries(await transformDataFrom(entry, options.renderer)))
        setEntry(out, key, value);
    } else {
      setEntry(out, entry.entry.secretKey, transformDataEntry(entry));
    }
  }
  for (const value of Object.values(out)) options.values?.register(value);
  return out;
}
