/**
 * Typed errors of the ExternalSecret reconcile. Each class is named for what went wrong; `reason`
 * feeds logs and metric labels, while the Ready condition keeps ESO's reason (`SecretSyncedError`)
 * and ESO's fixed message, followed by this error's message (which names the failing entry).
 * No message ever contains a secret value: only entry positions, key names and store names.
 */
import { TesseraError } from '../../provider/errors.js';
import { TerminalError } from '../reconciler.js';

/** The ExternalSecret's spec cannot work as written (ESO rejects it at admission). Not retried. */
export class InvalidSpecError extends TerminalError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { reason: 'InvalidSpec', cause: options.cause });
  }
}

/** A referenced SecretStore / ClusterSecretStore does not exist. Retried with backoff. */
export class StoreNotFoundError extends TesseraError {
  readonly reason = 'StoreNotFound';
}

/** A referenced store exists but is not Ready (ESO's flood gate). Retried; re-queued when it becomes Ready. */
export class StoreNotReadyError extends TesseraError {
  readonly reason = 'StoreNotReady';
}

/** Reading one entry from the provider failed; the message names the entry and the store. */
export class EntryReadError extends TesseraError {
  readonly reason: string;
  constructor(
    message: string,
    readonly notFound: boolean,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.reason = notFound ? 'SecretNotFound' : (reasonOf(options.cause) ?? 'ProviderError');
  }
}

/** Fetched data cannot be turned into Secret keys (decoding, key names, NUL bytes, rewrite). Retried. */
export class DataTransformError extends TesseraError {
  readonly reason = 'DataTransformFailed';
}

/** The target Secret is controlled by another ExternalSecret. Not retried (ESO `ErrSecretIsOwned`). */
export class TargetOwnedError extends TerminalError {
  constructor(message: string) {
    super(message, { reason: 'SecretIsOwned' });
  }
}

/** The target Secret is controlled by another (non-ExternalSecret) controller. Not retried. */
export class TakeOwnershipError extends TerminalError {
  constructor(message: string) {
    super(message, { reason: 'TakeOwnershipFailed' });
  }
}

/** The target Secret is immutable and its data or type would change. Not retried (B.10). */
export class TargetImmutableError extends TerminalError {
  constructor(message: string) {
    super(message, { reason: 'SecretImmutable' });
  }
}

/**
 * A step failed: `conditionMessage` is ESO's fixed Ready message for that step ("could not get secret
 * data from provider", …) and `cause` the typed error. The reconciler turns it into status and an
 * event, then rethrows `cause` so the runner retries or stops as the cause says.
 */
export class SyncFailure extends Error {
  constructor(
    readonly conditionMessage: string,
    override readonly cause: Error,
  ) {
    super(`${conditionMessage}: ${cause.message}`, { cause });
    this.name = 'SyncFailure';
  }
}

/**
 * Runs `step`, wrapping any error as a {@link SyncFailure} whose condition message is
 * `conditionMessage` (or what it returns for the error).
 */
export async function asStep<T>(
  conditionMessage: string | ((error: Error) => string),
  step: () => T | Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (thrown) {
    if (thrown instanceof SyncFailure) throw thrown;
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    throw new SyncFailure(
      typeof conditionMessage === 'string' ? conditionMessage : conditionMessage(error),
      error,
    );
  }
}

function reasonOf(cause: unknown): string | undefined {
  return cause instanceof TesseraError ? cause.reason : undefined;
}
