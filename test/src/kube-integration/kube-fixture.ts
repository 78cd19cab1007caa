/**
 * Shared set-up of the kube-layer integration tests: the Kubernetes API emulator over HTTPS, and
 * Tessera's own kube seams connected to it through the kubeconfig it writes (TLS verified).
 */
import { connectToKube, type KubeConnection, type KubeConnectionOptions } from '@tessera/core';
import {
  startKubeApiServer,
  type KubeApiServer,
  type KubeApiServerOptions,
} from '../emulators/kube-apiserver/index.js';

/** A running emulator plus a connection to it. */
export interface KubeWorld {
  readonly server: KubeApiServer;
  readonly kube: KubeConnection;
  /** Another connection (e.g. a second operator replica); closed by `stop`. */
  connect(options?: Omit<KubeConnectionOptions, 'kubeconfigPath'>): KubeConnection;
  stop(): Promise<void>;
}

/** Starts the emulator and connects to it with client rate limits lifted. */
export async function startKubeWorld(options: KubeApiServerOptions = {}): Promise<KubeWorld> {
  const server = await startKubeApiServer(options);
  const connections: KubeConnection[] = [];
  const connect = (extra: Omit<KubeConnectionOptions, 'kubeconfigPath'> = {}): KubeConnection => {
    const connection = connectToKube({ kubeconfigPath: server.kubeconfigPath, qps: 0, ...extra });
    connections.push(connection);
    return connection;
  };
  const kube = connect();
  return {
    server,
    kube,
    connect,
    async stop() {
      await Promise.all(connections.map((connection) => connection.close()));
      await server.stop();
    },
  };
}

/** Polls `condition` until it returns a truthy value; fails after the deadline naming `what`. */
export async function eventually<T>(
  condition: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A namespace name unique within one test file. */
export function uniqueName(prefix: string): string {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}
let uniqueCounter = 0;
