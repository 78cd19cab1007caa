/**
 * The operator as the playground runs it: in this process, with its JSON logs going to a file
 * (standard output belongs to the status table), client rate limits lifted, and `/metrics`,
 * `/healthz` and `/readyz` on one free loopback port.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOperator, type ContainerModule, type TemplateRenderer } from '@tessera/core';

/** Options of {@link startPlaygroundOperator}. */
export interface PlaygroundOperatorOptions {
  readonly kubeconfigPath: string;
  readonly providerModules: readonly ContainerModule[];
  /** @default the reconciler's literal renderer */
  readonly renderer?: TemplateRenderer;
  /** @default 10000 */
  readonly storeRequeueIntervalMs?: number;
}

/** The running operator. */
export interface PlaygroundOperator {
  /** Where the JSON logs go. */
  readonly logPath: string;
  /** Base URL of the ops server (`/metrics`, `/healthz`, `/readyz`). */
  readonly metricsUrl: string;
  /** Graceful shutdown; the log file is closed afterwards. */
  stop(): Promise<void>;
}

/** Starts the operator and resolves once its caches have synced. */
export async function startPlaygroundOperator(
  options: PlaygroundOperatorOptions,
): Promise<PlaygroundOperator> {
  const logPath = join(await mkdtemp(join(tmpdir(), 'tessera-playground-')), 'operator.log');
  const log = createWriteStream(logPath, { flags: 'a' });
  const operator = await startOperator({
    kubeconfigPath: options.kubeconfigPath,
    providerModules: options.providerModules,
    renderer: options.renderer,
    storeRequeueIntervalMs: options.storeRequeueIntervalMs ?? 10_000,
    qps: 0,
    metricsAddress: '127.0.0.1:0',
    healthAddress: '127.0.0.1:0',
    userAgent: `tessera-operator/0.1.0 (playground) pid/${process.pid}`,
    logSink: (line) => void log.write(`${line}\n`),
  });
  return {
    logPath,
    metricsUrl: operator.runtime.servers[0]?.url ?? '(not served)',
    async stop() {
      await operator.stop();
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}
