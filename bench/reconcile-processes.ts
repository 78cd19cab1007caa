/**
 * The two processes of `bench/reconcile.ts`: the API emulator (forked, answering request-log questions over
 * IPC) and the operator (`node cli/dist/main.js operator …`, as users run it), plus what the bench reads
 * from /proc about them (peak RSS, CPU seconds).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { EmulatorQuestion, EmulatorReady } from './reconcile-emulator.js';
import { metricValue } from '../test/src/e2e/harness/prometheus-text.js';

const EMULATOR_ENTRY = fileURLToPath(new URL('./reconcile-emulator.ts', import.meta.url));
const CLI_PATH = fileURLToPath(new URL('../cli/dist/main.js', import.meta.url));

/** Request counts keyed `"<verb> <resource>[/<sub>]"`. */
export type RequestCounts = Record<string, number>;

/** The emulator child process. */
export class EmulatorProcess {
  private nextId = 0;
  private readonly pending = new Map<number, (value: unknown) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly kubeconfigPath: string,
    readonly url: string,
  ) {
    child.on('message', (message: { id?: number; value?: unknown }) => {
      if (message.id === undefined) return;
      this.pending.get(message.id)?.(message.value);
      this.pending.delete(message.id);
    });
  }

  /** Forks the emulator and resolves once it serves. */
  static async start(): Promise<EmulatorProcess> {
    const tsx = import.meta.resolve('tsx');
    const child = fork(EMULATOR_ENTRY, [], {
      execArgv: ['--import', tsx, ...profileArgs('emulator'), ...nodeOptions('EMULATOR')],
    });
    const ready = await new Promise<EmulatorReady>((resolve, reject) => {
      child.once('message', (message: EmulatorReady) => resolve(message));
      child.once('exit', (code) => reject(new Error(`the emulator exited with ${code} before serving`)));
    });
    return new EmulatorProcess(child, ready.kubeconfigPath, ready.url);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** The sequence number of the latest request, to count from. */
  mark(): Promise<number> {
    return this.ask({ op: 'mark' }) as Promise<number>;
  }

  /** Requests after `since` whose User-Agent contains `userAgent`. */
  count(since: number, userAgent: string): Promise<RequestCounts> {
    return this.ask({ op: 'count', since, userAgent }) as Promise<RequestCounts>;
  }

  /** Stops the server and waits for the process to exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ op: 'stop' } satisfies EmulatorQuestion);
    await exited;
  }

  private ask(
    question: { op: 'mark' } | { op: 'count'; since: number; userAgent: string },
  ): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ ...question, id } as EmulatorQuestion);
    });
  }
}

/** Options of {@link OperatorChild.start}. */
export interface OperatorChildOptions {
  readonly kubeconfigPath: string;
  /** `--concurrent`. */
  readonly concurrency: number;
  /** Extra flags. */
  readonly args?: readonly string[];
}

/** The operator child process. */
export class OperatorChild {
  private metricsUrl = '';
  stderr = '';

  private constructor(private readonly child: ChildProcess) {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
  }

  /** Spawns the operator with client rate limits lifted; resolves once it logged `operator started`. */
  static async start(options: OperatorChildOptions): Promise<OperatorChild> {
    if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build\` first`);
    const args = [
      ...profileArgs('operator'),
      ...nodeOptions('OPERATOR'),
      CLI_PATH,
      'operator',
      ...['--kubeconfig', options.kubeconfigPath, '--concurrent', String(options.concurrency)],
      ...['--client-qps', '0', '--client-burst', '100000'],
      ...['--metrics-addr', '127.0.0.1:0', '--live-addr', '0', '--loglevel', 'info'],
      ...(options.args ?? []),
    ];
    const operator = new OperatorChild(spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
    await operator.started();
    return operator;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** The `/metrics` text. */
  async metrics(): Promise<string> {
    return (await fetch(`${this.metricsUrl}/metrics`)).text();
  }

  /** SIGTERM and wait for the exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  private started(): Promise<void> {
    const lines = createInterface({ input: this.child.stdout! });
    return new Promise((resolve, reject) => {
      this.child.once('exit', (code) =>
        reject(new Error(`the operator exited with ${code}: ${this.stderr}`)),
      );
      lines.on('line', (line) => {
        const entry = parseLog(line);
        if (entry?.msg === 'serving' && typeof entry.url === 'string') this.metricsUrl = entry.url;
        if (entry?.msg === 'operator started') resolve();
        if (entry?.level === 'error') process.stderr.write(`operator: ${line}\n`);
      });
    });
  }
}

function parseLog(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** `--cpu-prof` flags when BENCH_PROFILE names a directory (profiles go to `<dir>/<name>/` on exit, one per thread). */
function profileArgs(name: string): string[] {
  const dir = process.env.BENCH_PROFILE;
  return dir ? ['--cpu-prof', '--cpu-prof-dir', `${dir}/${name}`] : [];
}

/** Extra node flags for one child from `BENCH_<WHO>_NODE_OPTIONS` (e.g. `--perf-basic-prof`). */
function nodeOptions(who: 'OPERATOR' | 'EMULATOR'): string[] {
  return process.env[`BENCH_${who}_NODE_OPTIONS`]?.split(' ').filter(Boolean) ?? [];
}

/** Peak resident set size of `pid` in bytes (VmHWM), or undefined off Linux. */
export function peakRssBytes(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) `pid` has used so far, or undefined off Linux. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Counters the bench reads from the operator's /metrics. */
export interface OperatorCounters {
  /** `tessera_provider_calls_total`. */
  readonly providerCalls: number;
  /** `controller_runtime_reconcile_total{controller="externalsecret"}`. */
  readonly reconciles: number;
  /** `nodejs_heap_size_used_bytes`: live JS heap (plus garbage not yet collected). */
  readonly heapUsed: number;
}

/** Reads {@link OperatorCounters} from the operator. */
export async function operatorCounters(operator: OperatorChild): Promise<OperatorCounters> {
  const text = await operator.metrics();
  return {
    providerCalls: metricValue(text, 'tessera_provider_calls_total'),
    reconciles: metricValue(text, 'controller_runtime_reconcile_total', { controller: 'externalsecret' }),
    heapUsed: metricValue(text, 'nodejs_heap_size_used_bytes'),
  };
}
