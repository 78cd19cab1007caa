/**
 * The flags of `tessera operator`, named as External Secrets Operator names them where ESO has the
 * flag (eso-behaviour.md §E.2: `--concurrent`, `--namespace`, `--controller-class`,
 * `--enable-leader-election`, `--leader-election-id`, `--metrics-addr`, `--live-addr`,
 * `--client-qps`, `--client-burst`, `--loglevel`, `--store-requeue-interval`, `--enable-flood-gate`,
 * `--enable-cluster-store-reconciler`, `--enable-cluster-external-secret-reconciler`), so a
 * Deployment written for ESO keeps working. Tessera adds the template engine's limits
 * (`--template-max-output-bytes`, `--template-max-steps`, `--template-max-depth`) and
 * `--heap-growing-percent` (how far V8's heap may grow past live data between full collections). Boolean flags accept Go's forms (`--flag`,
 * `--flag=true`, `--flag=false`). Parsing fails loudly with the flag's name and what to write.
 */
import type { Command } from 'commander';
import { parseGoDuration } from '../api/v1/duration.js';
import { parseLogLevel, type LogLevel } from '../logging/logger.js';
import { parseListenAddress } from '../metrics/ops-server.js';
import { TesseraError } from '../provider/errors.js';
import { DEFAULT_TEMPLATE_LIMITS, type TemplateLimitNames, type TemplateLimits } from '../template/index.js';

/** The flag setting each template limit; limit errors in ExternalSecret statuses name it. */
export const TEMPLATE_LIMIT_FLAGS = Object.freeze({
  maxOutputBytes: '--template-max-output-bytes',
  maxSteps: '--template-max-steps',
  maxDepth: '--template-max-depth',
});

/** How limit errors of the operator name the limits: by the flag to raise. */
export const TEMPLATE_LIMIT_NAMES: TemplateLimitNames = Object.freeze({
  maxOutputBytes: `the operator flag ${TEMPLATE_LIMIT_FLAGS.maxOutputBytes}`,
  maxSteps: `the operator flag ${TEMPLATE_LIMIT_FLAGS.maxSteps}`,
  maxDepth: `the operator flag ${TEMPLATE_LIMIT_FLAGS.maxDepth}`,
});

/** A flag value that cannot be used; the message names the flag and an accepted form. */
export class InvalidFlagError extends TesseraError {
  readonly reason = 'InvalidFlag';
}

/** Parsed and validated flags of `tessera operator`. */
export interface OperatorFlags {
  readonly kubeconfigPath?: string;
  readonly context?: string;
  readonly namespace?: string;
  readonly concurrency: number;
  readonly controllerClass: string;
  readonly leaderElection: boolean;
  readonly leaderElectionId: string;
  readonly leaderElectionNamespace?: string;
  readonly leaseDurationMs: number;
  readonly renewDeadlineMs: number;
  readonly retryPeriodMs: number;
  readonly metricsAddress: string;
  readonly healthAddress: string;
  readonly qps: number;
  readonly burst: number;
  readonly logLevel: LogLevel;
  readonly storeRequeueIntervalMs: number;
  readonly floodGate: boolean;
  readonly clusterStoreReconciler: boolean;
  readonly clusterExternalSecretReconciler: boolean;
  /** The template engine's limits for every ExternalSecret template. */
  readonly templateLimits: Required<TemplateLimits>;
  /** V8's `--heap-growing-percent` for the process; 0 keeps V8's own heuristic. */
  readonly heapGrowingPercent: number;
}

/** Raw values as commander hands them over (strings, or `true` for a bare boolean flag). */
type RawFlags = Record<string, string | boolean | undefined>;

