import type { ServerResponse } from 'node:http';

/** Pending text beyond which a writer flushes at once instead of waiting for the end of the tick. */
const FLUSH_AT_CHARS = 64 * 1024;

/**
 * Collects the lines a watch response writes during one turn of the event loop and writes them with a single
 * `res.write` once the I/O phase is over (`setImmediate`), so a burst of events costs one chunk, one TLS record
 * and one syscall instead of one per event. Lines keep their order; `end()` writes whatever is pending first.
 */
export class CoalescingWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private scheduled?: NodeJS.Immediate;

  constructor(private readonly res: ServerResponse) {}

  /** Queues one line (already newline-terminated) for the next flush. */
  write(line: string): void {
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= FLUSH_AT_CHARS) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Writes every pending line now, in order. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.res.writableEnded && !this.res.destroyed) this.res.write(text);
  }

  /** Flushes, then ends the response. */
  end(): void {
    this.flush();
    if (!this.res.writableEnded) this.res.end();
  }
}
