/**
 * The user's request to stop the playground (SIGINT, SIGTERM, or `q` / Ctrl-C on the keyboard),
 * listened for from the very start so that a Ctrl-C during start-up still cleans up.
 */

/** See the module comment. Call {@link StopRequest.dispose} once stopped. */
export class StopRequest {
  private resolve!: () => void;
  private requestedFlag = false;
  /** Resolves when a stop was requested. */
  readonly requested = new Promise<void>((resolve) => (this.resolve = resolve));
  private readonly onSignal = (): void => this.request();

  constructor() {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  /** True once a stop was requested. */
  get isRequested(): boolean {
    return this.requestedFlag;
  }

  /** Requests a stop (idempotent). */
  request(): void {
    this.requestedFlag = true;
    this.resolve();
  }

  /** Races `work` against the stop request; resolves `undefined` when the stop came first. */
  async unlessStopped<T>(work: Promise<T>): Promise<T | undefined> {
    return Promise.race([work, this.requested.then(() => undefined)]);
  }

  /** Stops listening to signals. */
  dispose(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}
