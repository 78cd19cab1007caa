/**
 * A scriptable provider for core unit tests (core cannot depend on provider packages): values in a
 * map, every call recorded, optional batch read, and a gate that holds calls until released so
 * tests can observe calls in flight without sleeping.
 */
import { Type } from '@sinclair/typebox';
import { SecretNotFoundError } from '../provider/errors.js';
import type {
  BatchReadResult,
  ClientContext,
  FindQuery,
  Provider,
  ProviderContribution,
  PushRemoteRef,
  PushRequest,
  RemoteRef,
  SecretsClient,
  ValidationResult,
} from '../provider/provider.js';

/** Options of {@link StubSecretsClient}. */
export interface StubClientOptions {
  /** Remote key → value (text). A JSON value allows `property` reads (top-level fields). */
  readonly values?: Record<string, string>;
  /** Give the client a `getSecrets` batch read. @default false */
  readonly batch?: boolean;
  /** What `validate()` answers; an Error is thrown. @default 'Ready' */
  readonly validation?: ValidationResult | Error;
}

/** One recorded client call. */
export interface StubCall {
  readonly operation: string;
  readonly keys: readonly string[];
}

/** An in-memory {@link SecretsClient}. */
export class StubSecretsClient implements SecretsClient {
  readonly calls: StubCall[] = [];
  readonly getSecrets?: (refs: readonly RemoteRef[]) => Promise<BatchReadResult[]>;
  closed = 0;
  private gate?: Promise<void>;
  private openGate?: () => void;
  private readonly values: Map<string, string>;

  constructor(private readonly options: StubClientOptions = {}) {
    this.values = new Map(Object.entries(options.values ?? {}));
    if (options.batch) this.getSecrets = (refs) => this.batchRead(refs);
  }

  /** Holds every later call until {@link release}. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }
  /** Lets held calls continue. */
  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }
  /** Changes a remote value. */
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
  /** Number of calls of one operation. */
  count(operation: string): number {
    return this.calls.filter((call) => call.operation === operation).length;
  }

  async getSecret(ref: RemoteRef): Promise<Uint8Array> {
    await this.enter('getSecret', [ref.key]);
    return this.read(ref);
  }
  async getSecretMap(ref: RemoteRef): Promise<Record<string, Uint8Array>> {
    await this.enter('getSecretMap', [ref.key]);
    const parsed = JSON.parse(new TextDecoder().decode(this.read({ key: ref.key }))) as Record<
      string,
      unknown
    >;
    return Object.fromEntries(
      Object.entries(parsed).map(([key, value]) => [
        key,
        encode(typeof value === 'string' ? value : JSON.stringify(value)),
      ]),
    );
  }
  async getAllSecrets(find: FindQuery): Promise<Record<string, Uint8Array>> {
    await this.enter('getAllSecrets', []);
    const pattern = new RegExp(find.name?.regexp ?? '');
    return Object.fromEntries(
      [...this.values].filter(([key]) => pattern.test(key)).map(([key, value]) => [key, encode(value)]),
    );
  }
  async pushSecret(request: PushRequest): Promise<void> {
    await this.enter('pushSecret', [request.remote.remoteKey]);
    this.values.set(request.remote.remoteKey, new TextDecoder().decode(request.value));
  }
  async deleteSecret(remote: PushRemoteRef): Promise<void> {
    await this.enter('deleteSecret', [remote.remoteKey]);
    this.values.delete(remote.remoteKey);
  }
  async secretExists(remote: PushRemoteRef): Promise<boolean> {
    await this.enter('secretExists', [remote.remoteKey]);
    return this.values.has(remote.remoteKey);
  }
  async validate(): Promise<ValidationResult> {
    await this.enter('validate', []);
    const validation = this.options.validation ?? 'Ready';
    if (validation instanceof Error) throw validation;
    return validation;
  }
  async close(): Promise<void> {
    this.closed++;
  }

  private async batchRead(refs: readonly RemoteRef[]): Promise<BatchReadResult[]> {
    await this.enter(
      'getSecrets',
      refs.map((ref) => ref.key),
    );
    return refs.map((ref) => {
      try {
        return { value: this.read(ref) };
      } catch (error) {
        return { error: error as Error };
      }
    });
  }

  private async enter(operation: string, keys: readonly string[]): Promise<void> {
    this.calls.push({ operation, keys });
    if (this.gate) await this.gate;
  }

  private read(ref: RemoteRef): Uint8Array {
    const value = this.values.get(ref.key);
    if (value === undefined) throw new SecretNotFoundError(`remote secret "${ref.key}" does not exist`);
    if (!ref.property) return encode(value);
    const field = (JSON.parse(value) as Record<string, unknown>)[ref.property];
    if (field === undefined)
      throw new SecretNotFoundError(`remote secret "${ref.key}" has no property "${ref.property}"`);
    return encode(typeof field === 'string' ? field : JSON.stringify(field));
  }
}

/** A provider whose clients come from `clientFor`; counts `newClient` calls and can fail them. */
export class StubProvider implements Provider {
  readonly contexts: ClientContext[] = [];
  /** When set, `newClient` throws it. */
  failWith?: Error;
  /** Warnings (or an error to throw) from `validateStore`. */
  storeCheck: readonly string[] | Error = [];

  constructor(
    private readonly clientFor: (context: ClientContext) => SecretsClient = () => new StubSecretsClient(),
  ) {}

  validateStore(): readonly string[] {
    if (this.storeCheck instanceof Error) throw this.storeCheck;
    return this.storeCheck;
  }

  async newClient(context: ClientContext): Promise<SecretsClient> {
    this.contexts.push(context);
    if (this.failWith) throw this.failWith;
    return this.clientFor(context);
  }
}

/** A contribution for `provider` under `spec.provider.<name>` with an open schema. */
export function stubContribution(
  name: string,
  provider: Provider = new StubProvider(),
): ProviderContribution {
  return {
    descriptor: { name, schema: Type.Object({}, { additionalProperties: true }), capabilities: 'ReadWrite' },
    provider,
  };
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
