/**
 * `dataFrom[].rewrite[]`, applied in order to the keys of one entry (ESO `RewriteMap`):
 * - `regexp`: Go `ReplaceAllString` on every key (see `go-regexp-replace.ts` for `$1x`);
 * - `transform`: a template per key, rendered through the {@link TemplateRenderer} seam;
 * - `merge`: every value parsed as a JSON object and merged (see {@link rewriteMerge}).
 * Later keys overwrite earlier ones when two keys collide, as Go's map assignment does.
 */
import type { ExternalSecretRewrite } from '../../api/v1/index.js';
import { setEntry, type ByteMap } from './byte-map.js';
import { DataTransformError } from './external-secret-errors.js';
import { compileGoRegexp, goReplaceAll } from './go-regexp-replace.js';
import { goByteValue, goJsonMarshal } from './go-json.js';
import type { TemplateRenderer } from './template-renderer.js';

type MergeOperation = NonNullable<ExternalSecretRewrite['merge']>;

/** Applies every rewrite in order. `what` names the entry in errors. */
export async function rewriteKeys(
  operations: readonly ExternalSecretRewrite[],
  data: Readonly<ByteMap>,
  options: { readonly what: string; readonly renderer: TemplateRenderer },
): Promise<ByteMap> {
  let out: ByteMap = { ...data };
  for (const [index, operation] of operations.entries()) {
    const where = `${options.what} rewrite[${index}]`;
    if (operation.regexp) out = rewriteRegexp(operation.regexp, out, where);
    else if (operation.transform)
      out = await rewriteTransform(operation.transform.template, out, options.renderer);
    else if (operation.merge) out = rewriteMerge(operation.merge, out, where);
  }
  return out;
}

function rewriteRegexp(operation: { source: string; target: string }, data: ByteMap, where: string): ByteMap {
  let regexp;
  try {
    regexp = compileGoRegexp(operation.source);
  } catch (error) {
    throw new DataTransformError(
      `${where}: regexp.source "${operation.source}" is not a valid RE2 expression`,
      {
        cause: error,
      },
    );
  }
  const out: ByteMap = {};
  for (const [key, value] of Object.entries(data))
    setEntry(out, goReplaceAll(regexp, key, operation.target), value);
  return out;
}

async function rewriteTransform(
  template: string,
  data: ByteMap,
  renderer: TemplateRenderer,
): Promise<ByteMap> {
  const out: ByteMap = {};
  for (const [key, value] of Object.entries(data))
    setEntry(out, await renderer.renderKey(template, key), value);
  return out;
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Non-priority keys in byte order, then the priority list as written. */
function mergeOrder(operation: MergeOperation, data: ByteMap): string[] {
  const priority = operation.priority ?? [];
  const rest = Object.keys(data).filter((key) => !priority.includes(key));
  return [...rest.sort(byteOrder), ...priority];
}

function parseObject(data: ByteMap, key: string, where: string): Record<string, unknown> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(data[key]).toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (parsed === null) return null;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DataTransformError(`${where}: merge failed: the value of key "${key}" is not a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * ESO `RewriteMerge`: merges the JSON objects held in every value. Conflicting members fail unless
 * `conflictPolicy: Ignore` (the later key wins); `strategy: Extract` (default) makes the merged
 * members the new keys, `JSON` adds the merged object under `into` and keeps the original keys.
 */
export function rewriteMerge(operation: MergeOperation, data: Readonly<ByteMap>, where: string): ByteMap {
  const merged = new Map<string, unknown>();
  const conflicts = new Set<string>();
  for (const key of mergeOrder(operation, data)) {
    if (!Object.hasOwn(data, key)) {
      if (operation.priorityPolicy === 'IgnoreNotFound') continue;
      throw new DataTransformError(
        `${where}: merge failed: priority key "${key}" is not in the data (priorityPolicy=Strict)`,
      );
    }
    const object = parseObject(data, key, where);
    for (const [member, value] of Object.entries(object ?? {})) {
      if (merged.has(member)) conflicts.add(member);
      merged.set(member, value);
    }
  }
  if (operation.conflictPolicy !== 'Ignore' && conflicts.size > 0) {
    throw new DataTransformError(
      `${where}: merge failed with conflicts: ${[...conflicts].sort(byteOrder).join(', ')} (set conflictPolicy: Ignore to let later keys win)`,
    );
  }
  const out: ByteMap = {};
  if (operation.strategy === 'JSON') {
    if (!operation.into)
      throw new DataTransformError(`${where}: merge with strategy JSON needs "into"; name the key to write`);
    for (const [key, value] of Object.entries(data)) setEntry(out, key, value);
    const json = goJsonMarshal(Object.fromEntries(merged), { escapeHtml: false });
    setEntry<Uint8Array>(out, operation.into, new Uint8Array(Buffer.from(json, 'utf8')));
    return out;
  }
  for (const [member, value] of merged) setEntry(out, member, goByteValue(value));
  return out;
}
