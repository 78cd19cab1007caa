/**
 * The reconcile contract, after controller-runtime and kube-rs: a reconciler is handed the key of an
 * object, reads the current state itself (level-based), and answers with what should happen next.
 *
 * - return {@link requeue}`(ms)`: done for now, look again after `ms` (periodic refresh);
 * - return {@link awaitChange}`()`: done, look again only when a watched object changes;
 * - throw any error: retry with per-key exponential backoff;
 * - throw {@link TerminalError}: the input cannot succeed until the user edits it, do not retry;
 * - throw a `RateLimitedError` (provider errors): retry after the delay the backend asked for.
 */
import { TesseraError } from '../provider/errors.js';

/** Identifies the object to reconcile. `namespace` is absent for cluster-scoped kinds. */
export interface ObjectKey {
  readonly namespace?: string;
  readonly name: string;
}

/** What a reconcile asks for next. */
export type ReconcileResult = { readonly requeueAfter: number } | 'awaitChange';

/** Reconciles one kind. Implementations must be safe to call concurrently for different keys. */
export interface Reconciler {
  reconcile(key: ObjectKey): Promise<ReconcileResult>;
}

/** Look again after `ms` milliseconds (a non-positive value means "as soon as possible"). */
export function requeue(ms: number): ReconcileResult {
  return { requeueAfter: ms };
}

/** Look again only when a watched object changes. */
export function awaitChange(): ReconcileResult {
  return 'awaitChange';
}

/**
 * The reconcile failed in a way retries cannot fix (invalid spec, forbidden reference); the key is
 * not retried until its object changes. `reason` becomes the condition reason and metric label.
 */
export class TerminalError extends TesseraError {
  readonly reason: string;

  constructor(message: string, options: { reason?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.reason = options.reason ?? 'Terminal';
  }
}

/** Formats a key the way the work queue stores it: `namespace/name`, or `name` when cluster-scoped. */
export function objectKeyToString(key: ObjectKey): string {
  return key.namespace ? `${key.namespace}/${key.name}` : key.name;
}

/** Parses a key produced by {@link objectKeyToString}. */
export function parseObjectKey(key: string): ObjectKey {
  const slash = key.indexOf('/');
  return slash < 0 ? { name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** The key of an object's metadata. */
export function objectKeyOf(object: { metadata: { name?: string; namespace?: string } }): ObjectKey {
  const { name = '', namespace } = object.metadata;
  return namespace ? { namespace, name } : { name };
}
