/**
 * Reconcile throughput of the operator: creates N ExternalSecrets (3 `data` entries each, all from one remote
 * key of a fake ClusterSecretStore; one remote key per ExternalSecret) against the Kubernetes API emulator and
 * prints seconds until all are Ready, syncs/second, provider reads per synced key, Kubernetes API requests per
 * ExternalSecret (initial sync and one periodic refresh round) and the operator's peak RSS.
 *
 * The emulator, the operator (`node cli/dist/main.js operator`, client rate limits lifted) and this driver run
 * in three processes. Run `npm run bench:reconcile -- --count 10000` (builds first), or after a build:
 * `npx tsx bench/reconcile.ts --count 1000`. Flags: --count (default 1000), --concurrent (operator workers, default
 * 32), --refresh-interval (e.g. 90s; the refresh round starts that long after each ExternalSecret's first sync;
 * default max(60 s, count/100 s)), --create-concurrency (driver requests in flight, default 32), --skip-refresh
 * (initial sync only, for quick checks), --warmup <n> (sync n ExternalSecrets in another namespace first, left out of
 * the figures, so a JIT-warm operator is measured; default 0), --warm-harness <n> (before the operator starts, replay
 * an initial sync's requests on n throw-away objects so the emulator and the bench client are JIT-warm, as a real
 * API server is; default 1000, 0 for a cold emulator).
 * BENCH_PROFILE=<dir> writes CPU profiles of the operator and the emulator there.
 */
import { parseArgs } from 'node:util';
import { BenchClient } from './reconcile-client.js';
import {
  cpuSeconds,
  EmulatorProcess,
  OperatorChild,
  operatorCounters,
  peakRssBytes,
  type OperatorCounters,
  type RequestCounts,
} from './reconcile-processes.js';
import { warmHarness } from './reconcile-harness-warmup.js';
import { printReport, type Phase } from './reconcile-report.js';
import {
  aFakeClusterStore,
  createExternalSecrets,
  createNamespace,
  WARMUP_NAMESPACE,
  installCrds,
  NAMESPACE,
  waitForStoreReady,
} from './reconcile-setup.js';
import { ReadyTracker } from './reconcile-tracker.js';

const OPERATOR_AGENT = 'tessera-operator/';

interface Settings {
  readonly count: number;
  readonly concurrent: number;
  readonly refreshSeconds: number;
  readonly createConcurrency: number;
  readonly skipRefresh: boolean;
  readonly warmup: number;
  /** Objects replayed against the emulator before the operator starts (`--warm-harness`). */
  readonly warmHarness: number;
}

function settings(): Settings {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      concurrent: { type: 'string', default: '32' },
      'refresh-interval': { type: 'string' },
      'create-concurrency': { type: 'string', default: '32' },
      'skip-refresh': { type: 'boolean', default: false },
      warmup: { type: 'string', default: '0' },
      'warm-harness': { type: 'string', default: '1000' },
    },
  });
  const count = Number(values.count);
  const refresh = /^(\d+)(s|m)$/.exec(
    values['refresh-interval'] ?? `${Math.max(60, Math.ceil(count / 100))}s`,
  );
  if (!refresh) throw new Error('--refresh-interval must look like 60s or 2m');
  return {
    count,
    concurrent: Number(values.concurrent),
    refreshSeconds: Number(refresh[1]) * (refresh[2] === 'm' ? 60 : 1),
    createConcurrency: Number(values['create-concurrency']),
    skipRefresh: values['skip-refresh'] ?? false,
    warmup: Number(values.warmup),
    warmHarness: Number(values['warm-harness']),
  };
}

