/**
 * The hashes ESO writes on target Secrets and ExternalSecret status, reproduced byte for byte.
 *
 * ESO hashes Go's `fmt.Sprintf("%+v", x)` rendering with SHA3-224 (`runtime/esutils` `ObjectHash`).
 * We render the same text for the two shapes it hashes — `map[string][]byte` (Secret data) and the
 * `{annotations, labels}` struct (ExternalSecret metadata) — so a Secret or an ExternalSecret last
 * written by ESO is recognised as up to date and a takeover causes no rewrite.
 */
import { createHash } from 'node:crypto';

/** Lower-case hex SHA3-224 of a string (UTF-8) or bytes. */
export function sha3_224Hex(input: string | Uint8Array): string {
  return createHash('sha3-224').update(input).digest('hex');
}

/** Go's map key order: byte-wise comparison of the UTF-8 encodings. */
function goKeyOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Renders `map[string][]byte` as Go's `%+v` does: `map[a:[104 105] b:[]]`, keys sorted. */
export function goFormatByteMap(data: Readonly<Record<string, Uint8Array>>): string {
  const entries = Object.keys(data)
    .sort(goKeyOrder)
    .map((key) => `${key}:[${Array.from(data[key]).join(' ')}]`);
  return `map[${entries.join(' ')}]`;
}

/** Renders `map[string]string` as Go's `%+v` does: `map[a:x b:y]`, keys sorted, strings unquoted. */
export function goFormatStringMap(map: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.keys(map ?? {})
    .sort(goKeyOrder)
    .map((key) => `${key}:${(map ?? {})[key]}`);
  return `map[${entries.join(' ')}]`;
}

/** The `reconcile.external-secrets.io/data-hash` value of a Secret's (decoded) data. */
export function dataHash(data: Readonly<Record<string, Uint8Array>>): string {
  return sha3_224Hex(goFormatByteMap(data));
}

/** ESO's `hashMeta`: hash of an object's labels and annotations. */
export function metaHash(metadata: {
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}): string {
  return sha3_224Hex(
    `{annotations:${goFormatStringMap(metadata.annotations)} labels:${goFormatStringMap(metadata.labels)}}`,
  );
}

/**
 * `status.syncedResourceVersion` for an ExternalSecret: `<generation>-<hash of labels+annotations>`.
 * Any spec, label or annotation change makes it differ, which is how a sync is forced (B.7).
 */
export function syncedResourceVersionOf(object: {
  readonly metadata: {
    readonly generation?: number;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
}): string {
  return `${object.metadata.generation ?? 0}-${metaHash(object.metadata)}`;
}
