/**
 * Typed errors shared by providers and the core. Each class is named for the status-condition
 * reason or metric label it becomes; messages say what is wrong and what to do, and never contain
 * a secret value. Wrap causes with `{ cause }`.
 */

/** Base class: `reason` goes unchanged into condition reasons and metric labels. */
export abstract class TesseraError extends Error {
  abstract readonly reason: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The remote secret does not exist. Drives deletionPolicy; the only read error that may remove data. */
export class SecretNotFoundError extends TesseraError {
  readonly reason = 'SecretNotFound';
}

/** The store's provider block or its credentials are unusable until the user fixes them. */
export class InvalidProviderConfigError extends TesseraError {
  readonly reason = 'InvalidProviderConfig';
}

/** The request itself cannot succeed (unsupported option, ambiguous key, bad property). */
export class InvalidRequestError extends TesseraError {
  readonly reason = 'InvalidRequest';
}

/** The feature is not supported by this provider (e.g. `version` on 1Password). */
export class NotSupportedError extends TesseraError {
  readonly reason = 'NotSupported';
}

/** The backend asked us to slow down; nothing should be sent before `retryAfterMs` has passed. */
export class RateLimitedError extends TesseraError {
  readonly reason = 'RateLimited';
  constructor(
    message: string,
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The backend could not be reached or failed (5xx, timeouts). Retried with backoff. */
export class ProviderUnavailableError extends TesseraError {
  readonly reason = 'ProviderUnavailable';
}
