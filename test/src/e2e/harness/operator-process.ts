/**
 * The operator as users run it: `node cli/dist/main.js operator --kubeconfig …` in its own process
 * (so `npm run build` must have run; `npm test` builds first). Collects its JSON log lines, finds
 * its ops server from the `serving` line, and stops it with SIGTERM or kills it with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait-for.js';

/** The built CLI. */
export const CLI_PATH = fileURLToPath(new URL('../../../../cli/dist/main.js', import.meta.url));

/** One parsed JSON log line. */
export interface LogLine {
  readonly ts: string;
  readonly level: string;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** Options of {@link OperatorProcess.start}. */
export interface OperatorProcessOptions {
  readonly kubeconfigPath: string;
  /** Further flags, e.g. `['--enable-leader-election']`. @default [] */
  readonly args?: readonly string[];
  /** Name used in failure messages. @default 'operator' */
  readonly name?: string;
}

/** See the module comment. */
export class OperatorProcess {
  /** Every stdout line, raw (JSON logs), in order. */
  readonly stdout: string[] = [];
  /** Everything written to stderr. */
  stderr = '';
  /** What `/metrics` served just before {@link stop} sent SIGTERM (the leak checks read it once it stopped). */
  metricsAtStop: string | undefined;
  private exitCode: number | null | undefined;
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly name: string,
  ) {
    let partial = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      this.stdout.push(...lines);
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve((this.exitCode = code))));
  }

  /** Spawns the operator and resolves once it logged `operator started` (caches synced). */
  static async start(options: OperatorProcessOptions): Promise<OperatorProcess> {
    if (!existsSync(CLI_PATH))
      throw new Error(`${CLI_PATH} is missing: run \`npm run build\` first (npm test does)`);
    const args = [
      CLI_PATH,
      'operator',
      '--kubeconfig',
      options.kubeconfigPath,
      '--metrics-addr',
      '127.0.0.1:0',
      '--live-addr',
      '127.0.0.1:0',
      '--loglevel',
      'debug',
      '--client-qps',
      '0',
      ...(options.args ?? []),
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const operator = new OperatorProcess(child, options.name ?? 'operator');
    await operator.waitForLog((line) => line.msg === 'operator started', 20_000, 'the operator to start');
    return operator;
  }

  /** The process id (the user agent of its Kubernetes requests ends with `pid/<pid>`). */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** True until the process has exited. */
  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** Every stdout line from index `since` on that parses as a JSON log line. */
  logs(since = 0): LogLine[] {
    const parsed: LogLine[] = [];
    for (const line of this.stdout.slice(since)) {
      try {
        parsed.push(JSON.parse(line) as LogLine);
      } catch {
        // not a JSON line; `stdout` keeps it for the leak checks
      }
    }
    return parsed;
  }

  /** The current end of the log, to look for lines written after this point. */
  mark(): number {
    return this.stdout.length;
  }

  /** Resolves with the first log line (from index `since` on) matching `predicate`. */
  waitForLog(
    predicate: (line: LogLine) => boolean,
    timeoutMs = 10_000,
    what = 'a log line',
    since = 0,
  ): Promise<LogLine> {
    return waitFor(
      () => {
        if (!this.running)
          throw new Error(`${this.name} exited with ${this.exitCode}; stderr: ${this.stderr}`);
        return this.logs(since).find(predicate);
      },
      { what: `${this.name}: ${what}`, timeoutMs },
    );
  }

  /** Resolves once the ExternalSecret controller finished a reconcile of `namespace/name` after `since`. */
  reconciledAfter(since: number, namespace: string, name: string): Promise<LogLine> {
    const key = `${namespace}/${name}`;
    return this.waitForLog(
      (line) =>
        line.controller === 'externalsecret' &&
        line.key === key &&
        (line.msg === 'reconciled' || String(line.msg).startsWith('reconcile failed')),
      10_000,
      `a reconcile of ExternalSecret ${key}`,
      since,
    );
  }

  /** Base URL of its ops server (`/metrics`, `/healthz`, `/readyz`). */
  get opsUrl(): string {
    const serving = this.logs().find((line) => line.msg === 'serving');
    if (!serving) throw new Error(`${this.name} has not logged its ops server yet`);
    return String(serving.url);
  }

  /** The `/metrics` text. */
  async metrics(): Promise<string> {
    const response = await fetch(`${this.opsUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`${this.name} /metrics answered HTTP ${response.status}`);
    return response.text();
  }

  /**
   * Keeps the `/metrics` text in {@link metricsAtStop}, then SIGTERM, then resolves with the exit code once it exited
   * (SIGKILL after 15 s). Rejects, after the SIGTERM, when `/metrics` could not be read.
   */
  async stop(): Promise<number | null> {
    if (!this.running) return this.exitCode ?? null;
    try {
      this.metricsAtStop = await this.metrics();
    } finally {
      this.child.kill('SIGTERM');
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  /** SIGKILL (no shutdown at all); resolves once it is gone. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
