/** Waiting on a condition with a deadline (tests never sleep for a fixed time). */

/**
 * Resolves once `condition()` is true, checking after every turn of the event loop; rejects with
 * `message` when `deadlineMs` of wall time pass first.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  options: { deadlineMs?: number; message?: string } = {},
): Promise<void> {
  const deadline = Date.now() + (options.deadlineMs ?? 5000);
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(options.message ?? 'condition not met before the deadline');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
