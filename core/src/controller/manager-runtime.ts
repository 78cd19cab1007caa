/**
 * Builds the operator's shared runtime from its flags: redactor, logger, metrics, kube connection,
 * event recorder, manager (with leader election when asked) and the ops HTTP servers. The
 * composition root adds controllers to `manager`, then calls `start()`; `stop()` shuts everything
 * down in order. Reconcile logic lives elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { KubeEventRecorder } from '../kube/event-recorder.js';
import { connectToKube, type KubeConnection } from '../kube/kube-connection.js';
import { JsonLogger, type LogLevel, type Logger } from '../logging/logger.js';
import { Redactor } from '../logging/redactor.js';
import { parseListenAddress, startOpsServer, type OpsServer } from '../metrics/ops-server.js';
import { TesseraMetrics } from '../metrics/tessera-metrics.js';
import { systemClock, type Clock } from './clock.js';
import { Manager } from './manager.js';

const IN_CLUSTER_NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

/** Options of {@link createOperatorRuntime}: the operator's runtime flags. */
export interface OperatorRuntimeOptions {
  /** `--kubeconfig`. @default in-cluster, else $KUBECONFIG / ~/.kube/config */
  readonly kubeconfigPath?: string;
  /** `--context`. @default the kubeconfig's current context */
  readonly context?: string;
  /** `--client-qps` (0 lifts the limit). @default 50 */
  readonly qps?: number;
  /** `--client-burst`. @default 100 */
  readonly burst?: number;
  /** `--namespace`: restrict caches to one namespace. @default all namespaces */
  readonly namespace?: string;
  /** `--enable-leader-election`. @default false */
  readonly leaderElection?: boolean;
  /** `--leader-election-id` (the Lease name). @default 'tessera-controller' */
  readonly leaderElectionId?: string;
  /** Lease namespace. @default the pod's namespace in-cluster, else the kubeconfig context's */
  readonly leaderElectionNamespace?: string;
  /** Lease timings in ms. @default 15_000 / 10_000 / 2_000 */
  readonly leaseDurationMs?: number;
  readonly renewDeadlineMs?: number;
  readonly retryPeriodMs?: number;
  /** `--metrics-addr`; '' or '0' disables. @default ':8080' */
  readonly metricsAddress?: string;
  /** `--live-addr` for /healthz and /readyz; the same as metricsAddress serves all on one port. @default ':8082' */
  readonly healthAddress?: string;
  /** `--loglevel`. @default 'info' */
  readonly logLevel?: LogLevel;
  /** Where log lines go. @default stdout */
  readonly logSink?: (line: string) => void;
  /** Field manager on writes. @default 'tessera' */
  readonly fieldManager?: string;
  /** `User-Agent` of every Kubernetes request. @default 'tessera' */
  readonly userAgent?: string;
  /** Event `source.component`. @default 'external-secrets' */
  readonly eventComponent?: string;
  /** @default systemClock */
  readonly clock?: Clock;
}

/** The assembled runtime. */
export interface OperatorRuntime {
  readonly redactor: Redactor;
  readonly logger: Logger;
  readonly metrics: TesseraMetrics;
  readonly kube: KubeConnection;
  readonly events: KubeEventRecorder;
  readonly manager: Manager;
  /** URLs of the running ops servers (after start). */
  readonly servers: readonly OpsServer[];
  /** Starts ops servers, then the manager (resolves once caches have synced). */
  start(): Promise<void>;
  /** Stops the manager gracefully (events flushed, Lease released), then the servers. */
  stop(): Promise<void>;
}

/** See the module comment. @throws KubeConfigError when the kubeconfig is unusable */
export function createOperatorRuntime(options: OperatorRuntimeOptions = {}): OperatorRuntime {
  const clock = options.clock ?? systemClock;
  const redactor = new Redactor();
  const logger = new JsonLogger({ level: options.logLevel ?? 'info', redactor, sink: options.logSink });
  const metrics = new TesseraMetrics();
  const kube = connectToKube({ ...options, cacheNamespace: options.namespace, logger, clock });
  const events = new KubeEventRecorder({
    kube: kube.client,
    redactor,
    logger,
    clock,
    component: options.eventComponent,
  });
  const manager = new Manager({
    caches: kube.caches,
    logger,
    clock,
    metrics,
    leaderElection: options.leaderElection
      ? {
          kube: kube.client,
          leaseName: options.leaderElectionId ?? 'tessera-controller',
          leaseNamespace: options.leaderElectionNamespace ?? podNamespace() ?? kube.defaultNamespace,
          leaseDurationMs: options.leaseDurationMs,
          renewDeadlineMs: options.renewDeadlineMs,
          retryPeriodMs: options.retryPeriodMs,
        }
      : undefined,
  });
  manager.onStop(() => events.flush());
  const servers: OpsServer[] = [];
  return {
    redactor,
    logger,
    metrics,
    kube,
    events,
    manager,
    servers,
    async start() {
      servers.push(...(await startServers(options, metrics, manager)));
      for (const server of servers) logger.info('serving', { url: server.url });
      await manager.start();
    },
    async stop() {
      await manager.stop();
      await Promise.all(servers.splice(0).map((server) => server.close()));
      await kube.close();
    },
  };
}

async function startServers(
  options: OperatorRuntimeOptions,
  metrics: TesseraMetrics,
  manager: Manager,
): Promise<OpsServer[]> {
  const metricsAddress = options.metricsAddress ?? ':8080';
  const healthAddress = options.healthAddress ?? ':8082';
  const health = { healthy: () => true, ready: () => manager.ready };
  const enabled = (address: string): boolean => address !== '' && address !== '0';
  if (enabled(metricsAddress) && metricsAddress === healthAddress) {
    return [
      await startOpsServer({ ...parseListenAddress(metricsAddress), registry: metrics.registry, ...health }),
    ];
  }
  const servers: OpsServer[] = [];
  if (enabled(metricsAddress))
    servers.push(await startOpsServer({ ...parseListenAddress(metricsAddress), registry: metrics.registry }));
  if (enabled(healthAddress))
    servers.push(await startOpsServer({ ...parseListenAddress(healthAddress), ...health }));
  return servers;
}

function podNamespace(): string | undefined {
  if (!process.env.KUBERNETES_SERVICE_HOST || !existsSync(IN_CLUSTER_NAMESPACE_FILE)) return undefined;
  return readFileSync(IN_CLUSTER_NAMESPACE_FILE, 'utf8').trim() || undefined;
}