/** Adds every operator flag, with ESO's defaults, to `command`. */
export function defineOperatorFlags(command: Command): Command {
  return command
    .option(
      '--kubeconfig <path>',
      'kubeconfig to use (default: in-cluster config, else $KUBECONFIG or ~/.kube/config)',
    )
    .option('--context <name>', "kubeconfig context (default: the kubeconfig's current context)")
    .option(
      '--namespace <namespace>',
      'watch ExternalSecrets, SecretStores and Secrets in this namespace only (default: all)',
    )
    .option('--concurrent <n>', 'reconcile workers per controller', '1')
    .option(
      '--controller-class <class>',
      'handle stores whose spec.controller is empty or this value',
      'default',
    )
    .option('--enable-leader-election [bool]', 'only the replica holding the Lease reconciles', false)
    .option('--leader-election-id <name>', 'name of the leader-election Lease', 'tessera-controller')
    .option(
      '--leader-election-namespace <namespace>',
      "namespace of the Lease (default: the pod's namespace, else the kubeconfig context's)",
    )
    .option(
      '--leader-election-lease-duration <duration>',
      'how long followers wait before taking a Lease that is not renewed',
      '15s',
    )
    .option(
      '--leader-election-renew-deadline <duration>',
      'how long the leader keeps trying to renew before it gives up',
      '10s',
    )
    .option('--leader-election-retry-period <duration>', 'interval between leader-election attempts', '2s')
    .option('--metrics-addr <address>', "address of /metrics ('0' disables)", ':8080')
    .option(
      '--live-addr <address>',
      "address of /healthz and /readyz ('0' disables; equal to --metrics-addr serves all on one port)",
      ':8082',
    )
    .option('--client-qps <qps>', 'Kubernetes client requests per second (0 lifts the limit)', '50')
    .option('--client-burst <n>', 'Kubernetes client burst', '100')
    .option('--loglevel <level>', 'debug, info, warn or error', 'info')
    .option(
      '--store-requeue-interval <duration>',
      'revalidation interval of stores without spec.refreshInterval',
      '5m',
    )
    .option('--enable-flood-gate [bool]', 'ExternalSecrets fail fast while their store is not Ready', true)
    .option('--enable-cluster-store-reconciler [bool]', 'run the ClusterSecretStore controller', true)
    .option(
      '--enable-cluster-external-secret-reconciler [bool]',
      'run the ClusterExternalSecret controller',
      true,
    )
    .option(
      `${TEMPLATE_LIMIT_FLAGS.maxOutputBytes} <bytes>`,
      'largest template output, and largest string or list a template function builds',
      String(DEFAULT_TEMPLATE_LIMITS.maxOutputBytes),
    )
    .option(
      `${TEMPLATE_LIMIT_FLAGS.maxSteps} <n>`,
      'evaluation steps one template may take (loops, calls)',
      String(DEFAULT_TEMPLATE_LIMITS.maxSteps),
    )
    .option(
      `${TEMPLATE_LIMIT_FLAGS.maxDepth} <n>`,
      'deepest nesting of template blocks and template calls',
      String(DEFAULT_TEMPLATE_LIMITS.maxDepth),
    )
    .option(
      '--heap-growing-percent <n>',
      "how far the JS heap may grow past live data before a full garbage collection (0: V8's default, up to 4x)",
      String(DEFAULT_HEAP_GROWING_PERCENT),
    );
}

