/**
 * A {@link SecretsClient} wrapper that counts calls in progress, so a client retired by the cache
 * (its store changed or went away) is closed only once the reads already started on it finish.
 */
import type {
  BatchReadResult,
  FindQuery,
  PushRemoteRef,
  PushRequest,
  ReadOptions,
  RemoteRef,
  SecretsClient,
  ValidationResult,
} from './provider.js';

/** Delegates every call to `inner`; {@link retire} closes `inner` when no call is in progress. */
export class TrackedClient implements SecretsClient {
  /** Present only when the wrapped client has a batch read. */
  readonly getSecrets?: (refs: readonly RemoteRef[], options?: ReadOptions) => Promise<BatchReadResult[]>;
  private active = 0;
  private retired = false;
  private closed?: Promise<void>;
  private drained?: () => void;

  constructor(private readonly inner: SecretsClient) {
    const batch = inner.getSecrets;
    if (batch) this.getSecrets = (refs, options) => this.track(() => batch.call(inner, refs, options));
  }

  getSecret(ref: RemoteRef, options?: ReadOptions): Promise<Uint8Array> {
    return this.track(() => this.inner.getSecret(ref, options));
  }
  getSecretMap(ref: RemoteRef, options?: ReadOptions): Promise<Record<string, Uint8Array>> {
    return this.track(() => this.inner.getSecretMap(ref, options));
  }
  getAllSecrets(find: FindQuery, options?: ReadOptions): Promise<Record<string, Uint8Array>> {
    return this.track(() => this.inner.getAllSecrets(find, options));
  }
  pushSecret(request: PushRequest): Promise<void> {
    return this.track(() => this.inner.pushSecret(request));
  }
  deleteSecret(remote: PushRemoteRef): Promise<void> {
    return this.track(() => this.inner.deleteSecret(remote));
  }
  secretExists(remote: PushRemoteRef): Promise<boolean> {
    return this.track(() => this.inner.secretExists(remote));
  }
  validate(): Promise<ValidationResult> {
    return this.track(() => this.inner.validate());
  }

  /** The cache owns the client's lifetime: callers must not close it. This is a no-op. */
  async close(): Promise<void> {}

  /** Whether the cache has retired this client. */
  get isRetired(): boolean {
    return this.retired;
  }

  /** Closes the wrapped client once idle; idempotent. Resolves when it has been closed. */
  retire(): Promise<void> {
    if (!this.closed) {
      this.retired = true;
      const idle =
        this.active === 0 ? Promise.resolve() : new Promise<void>((resolve) => (this.drained = resolve));
      this.closed = idle.then(() => this.inner.close()).catch(() => undefined);
    }
    return this.closed;
  }

  private async track<T>(call: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await call();
    } finally {
      this.active--;
      if (this.active === 0 && this.drained) {
        this.drained();
        this.drained = undefined;
      }
    }
  }
}
