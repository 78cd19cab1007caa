/**
 * The hashes ESO writes on target Secrets and ExternalSecret status, reproduced byte for byte.
 *
 * ESO hashes Go's `fmt.Sprintf("%+v", x)` rendering with SHA3-224 (`runtime/esutils` `ObjectHash`).
 * We render the same text for the two shapes it hashes — `map[string][]byte` (Secret data) and the
 * `{annotations, labels}` struct (ExternalSecret metadata) — so a Secret or an ExternalSecret last
 * written by ESO is recognised as up to date and a takeover causes no rewrite.
 */
import * as crypto from 'node:crypto';

const DECIMAL = Array.from({ length: 256 }, (_, byte) => String(byte));
const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;

/** Lower-case hex SHA3-224 of a string (UTF-8) or bytes. */
export function sha3_224Hex(input: string | Uint8Array): string {
  return typeof crypto.hash === 'function'
    ? crypto.hash('sha3-224', input, 'hex')
    : crypto.createHash('sha3-224').update(input).digest('hex');
}

const recentHashes = new Map<string, string>();
const RECENT_HASHES = 4096;

/**
 * {@link sha3_224Hex} of metadata text (object names, label and annotation maps), remembering the
 * last few thousand: the same texts come back within a reconcile and across ExternalSecrets
 * (most have the same labels and annotations). Never use it for Secret data: it keeps its inputs.
 */
export function metadataSha3_224Hex(text: string): string {
  let hash = recentHashes.get(text);
  if (hash === undefined) {
    hash = sha3_224Hex(text);
    if (recentHashes.size >= RECENT_HASHES) recentHashes.delete(recentHashes.keys().next().value as string);
    recentHashes.set(text, hash);
  }
  return hash;
}

/**
 * Go's map key order: byte-wise comparison of the UTF-8 encodings. UTF-8 preserves code point
 * order, so below the surrogate range the first differing UTF-16 unit decides; only surrogates
 * (astral characters, lone halves) need the encodings themselves.
 */
export function goKeyOrder(a: string, b: string): number {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    if (ca < HIGH_SURROGATE_FIRST && cb < HIGH_SURROGATE_FIRST) return ca - cb;
    return utf8Order(a, b);
  }
  const last = common > 0 ? a.charCodeAt(common - 1) : 0;
  if (a.length !== b.length && last >= HIGH_SURROGATE_FIRST && last <= HIGH_SURROGATE_LAST)
    return utf8Order(a, b);
  return a.length - b.length;
}

function utf8Order(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Bytes as Go prints a `[]byte` inside `%+v`, without the brackets: `104 105`. */
function goBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  let out = DECIMAL[bytes[0]];
  for (let i = 1; i < bytes.length; i++) out += ` ${DECIMAL[bytes[i]]}`;
  return out;
}

/** Renders `map[string][]byte` as Go's `%+v` does: `map[a:[104 105] b:[]]`, keys sorted. */
export function goFormatByteMap(data: Readonly<Record<string, Uint8Array>>): string {
  const keys = Object.keys(data).sort(goKeyOrder);
  let out = 'map[';
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out += ' ';
    out += `${keys[i]}:[${goBytes(data[keys[i]])}]`;
  }
  return `${out}]`;
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

/**
 * ESO's `hashMeta`: hash of an object's labels and annotations. For ExternalSecrets only: the text
 * is memoised ({@link metadataSha3_224Hex}), and a Secret's annotations can hold its data
 * (kubectl's last-applied-configuration).
 */
export function metaHash(metadata: {
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}): string {
  return metadataSha3_224Hex(
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
