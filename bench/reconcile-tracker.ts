/**
 * Follows the bench's ExternalSecrets through one watch: which are Ready=True, the `refreshTime` each had when
 * it first became Ready, and which have since been refreshed (a later `refreshTime`). Waiting is on these
 * conditions with a deadline, never on sleeps alone.
 */
import type { BenchClient, BenchObject, WatchEvent } from './reconcile-client.js';

/** See the module comment. */
export class ReadyTracker {
  /**
   * @param minAdvanceMs how much later a `refreshTime` must be than the first one to count as a
   *   refresh (a second status write of the initial sync, e.g. after a retried create, does not)
   */
  constructor(private readonly minAdvanceMs: number) {}

  private readonly firstReady = new Map<string, string>();
  private readonly refreshed = new Set<string>();
  private readonly notReadyReasons = new Map<string, string>();
  private stopWatch: () => void = () => undefined;
  private firstRefreshAt: number | undefined;

  /** Starts watching ExternalSecrets of `namespace` from `resourceVersion`. */
  start(client: BenchClient, namespace: string, resourceVersion: string): void {
    const path = `/apis/external-secrets.io/v1/namespaces/${namespace}/externalsecrets`;
    this.stopWatch = client.watch(path, resourceVersion, (event) => this.observe(event));
  }

  get ready(): number {
    return this.firstReady.size;
  }

  get refreshedCount(): number {
    return this.refreshed.size;
  }

  /** Wall-clock ms of the first refresh seen, if any. */
  get firstRefreshTime(): number | undefined {
    return this.firstRefreshAt;
  }

  /** Counts of the reasons of ExternalSecrets not Ready, for failure messages. */
  notReadySummary(): string {
    const counts = new Map<string, number>();
    for (const [name, reason] of this.notReadyReasons) {
      if (!this.firstReady.has(name)) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
    return [...counts].map(([reason, n]) => `${n}× ${reason}`).join(', ') || 'no status yet';
  }

  /** Resolves once `predicate()` holds; rejects after `timeoutMs` with `what`. */
  async until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  stop(): void {
    this.stopWatch();
  }

  private observe(event: WatchEvent): void {
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED') return;
    const es: BenchObject = event.object;
    const name = es.metadata.name;
    const ready = es.status?.conditions?.find((condition) => condition.type === 'Ready');
    if (ready?.status !== 'True') {
      if (ready) this.notReadyReasons.set(name, ready.reason ?? 'unknown');
      return;
    }
    const refreshTime = es.status?.refreshTime ?? '';
    const first = this.firstReady.get(name);
    if (first === undefined) this.firstReady.set(name, refreshTime);
    else if (Date.parse(refreshTime) - Date.parse(first) >= this.minAdvanceMs && !this.refreshed.has(name)) {
      this.refreshed.add(name);
      this.firstRefreshAt ??= Date.now();
    }
  }
}
