/**
 * Turns a failed Connect call into the Tessera error the core acts on, with a message that names
 * what was being done (vault, item) and what to do next. Connect's own messages carry ids, never
 * values, so they are quoted.
 */
import {
  InvalidProviderConfigError,
  InvalidRequestError,
  ProviderUnavailableError,
  SecretNotFoundError,
  TesseraError,
} from '@tessera/core';
import { ConnectApiError } from './connect-model.js';

/** Maps `error` (thrown while `action`) to a {@link TesseraError}; a 404 becomes {@link SecretNotFoundError}. */
export function describeConnectFailure(error: unknown, action: string): TesseraError {
  if (error instanceof TesseraError) return error;
  if (!(error instanceof ConnectApiError)) {
    return new ProviderUnavailableError(`1Password Connect call failed while ${action}: ${String(error)}`, {
      cause: error,
    });
  }
  const what = `${error.describe()} while ${action}`;
  switch (true) {
    case error.status === 0:
      return new ProviderUnavailableError(
        `1Password Connect did not answer (${what}); check connectHost and that Connect is running`,
        {
          cause: error,
        },
      );
    case error.status === 401:
      return new InvalidProviderConfigError(
        `1Password Connect rejected the token (${what}); put a current Connect token in the token Secret`,
        {
          cause: error,
        },
      );
    case error.status === 403:
      return new InvalidProviderConfigError(
        `the Connect token may not access this vault (${what}); grant the token access to the vault in 1Password`,
        {
          cause: error,
        },
      );
    case error.status === 404:
      return new SecretNotFoundError(`not found in 1Password (${what})`, { cause: error });
    case error.status >= 500:
      return new ProviderUnavailableError(
        `1Password Connect failed (${what}); Tessera retries with backoff`,
        { cause: error },
      );
    default:
      return new InvalidRequestError(`1Password Connect refused the request (${what})`, { cause: error });
  }
}

/** True when a Connect 404 says the vault itself is gone (as opposed to an item or file). */
export function isVaultNotFound(error: unknown): boolean {
  return error instanceof ConnectApiError && error.status === 404 && /^vault /.test(error.message);
}

/** Like {@link describeConnectFailure} for calls on a vault: a 404 means the vault is gone, a config problem. */
export function describeVaultFailure(error: unknown, vaultName: string, action: string): TesseraError {
  if (error instanceof ConnectApiError && error.status === 404) {
    return new InvalidProviderConfigError(
      `vault "${vaultName}" was not found (${error.describe()} while ${action}); check spec.provider.onepassword.vaults`,
      { cause: error },
    );
  }
  if (error instanceof ConnectApiError && error.status === 403) {
    return new InvalidProviderConfigError(
      `the Connect token may not access vault "${vaultName}" (${error.describe()} while ${action}); grant the token access to that vault`,
      { cause: error },
    );
  }
  return describeConnectFailure(error, action);
}

/** Adds what was being checked to a token error, whose message cannot know it. Other errors pass unchanged. */
export function withCheckContext(error: unknown, checking: string): unknown {
  if (!(error instanceof InvalidProviderConfigError) || error.message.includes(checking)) return error;
  if (!/rejected the token/.test(error.message)) return error;
  return new InvalidProviderConfigError(`${error.message} (while checking ${checking})`, {
    cause: error.cause ?? error,
  });
}
