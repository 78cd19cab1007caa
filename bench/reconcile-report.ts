/** Prints the figures of `bench/reconcile.ts` as a table, with the targets. */
import { cpus } from 'node:os';
import type { RequestCounts } from './reconcile-processes.js';

/** What one phase (initial sync or refresh round) cost. */
export interface Phase {
  /** Seconds from the first create (initial) or the first refresh seen (refresh) until all were done. */
  readonly seconds: number;
  /** Seconds the bench took to create the ExternalSecrets (initial only). */
  readonly createdSeconds: number;
  /** Operator requests by verb and resource. */
  readonly requests: RequestCounts;
  /** Provider calls (`tessera_provider_calls_total`). */
  readonly providerReads: number;
  /** ExternalSecret reconciles (`controller_runtime_reconcile_total`). */
  readonly reconciles: number;
  /** Operator JS heap in use at the end of the phase (`nodejs_heap_size_used_bytes`). */
  readonly heapUsed: number;
  readonly operatorCpu: number;
  readonly emulatorCpu: number;
  /** CPU seconds of this driver process (initial only). */
  readonly driverCpu: number;
}

/** Everything {@link printReport} prints. */
export interface Report {
  readonly count: number;
  readonly concurrent: number;
  readonly keysPerExternalSecret: number;
  /** ExternalSecrets synced before the measurement (`--warmup`). */
  readonly warmup: number;
  /** Throw-away objects replayed against the emulator before the operator started (`--warm-harness`). */
  readonly warmHarness: number;
  readonly initial: Phase;
  /** Undefined with --skip-refresh. */
  readonly refresh: Phase | undefined;
  readonly rssInitial: number | undefined;
  readonly rssPeak: number | undefined;
  readonly overlapped: boolean;
}

const WRITE_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

function sum(counts: RequestCounts, keep: (key: string) => boolean = () => true): number {
  return Object.entries(counts).reduce((total, [key, n]) => total + (keep(key) ? n : 0), 0);
}

const isWrite = (key: string): boolean => WRITE_VERBS.has(key.split(' ')[0]) && !key.endsWith(' events');
const isEvent = (key: string): boolean => key.endsWith(' events');

function row(label: string, value: string, target = '', verdict?: boolean): string {
  const mark = verdict === undefined ? '' : verdict ? '  met' : '  MISSED';
  return `${label.padEnd(52)} ${value.padStart(12)}   ${target}${mark}`;
}

function perEs(n: number, count: number): string {
  return (n / count).toFixed(2);
}

function mb(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function breakdown(counts: RequestCounts, count: number): string[] {
  return Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([key, n]) => row(`    ${key}`, `${n} (${perEs(n, count)}/ES)`));
}

function initialLines(r: Report): string[] {
  const { initial, count } = r;
  const syncsPerSecond = count / initial.seconds;
  const writes = sum(initial.requests, isWrite) / count;
  return [
    row('initial sync', 'value', 'target'),
    row('  seconds until all Ready (from first create)', initial.seconds.toFixed(2)),
    row('  (of which the driver spent creating)', initial.createdSeconds.toFixed(2)),
    row('  syncs/second', syncsPerSecond.toFixed(0), '>= 500/s', syncsPerSecond >= 500),
    row(
      '  provider reads per synced key',
      (initial.providerReads / (count * r.keysPerExternalSecret)).toFixed(3),
    ),
    row('  provider reads per ExternalSecret', perEs(initial.providerReads, count)),
    row('  reconciles per ExternalSecret', perEs(initial.reconciles, count)),
    row('  API requests per ExternalSecret (all)', perEs(sum(initial.requests), count)),
    row(
      '  API writes per ExternalSecret (Events not counted)',
      writes.toFixed(4),
      '<= 3 (2 decimals)',
      Math.round(writes * 100) <= 300,
    ),
    row('  Event writes per ExternalSecret', perEs(sum(initial.requests, isEvent), count)),
    row(
      '  CPU seconds: operator / emulator / driver',
      `${initial.operatorCpu.toFixed(1)} / ${initial.emulatorCpu.toFixed(1)} / ${initial.driverCpu.toFixed(1)}`,
    ),
    ...breakdown(initial.requests, count),
  ];
}

function refreshLines(refresh: Phase, r: Report): string[] {
  const { count } = r;
  return [
    row('one refresh round (no remote change)', ''),
    row('  seconds from first to last refresh', refresh.seconds.toFixed(2)),
    row(
      '  provider reads per synced key',
      (refresh.providerReads / (count * r.keysPerExternalSecret)).toFixed(3),
    ),
    row('  reconciles per ExternalSecret', perEs(refresh.reconciles, count)),
    row('  API requests per ExternalSecret (all)', perEs(sum(refresh.requests), count)),
    row('  API writes per ExternalSecret (Events not counted)', perEs(sum(refresh.requests, isWrite), count)),
    row(
      '  CPU seconds: operator / emulator',
      `${refresh.operatorCpu.toFixed(1)} / ${refresh.emulatorCpu.toFixed(1)}`,
    ),
    ...breakdown(refresh.requests, count),
  ];
}

function memoryLines(r: Report): string[] {
  const heap = r.refresh ? `${mb(r.initial.heapUsed)} / ${mb(r.refresh.heapUsed)}` : mb(r.initial.heapUsed);
  const verdict = r.count < 10_000 ? undefined : (r.rssPeak ?? Infinity) <= 250 * 1024 * 1024;
  return [
    row(`operator JS heap in use after the initial sync${r.refresh ? ' / refresh' : ''}`, heap),
    row('operator peak RSS after the initial sync', mb(r.rssInitial)),
    row('operator peak RSS (whole run)', mb(r.rssPeak), '<= 250 MB at 10,000', verdict),
  ];
}

/** Writes the table to stdout. */
export function printReport(r: Report): void {
  const lines = [
    `Tessera reconcile bench — ${r.count} ExternalSecrets × ${r.keysPerExternalSecret} data entries from one remote key each, fake ClusterSecretStore`,
    `operator: --concurrent ${r.concurrent} --client-qps 0; emulator, operator and driver in separate processes; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}`,
    r.warmup > 0
      ? `operator warmed up first with ${r.warmup} ExternalSecrets in another namespace (not counted)`
      : 'operator measured from a cold start (no --warmup)',
    r.warmHarness > 0
      ? `emulator and bench client warmed first by replaying an initial sync's requests on ${r.warmHarness} throw-away objects, deleted before the operator started (--warm-harness)`
      : 'emulator measured cold (--warm-harness 0)',
    '',
    ...initialLines(r),
    '',
    ...(r.refresh ? [...refreshLines(r.refresh, r), ''] : []),
    ...memoryLines(r),
  ];
  if (r.overlapped)
    lines.push('', 'WARNING: refreshes began before the initial sync finished; raise --refresh-interval.');
  process.stdout.write(`${lines.join('\n')}\n`);
}
