/**
 * Test support for this package's tests: a store view, an in-memory {@link ProviderKubeAccess}
 * holding the Connect token Secret, and a call observer that counts what the client reports.
 */
import {
  InvalidProviderConfigError,
  ManualClock,
  type ClientContext,
  type ProviderCallObserver,
  type ProviderKubeAccess,
  type SecretKeySelector,
  type StoreView,
} from '@tessera/core';
import type { OnePasswordProviderSpec } from './onepassword-spec.js';

/** Token Secrets by `namespace/name/key`; tests change them to simulate a token update. */
export class InMemoryTokenSecrets implements ProviderKubeAccess {
  readonly #values = new Map<string, string>();
  reads = 0;

  set(ref: { namespace: string; name: string; key: string }, value: string): void {
    this.#values.set(`${ref.namespace}/${ref.name}/${ref.key}`, value);
  }

  async readSecretKey(ref: SecretKeySelector): Promise<Uint8Array> {
    this.reads += 1;
    const value = this.#values.get(`${ref.namespace ?? ''}/${ref.name}/${ref.key ?? ''}`);
    if (value === undefined)
      throw new InvalidProviderConfigError(
        `Secret "${ref.namespace}/${ref.name}" key "${ref.key}" not found`,
      );
    return new TextEncoder().encode(value);
  }

  async createServiceAccountToken(): Promise<string> {
    throw new Error('not used by the 1Password provider');
  }
}

/** Calls the client reported, in order. */
export class RecordingCallObserver implements ProviderCallObserver {
  readonly calls: { operation: string; outcome: string }[] = [];

  observe(call: {
    operation: string;
    outcome: 'success' | 'error' | 'not_found' | 'throttled';
    seconds: number;
  }): void {
    this.calls.push({ operation: call.operation, outcome: call.outcome });
  }

  count(operation?: string): number {
    return this.calls.filter((c) => operation === undefined || c.operation === operation).length;
  }
}

/** The token Secret every test store points at. */
export const TOKEN_REF = {
  namespace: 'tessera-system',
  name: 'onepassword-connect-token',
  key: 'token',
} as const;

/** A ClusterSecretStore view for `connectHost` with the given vaults and annotations. */
export function aOnePasswordStore(options: {
  connectHost: string;
  vaults?: Record<string, number>;
  annotations?: Record<string, string>;
  name?: string;
}): StoreView<OnePasswordProviderSpec> {
  return {
    kind: 'ClusterSecretStore',
    name: options.name ?? 'onepassword',
    generation: 1,
    annotations: options.annotations ?? {},
    spec: {
      connectHost: options.connectHost,
      vaults: options.vaults ?? { infrastructure: 1, applications: 2 },
      auth: { secretRef: { connectTokenSecretRef: { ...TOKEN_REF } } },
    },
  };
}

/** Everything a client test needs around the client. */
export interface ClientHarness {
  readonly context: ClientContext<OnePasswordProviderSpec>;
  readonly secrets: InMemoryTokenSecrets;
  readonly calls: RecordingCallObserver;
  readonly clock: ManualClock;
}

/** A client context whose token Secret holds `token`. */
export function aClientHarness(
  store: StoreView<OnePasswordProviderSpec>,
  token: string,
  clock = new ManualClock(),
): ClientHarness {
  const secrets = new InMemoryTokenSecrets();
  secrets.set(TOKEN_REF, token);
  const calls = new RecordingCallObserver();
  return { context: { store, namespace: 'default', kube: secrets, calls }, secrets, calls, clock };
}

/** Decodes bytes as UTF-8 (test assertions). */
export function text(value: Uint8Array): string {
  return new TextDecoder().decode(value);
}

/** The error `promise` rejects with; fails the test when it resolves. */
export async function failureOf<E extends Error = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