/**
 * Default of `--heap-growing-percent`. V8 lets the old generation grow up to 4× past live data
 * between full collections; with informer caches of 10,000 ExternalSecrets that headroom alone
 * took the operator's peak RSS past 300 MB. 20 % keeps it near 240 MB for ~10 % more GC CPU
 * during a mass sync (docs/benchmarks.md).
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 20;

/** Turns commander's option values into {@link OperatorFlags}. @throws InvalidFlagError */
export function parseOperatorFlags(raw: RawFlags): OperatorFlags {
  return {
    kubeconfigPath: text(raw.kubeconfig),
    context: text(raw.context),
    namespace: text(raw.namespace),
    concurrency: integer(raw, 'concurrent', 1),
    controllerClass: text(raw.controllerClass) ?? 'default',
    leaderElection: bool(raw, 'enableLeaderElection', false),
    leaderElectionId: text(raw.leaderElectionId) ?? 'tessera-controller',
    leaderElectionNamespace: text(raw.leaderElectionNamespace),
    leaseDurationMs: duration(raw, 'leaderElectionLeaseDuration', '15s'),
    renewDeadlineMs: duration(raw, 'leaderElectionRenewDeadline', '10s'),
    retryPeriodMs: duration(raw, 'leaderElectionRetryPeriod', '2s'),
    metricsAddress: address(raw, 'metricsAddr', ':8080'),
    healthAddress: address(raw, 'liveAddr', ':8082'),
    qps: number(raw, 'clientQps', 50),
    burst: integer(raw, 'clientBurst', 100),
    logLevel: logLevel(raw),
    storeRequeueIntervalMs: duration(raw, 'storeRequeueInterval', '5m'),
    floodGate: bool(raw, 'enableFloodGate', true),
    clusterStoreReconciler: bool(raw, 'enableClusterStoreReconciler', true),
    clusterExternalSecretReconciler: bool(raw, 'enableClusterExternalSecretReconciler', true),
    templateLimits: {
      maxOutputBytes: integer(raw, 'templateMaxOutputBytes', DEFAULT_TEMPLATE_LIMITS.maxOutputBytes),
      maxSteps: integer(raw, 'templateMaxSteps', DEFAULT_TEMPLATE_LIMITS.maxSteps),
      maxDepth: integer(raw, 'templateMaxDepth', DEFAULT_TEMPLATE_LIMITS.maxDepth),
    },
    heapGrowingPercent: wholeNumber(raw, 'heapGrowingPercent', DEFAULT_HEAP_GROWING_PERCENT),
  };
}

/** `camelCase` commander key → `--kebab-case` flag, for messages. */
function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function text(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function bool(raw: RawFlags, key: string, fallback: boolean): boolean {
  const value = raw[key];
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  if (/^(true|1|t)$/i.test(value)) return true;
  if (/^(false|0|f)$/i.test(value)) return false;
  throw new InvalidFlagError(
    `${flagName(key)}="${value}" is not a boolean; write ${flagName(key)}=true or ${flagName(key)}=false`,
  );
}

function number(raw: RawFlags, key: string, fallback: number): number {
  const value = text(raw[key]);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    throw new InvalidFlagError(
      `${flagName(key)}="${value}" is not a non-negative number; write e.g. ${flagName(key)}=${fallback}`,
    );
  }
  return parsed;
}

/** A whole number of at least 1. */
function integer(raw: RawFlags, key: string, fallback: number): number {
  return wholeNumber(raw, key, fallback, 1);
}

/** A whole number of at least `min`. */
function wholeNumber(raw: RawFlags, key: string, fallback: number, min = 0): number {
  const parsed = number(raw, key, fallback);
  if (!Number.isInteger(parsed) || parsed < min) {
    const bound = min > 0 ? ` of at least ${min}` : '';
    throw new InvalidFlagError(
      `${flagName(key)}="${String(raw[key])}" must be a whole number${bound}; write e.g. ${flagName(key)}=${fallback}`,
    );
  }
  return parsed;
}

function duration(raw: RawFlags, key: string, fallback: string): number {
  const value = text(raw[key]) ?? fallback;
  try {
    const ms = parseGoDuration(value);
    if (ms <= 0) throw new Error('it must be positive');
    return ms;
  } catch (error) {
    throw new InvalidFlagError(
      `${flagName(key)}="${value}" is not a positive Go duration (${(error as Error).message}); write e.g. ${flagName(key)}=${fallback}`,
      { cause: error },
    );
  }
}

function address(raw: RawFlags, key: string, fallback: string): string {
  const value = typeof raw[key] === 'string' ? (raw[key] as string) : fallback;
  if (value === '' || value === '0') return value;
  try {
    parseListenAddress(value);
  } catch (error) {
    throw new InvalidFlagError(`${flagName(key)}: ${(error as Error).message}`, { cause: error });
  }
  return value;
}

function logLevel(raw: RawFlags): LogLevel {
  try {
    return parseLogLevel(text(raw.loglevel) ?? 'info');
  } catch (error) {
    throw new InvalidFlagError(`--loglevel: ${(error as Error).message}`, { cause: error });
  }
}
