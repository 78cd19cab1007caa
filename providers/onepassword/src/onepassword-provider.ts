/**
 * The 1Password Connect {@link Provider}: validates store blocks and builds clients. The only
 * state it keeps is each store's {@link RequestGate} (request budget and 429 back-off), so that a
 * new client for a new store generation cannot send before `Retry-After` either.
 */
import {
  systemClock,
  type ClientContext,
  type Clock,
  type Provider,
  type SecretsClient,
  type StoreView,
} from '@tessera/core';
import type { ConnectApi } from './connect-model.js';
import { ConnectSession } from './connect-session.js';
import { ConnectTransport } from './connect-transport.js';
import { ItemIndex } from './item-index.js';
import { ItemLocator } from './item-locator.js';
import { ItemReader } from './item-reader.js';
import { createConnectApi } from './onepassword-api.js';
import { OnePasswordClient } from './onepassword-client.js';
import { settingsFromAnnotations } from './onepassword-settings.js';
import type { OnePasswordProviderSpec } from './onepassword-spec.js';
import { PushWriter } from './push-writer.js';
import { RequestGate } from './request-gate.js';
import { validateOnePasswordStore } from './validate-store.js';
import { VaultDirectory } from './vault-directory.js';

/** Options of {@link OnePasswordProvider}; every field has a production default. */
export interface OnePasswordProviderOptions {
  /** @default the system clock */
  readonly clock?: Clock;
  /** Longest a request waits for the store's budget before RateLimitedError. @default 10_000 */
  readonly maxBudgetWaitMs?: number;
  /** How long a rejected token fails fast before Connect is asked again. @default 10_000 */
  readonly tokenHoldMs?: number;
  /** On a missing key, item lists older than this are fetched again once. @default 5_000 */
  readonly missRelistAfterMs?: number;
  /** Item cache bounds. @default 500 items, 200 files, 1 h */
  readonly itemCache?: { readonly maxItems?: number; readonly maxFiles?: number; readonly ttlMs?: number };
  /** Per-request timeout. @default 15_000 */
  readonly requestTimeoutMs?: number;
}

/** Factory of 1Password Connect clients. */
export class OnePasswordProvider implements Provider<OnePasswordProviderSpec> {
  readonly #gates = new Map<string, RequestGate>();
  readonly #clock: Clock;

  constructor(private readonly options: OnePasswordProviderOptions = {}) {
    this.#clock = options.clock ?? systemClock;
  }

  validateStore(store: StoreView<OnePasswordProviderSpec>): readonly string[] {
    return validateOnePasswordStore(store);
  }

  async newClient(context: ClientContext<OnePasswordProviderSpec>): Promise<SecretsClient> {
    const { store } = context;
    validateOnePasswordStore(store);
    const settings = settingsFromAnnotations(store.annotations);
    const transport = new ConnectTransport({
      gate: this.#gateFor(store, settings.requestsPerHour),
      calls: context.calls,
      ...(this.options.requestTimeoutMs !== undefined ? { timeoutMs: this.options.requestTimeoutMs } : {}),
    });
    const session = this.#session(context, transport);
    await session.start();
    return this.#assemble(session, store.spec.vaults, settings.cacheTtlMs);
  }

  #session(context: ClientContext<OnePasswordProviderSpec>, transport: ConnectTransport): ConnectSession {
    const ref = context.store.spec.auth.secretRef.connectTokenSecretRef;
    const namespace = ref.namespace ?? context.store.namespace ?? context.namespace;
    const serverUrl = context.store.spec.connectHost.endsWith('/')
      ? context.store.spec.connectHost
      : `${context.store.spec.connectHost}/`;
    return new ConnectSession({
      clock: this.#clock,
      readToken: async () => new TextDecoder().decode(await context.kube.readSecretKey(ref)),
      connect: (token) => createConnectApi({ serverUrl, token, transport }),
      tokenSource: `Secret "${namespace}/${ref.name}" key "${ref.key}"`,
      ...(this.options.tokenHoldMs !== undefined ? { holdMs: this.options.tokenHoldMs } : {}),
    });
  }

  #assemble(
    api: ConnectSession,
    vaultSpec: Readonly<Record<string, number>>,
    cacheTtlMs: number,
  ): OnePasswordClient {
    const clock = this.#clock;
    const connect: ConnectApi = api;
    const vaults = new VaultDirectory(connect, vaultSpec);
    const index = new ItemIndex({ api: connect, clock, ttlMs: cacheTtlMs });
    const reader = new ItemReader({ api: connect, clock, ...this.options.itemCache });
    const locator = new ItemLocator({
      vaults,
      index,
      ...(this.options.missRelistAfterMs !== undefined
        ? { missRelistAfterMs: this.options.missRelistAfterMs }
        : {}),
    });
    const writer = new PushWriter({ api: connect, vaults, index, locator, reader });
    return new OnePasswordClient({ session: api, vaults, index, reader, locator, writer, clock });
  }

  #gateFor(store: StoreView<OnePasswordProviderSpec>, requestsPerHour: number | undefined): RequestGate {
    const key = `${store.kind}/${store.namespace ?? ''}/${store.name}`;
    let gate = this.#gates.get(key);
    if (!gate) {
      const storeName = store.namespace
        ? `${store.kind} ${store.namespace}/${store.name}`
        : `${store.kind} ${store.name}`;
      gate = new RequestGate({
        clock: this.#clock,
        storeName,
        ...(requestsPerHour !== undefined ? { requestsPerHour } : {}),
        ...(this.options.maxBudgetWaitMs !== undefined ? { maxWaitMs: this.options.maxBudgetWaitMs } : {}),
      });
      this.#gates.set(key, gate);
    }
    gate.configure(requestsPerHour);
    return gate;
  }
}
