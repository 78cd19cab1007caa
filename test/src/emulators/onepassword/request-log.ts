/** Counts and records every request the emulator receives, per endpoint (`operationId`). */
import type { ConnectOperation } from './operations.js';

/** One received request. */
export interface LoggedRequest {
  readonly method: string;
  /** Path without the query string, as received (percent-encoded). */
  readonly path: string;
  /** Decoded query parameters. */
  readonly query: Readonly<Record<string, string>>;
  readonly operation: ConnectOperation;
  /** Status answered (set once the response is written). */
  status: number;
  readonly at: Date;
  readonly userAgent?: string;
  /** Vault and item ids named by the path, when any. */
  readonly vaultId?: string;
  readonly itemId?: string;
}

/** Request counter and journal of one emulator. */
export class RequestLog {
  readonly #entries: LoggedRequest[] = [];

  /** Appends a request (called by the server). */
  record(entry: LoggedRequest): LoggedRequest {
    this.#entries.push(entry);
    return entry;
  }

  /** Every request since start or the last {@link reset}, oldest first. */
  get entries(): readonly LoggedRequest[] {
    return this.#entries;
  }

  /** Number of requests for one operation, for several, or (no argument) in total. */
  count(operation?: ConnectOperation | readonly ConnectOperation[]): number {
    if (operation === undefined) return this.#entries.length;
    const wanted = typeof operation === 'string' ? [operation] : operation;
    return this.#entries.filter((e) => wanted.includes(e.operation)).length;
  }

  /** Request count per operation (operations never called are absent). */
  counts(): Partial<Record<ConnectOperation, number>> {
    const counts: Partial<Record<ConnectOperation, number>> = {};
    for (const e of this.#entries) counts[e.operation] = (counts[e.operation] ?? 0) + 1;
    return counts;
  }

  /** Forgets every recorded request. */
  reset(): void {
    this.#entries.length = 0;
  }
}
