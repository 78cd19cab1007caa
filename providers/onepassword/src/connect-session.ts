/**
 * A {@link ConnectApi} that owns the Connect token. The token is read from its Secret when the
 * client starts; when Connect answers 401 the Secret is read again and, if it holds a new token, the
 * call is retried once with it. If the token is unchanged, the rejection is remembered and calls
 * fail fast for `holdMs` without contacting Connect (failed calls count against 1Password's rate
 * limits); after that the Secret is read again and one call probes Connect.
 */
import { InvalidProviderConfigError, type Clock } from '@tessera/core';
import {
  ConnectApiError,
  type ConnectApi,
  type ConnectField,
  type ConnectItem,
  type ConnectItemDraft,
} from './connect-model.js';

/** Options of {@link ConnectSession}. */
export interface ConnectSessionOptions {
  readonly clock: Clock;
  /** Reads the current token (from the store's `connectTokenSecretRef`). */
  readonly readToken: () => Promise<string>;
  /** Builds an API client for one token. */
  readonly connect: (token: string) => ConnectApi;
  /** Names the token Secret in messages, e.g. `Secret "ns/name" key "token"`. */
  readonly tokenSource: string;
  /** How long a rejected token fails fast. @default 10_000 */
  readonly holdMs?: number;
}

interface Rejection {
  readonly token: string;
  readonly until: number;
  readonly error: InvalidProviderConfigError;
}

/** Token-aware Connect API for one client. */
export class ConnectSession implements ConnectApi {
  #token = '';
  #api: ConnectApi | undefined;
  #rejection: Rejection | undefined;

  constructor(private readonly options: ConnectSessionOptions) {}

  /** Reads the token now (so a missing Secret fails client creation). */
  async start(): Promise<void> {
    await this.#reload();
  }

  /** Reads the token Secret again; a new token clears any remembered rejection. Returns whether it changed. */
  recheckToken(): Promise<boolean> {
    return this.#reload();
  }

  listVaults = () => this.#run((api) => api.listVaults());
  getVault = (vaultId: string) => this.#run((api) => api.getVault(vaultId));
  listItems = (vaultId: string) => this.#run((api) => api.listItems(vaultId));
  getItem = (vaultId: string, itemId: string) => this.#run((api) => api.getItem(vaultId, itemId));
  getFileContent = (vaultId: string, itemId: string, fileId: string) =>
    this.#run((api) => api.getFileContent(vaultId, itemId, fileId));
  createItem = (vaultId: string, draft: ConnectItemDraft) =>
    this.#run((api) => api.createItem(vaultId, draft));
  updateItem = (
    vaultId: string,
    current: ConnectItem,
    changes: { fields: readonly ConnectField[]; tags: readonly string[] },
  ) => this.#run((api) => api.updateItem(vaultId, current, changes));
  deleteItem = (vaultId: string, itemId: string) => this.#run((api) => api.deleteItem(vaultId, itemId));

  async #run<T>(fn: (api: ConnectApi) => Promise<T>): Promise<T> {
    await this.#passRejection();
    const used = this.#token;
    try {
      return await fn(this.#requireApi());
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      // Another call may have switched tokens meanwhile; otherwise read the Secret again.
      if (this.#token !== used || (await this.#reload())) {
        const retried = this.#token;
        try {
          return await fn(this.#requireApi());
        } catch (retryError) {
          if (!isUnauthorized(retryError)) throw retryError;
          throw this.#reject(retryError, retried);
        }
      }
      throw this.#reject(error, used);
    }
  }

  async #passRejection(): Promise<void> {
    const rejection = this.#rejection;
    if (!rejection) return;
    if (this.options.clock.now() < rejection.until) throw rejection.error;
    this.#rejection = undefined;
    await this.#reload();
  }

  /** Builds the error for a rejected token; remembers it only if that token is still the current one. */
  #reject(error: ConnectApiError, token: string): InvalidProviderConfigError {
    const rejected = new InvalidProviderConfigError(
      `1Password Connect rejected the token in ${this.options.tokenSource} (${error.describe()}): it is wrong, revoked or was rotated; ` +
        'put the current Connect token in that Secret',
      { cause: error },
    );
    if (token === this.#token) {
      this.#rejection = {
        token,
        until: this.options.clock.now() + (this.options.holdMs ?? 10_000),
        error: rejected,
      };
    }
    return rejected;
  }

  async #reload(): Promise<boolean> {
    const token = (await this.options.readToken()).trim();
    if (token === '') {
      throw new InvalidProviderConfigError(
        `${this.options.tokenSource} is empty; put the Connect token there`,
      );
    }
    if (token === this.#token && this.#api) return false;
    this.#token = token;
    this.#api = this.options.connect(token);
    this.#rejection = undefined;
    return true;
  }

  #requireApi(): ConnectApi {
    if (!this.#api) throw new Error('ConnectSession used before start()');
    return this.#api;
  }
}

function isUnauthorized(error: unknown): error is ConnectApiError {
  return error instanceof ConnectApiError && error.status === 401;
}