/** Waits until the operator has made no request for `quietMs`; resolves with its requests since `since`. */
async function quiescent(emulator: EmulatorProcess, since: number, quietMs = 1500): Promise<RequestCounts> {
  let last = -1;
  let counts: RequestCounts = {};
  for (;;) {
    counts = await emulator.count(since, OPERATOR_AGENT);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total === last) return counts;
    last = total;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

async function initialSync(
  s: Settings,
  client: BenchClient,
  emulator: EmulatorProcess,
  operator: OperatorChild,
  tracker: ReadyTracker,
): Promise<Phase> {
  const before = await operatorCounters(operator);
  const since = await emulator.mark();
  const cpu = [cpuSeconds(operator.pid) ?? 0, cpuSeconds(emulator.pid) ?? 0];
  const driver = process.cpuUsage();
  const started = performance.now();
  const { count, refreshSeconds, createConcurrency: concurrency } = s;
  await createExternalSecrets(client, { namespace: NAMESPACE, count, refreshSeconds, concurrency });
  const createdSeconds = (performance.now() - started) / 1000;
  await tracker.until(
    () => tracker.ready === s.count,
    60_000 + s.count * 20,
    `${s.count} ExternalSecrets Ready (${tracker.notReadySummary()})`,
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = [(cpuSeconds(operator.pid) ?? 0) - cpu[0], (cpuSeconds(emulator.pid) ?? 0) - cpu[1]];
  const driverUsed = process.cpuUsage(driver);
  const requests = await quiescent(emulator, since);
  const counters = await operatorCounters(operator);
  return {
    seconds,
    createdSeconds,
    requests,
    providerReads: counters.providerCalls - before.providerCalls,
    reconciles: counters.reconciles - before.reconciles,
    heapUsed: counters.heapUsed,
    operatorCpu: cpuUsed[0],
    emulatorCpu: cpuUsed[1],
    driverCpu: (driverUsed.user + driverUsed.system) / 1e6,
  };
}

async function refreshRound(
  s: Settings,
  emulator: EmulatorProcess,
  operator: OperatorChild,
  tracker: ReadyTracker,
  before: OperatorCounters,
): Promise<Phase> {
  const since = await emulator.mark();
  const cpu = [cpuSeconds(operator.pid) ?? 0, cpuSeconds(emulator.pid) ?? 0];
  process.stderr.write(`waiting for the refresh round (refreshInterval ${s.refreshSeconds}s)…\n`);
  const timeout = (s.refreshSeconds + 120) * 1000 + s.count * 20;
  await tracker.until(() => tracker.refreshedCount > 0, timeout, 'the first refresh');
  const started = performance.now();
  await tracker.until(
    () => tracker.refreshedCount === s.count,
    timeout,
    `${s.count} ExternalSecrets refreshed (${tracker.refreshedCount} so far)`,
  );
  const seconds = (performance.now() - started) / 1000;
  const requests = await quiescent(emulator, since);
  const cpuUsed = [(cpuSeconds(operator.pid) ?? 0) - cpu[0], (cpuSeconds(emulator.pid) ?? 0) - cpu[1]];
  const after = await operatorCounters(operator);
  const providerReads = after.providerCalls - before.providerCalls;
  return {
    seconds,
    createdSeconds: 0,
    requests,
    providerReads,
    reconciles: after.reconciles - before.reconciles,
    heapUsed: after.heapUsed,
    operatorCpu: cpuUsed[0],
    emulatorCpu: cpuUsed[1],
    driverCpu: 0,
  };
}

/** Syncs `--warmup` ExternalSecrets in their own namespace first, so the figures see a JIT-warm operator. */
async function warmUp(s: Settings, client: BenchClient, emulator: EmulatorProcess): Promise<void> {
  await createNamespace(client, WARMUP_NAMESPACE);
  const warm = new ReadyTracker(Infinity);
  warm.start(client, WARMUP_NAMESPACE, '0');
  try {
    const options = { namespace: WARMUP_NAMESPACE, count: s.warmup, refreshSeconds: 3600 };
    await createExternalSecrets(client, { ...options, concurrency: s.createConcurrency });
    await warm.until(() => warm.ready === s.warmup, 60_000 + s.warmup * 20, 'the warm-up ExternalSecrets');
    await quiescent(emulator, await emulator.mark());
  } finally {
    warm.stop();
  }
}

async function main(): Promise<void> {
  const s = settings();
  const emulator = await EmulatorProcess.start();
  const client = new BenchClient(emulator.kubeconfigPath, s.createConcurrency);
  let operator: OperatorChild | undefined;
  const tracker = new ReadyTracker((s.refreshSeconds * 1000) / 2);
  try {
    await installCrds(client);
    await createNamespace(client, NAMESPACE);
    await client.call('POST', '/apis/external-secrets.io/v1/clustersecretstores', aFakeClusterStore(s.count));
    if (s.warmHarness > 0) await warmHarness(client, s.warmHarness, s.createConcurrency);
    operator = await OperatorChild.start({
      kubeconfigPath: emulator.kubeconfigPath,
      concurrency: s.concurrent,
    });
    await waitForStoreReady(client);
    const list = await client.call<{ metadata: { resourceVersion: string } }>(
      'GET',
      `/apis/external-secrets.io/v1/namespaces/${NAMESPACE}/externalsecrets?limit=1`,
    );
    if (s.warmup > 0) await warmUp(s, client, emulator);
    tracker.start(client, NAMESPACE, list.metadata.resourceVersion);
    const initial = await initialSync(s, client, emulator, operator, tracker);
    const rssInitial = peakRssBytes(operator.pid);
    const overlapped = tracker.firstRefreshTime !== undefined;
    const refresh = s.skipRefresh
      ? undefined
      : await refreshRound(s, emulator, operator, tracker, await operatorCounters(operator));
    printReport({
      count: s.count,
      concurrent: s.concurrent,
      keysPerExternalSecret: 3,
      warmup: s.warmup,
      warmHarness: s.warmHarness,
      initial,
      refresh,
      rssInitial,
      rssPeak: peakRssBytes(operator.pid),
      overlapped,
    });
  } finally {
    tracker.stop();
    client.close();
    await operator?.stop();
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
