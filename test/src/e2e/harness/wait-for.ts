/** Waiting on conditions with a deadline (the e2e suite never sleeps for a fixed time). */

/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** What is awaited, for the failure message. */
  readonly what: string;
  /** @default 10000 */
  readonly timeoutMs?: number;
  /** @default 25 */
  readonly intervalMs?: number;
}

/**
 * Polls `condition` until it returns a truthy value and resolves with it; rejects after the
 * deadline naming `what` and the last error `condition` threw, if any.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  options: WaitForOptions,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(
        `timed out after ${options.timeoutMs ?? 10_000} ms waiting for ${options.what}${detail}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
