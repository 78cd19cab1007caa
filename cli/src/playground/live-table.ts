/**
 * Shows the status table until the user stops the playground. On a terminal the table is redrawn
 * in place every second and single keys work (`r` rotates the Connect token, `q` or Ctrl-C
 * quits); otherwise the table is printed again, under a timestamp line, whenever its content
 * changes (ages excluded), so a log of the output stays readable. SIGUSR2 rotates the token where
 * there is no keyboard.
 */
import type { PlaygroundStatus } from './playground-status.js';
import { statusTable } from './status-table.js';
import type { StopRequest } from './stop-request.js';

/** Options of {@link LiveTable}. */
export interface LiveTableOptions {
  readonly status: PlaygroundStatus;
  readonly stream: NodeJS.WriteStream;
  /** Ends the loop when requested; `q` and Ctrl-C request it. */
  readonly stop: StopRequest;
  /** @default 1000 */
  readonly intervalMs?: number;
}

/** Callbacks of {@link LiveTable.runUntilStopped}. */
export interface LiveTableActions {
  readonly onRotate: () => void;
}

/** See the module comment. */
export class LiveTable {
  private drawnLines = 0;
  private lastPrinted = '';
  private notes: string[] = [];

  constructor(private readonly options: LiveTableOptions) {}

  /** Adds a note shown under the table (the latest three are kept). */
  note(text: string): void {
    this.notes = [...this.notes, ...text.split('\n')].slice(-6);
    if (!this.options.stream.isTTY) this.options.stream.write(`${text}\n`);
  }

  /** Draws until a stop is requested (signal, `q` or Ctrl-C). */
  async runUntilStopped(actions: LiveTableActions): Promise<void> {
    const { stop } = this.options;
    process.on('SIGUSR2', actions.onRotate);
    this.captureKeyboard((key) => {
      if (key === 'r') actions.onRotate();
      if (key === 'q' || key === '\u0003') stop.request();
    });
    try {
      while (!stop.isRequested) {
        await this.draw().catch((error: unknown) =>
          this.note(`cannot read the status: ${(error as Error).message}`),
        );
        await Promise.race([
          stop.requested,
          new Promise((resolve) => setTimeout(resolve, this.options.intervalMs ?? 1000)),
        ]);
      }
    } finally {
      process.off('SIGUSR2', actions.onRotate);
      this.releaseKeyboard();
    }
  }

  private async draw(): Promise<void> {
    const stream = this.options.stream;
    const snapshot = await this.options.status.snapshot();
    const lines = statusTable({ ...snapshot, now: Date.now() });
    if (stream.isTTY) {
      const block = [...lines, '', ...this.notes, 'r: rotate the Connect token   q or Ctrl-C: quit'];
      const rewind = this.drawnLines > 0 ? `\x1b[${this.drawnLines}F\x1b[J` : '';
      stream.write(`${rewind}${block.join('\n')}\n`);
      this.drawnLines = block.length;
      return;
    }
    const content = statusTable({ ...snapshot, now: 0 }).join('\n');
    if (content === this.lastPrinted) return;
    this.lastPrinted = content;
    stream.write(`--- status at ${new Date().toISOString()}\n${lines.join('\n')}\n`);
  }

  private captureKeyboard(onKey: (key: string) => void): void {
    const stdin = process.stdin;
    if (!stdin.isTTY) return;
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onKey);
    stdin.resume();
  }

  private releaseKeyboard(): void {
    const stdin = process.stdin;
    if (!stdin.isTTY) return;
    stdin.setRawMode(false);
    stdin.removeAllListeners('data');
    stdin.pause();
  }
}
