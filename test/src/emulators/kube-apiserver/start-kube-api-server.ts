import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  DEFAULT_ISSUER,
  ServiceAccountIssuer,
  type MintOptions,
  type VerifiedToken,
} from './auth/service-account-issuer.js';
import { CrdController } from './crd/crd-controller.js';
import { GarbageCollector } from './controllers/garbage-collector.js';
import { NamespaceController } from './controllers/namespace-controller.js';
import { WorkQueue } from './controllers/work-queue.js';
import type { FaultConfig, FaultController } from './faults/fault-config.js';
import { createObject } from './objects/create-object.js';
import type { RequestLog } from './observability/request-log.js';
import { buildContext } from './server/build-context.js';
import type { EmulatorContext } from './server/emulator-context.js';
import { createRequestListener } from './server/request-router.js';
import { loadSnapshot, saveSnapshot } from './storage/snapshot-file.js';
import { serverKeys } from './transport/key-material.js';
import { writeKubeconfig } from './transport/kubeconfig-file.js';
import { tlsMaterialFor } from './transport/tls-files.js';

/** Options of `startKubeApiServer`. */
export interface KubeApiServerOptions {
  /** @default 0 (a free port) */
  readonly port?: number;
  /** Seed of every random fault decision. @default 1 */
  readonly seed?: number;
  /** Initial fault injection; change it later through `faults`. @default none */
  readonly faults?: FaultConfig;
  /** Where to keep kubeconfig, keys and `state.json` across restarts. @default a temp dir removed on stop */
  readonly dataDir?: string;
  /** Events kept per resource for watch resumption; older resumes get 410. @default 10000 */
  readonly watchHistorySize?: number;
  /** Interval of BOOKMARK events on watches that allow them. @default 5000 */
  readonly bookmarkIntervalMs?: number;
  /** `iss` of ServiceAccount tokens (and the API audience). @default 'https://kubernetes.default.svc.cluster.local' */
  readonly serviceAccountIssuer?: string;
  /** Bearer token of the kubeconfig user. @default random */
  readonly adminToken?: string;
  /** Accept requests with any or no token (as the playground contract allows). @default false */
  readonly acceptAnyToken?: boolean;
}

/** The ServiceAccount token signer, for other emulators (e.g. Vault's Kubernetes auth) and tests. */
export interface ServiceAccountTokens {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly publicKeyPem: string;
  jwks(): { keys: object[] };
  mint(options: MintOptions): Promise<{ token: string; expirationTimestamp: Date }>;
  verify(token: string, audiences?: readonly string[]): Promise<VerifiedToken | undefined>;
}

/** A running emulator. */
export interface KubeApiServer {
  /** `https://127.0.0.1:<port>`. */
  readonly url: string;
  /** Absolute path of a kubeconfig for this server (admin token, CA inline). */
  readonly kubeconfigPath: string;
  /** PEM of the CA that signed the serving certificate. */
  readonly caPem: string;
  readonly adminToken: string;
  readonly requestLog: RequestLog;
  readonly faults: FaultController;
  readonly serviceAccountTokens: ServiceAccountTokens;
  /** Stops serving, ends open watches, saves state when `dataDir` is set. */
  stop(): Promise<void>;
}

const SEED_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

function seedNamespaces(ctx: EmulatorContext): void {
  const type = ctx.registry.find('', 'v1', 'namespaces');
  if (!type) return;
  for (const name of SEED_NAMESPACES)
    createObject(ctx.store, type, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}

function startControllers(ctx: EmulatorContext): WorkQueue {
  const queue = new WorkQueue((key, err) =>
    process.emitWarning(`kube emulator controller ${key} failed: ${(err as Error).message}`),
  );
  new CrdController(ctx.store, ctx.registry, queue).start();
  new GarbageCollector(ctx.store, ctx.registry, queue).start();
  new NamespaceController(ctx.store, ctx.registry, queue).start();
  return queue;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok((server.address() as AddressInfo).port));
  });
}

/**
 * Starts an in-memory Kubernetes API server (1.32 semantics) over HTTPS on 127.0.0.1 and writes a kubeconfig for it.
 * kubectl and @kubernetes/client-node treat it as a real cluster; see the wire contract in shared/contracts.
 */
export async function startKubeApiServer(options: KubeApiServerOptions = {}): Promise<KubeApiServer> {
  const dir = options.dataDir ? resolve(options.dataDir) : await mkdtemp(join(tmpdir(), 'tessera-kube-'));
  if (options.dataDir) await mkdir(dir, { recursive: true });
  const keys = await serverKeys(options.dataDir ? dir : undefined);
  const tls = await tlsMaterialFor(keys.tls, options.dataDir ? dir : undefined);
  const issuer = await ServiceAccountIssuer.create(
    options.serviceAccountIssuer ?? DEFAULT_ISSUER,
    keys.serviceAccount,
  );
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  const ctx = buildContext({
    seed: options.seed ?? 1,
    faults: options.faults,
    issuer,
    adminToken,
    acceptAnyToken: options.acceptAnyToken ?? false,
    watchHistorySize: options.watchHistorySize ?? 10_000,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5000,
  });
  if (!(options.dataDir && (await loadSnapshot(ctx.store, dir)))) seedNamespaces(ctx);
  const queue = startControllers(ctx);
  const server = createServer({ key: tls.keyPem, cert: tls.certPem }, createRequestListener(ctx));
  server.keepAliveTimeout = 65_000;
  const port = await listen(server, options.port ?? 0);
  ctx.settings.serverAddress = `127.0.0.1:${port}`;
  ctx.settings.url = `https://127.0.0.1:${port}`;
  const kubeconfigPath = await writeKubeconfig(dir, {
    server: ctx.settings.url,
    caPem: tls.caPem,
    token: adminToken,
  });
  let stopped = false;
  return {
    url: ctx.settings.url,
    kubeconfigPath,
    caPem: tls.caPem,
    adminToken,
    requestLog: ctx.requestLog,
    faults: ctx.faults,
    serviceAccountTokens: {
      issuer: issuer.issuer,
      jwksUri: `${ctx.settings.url}/openid/v1/jwks`,
      publicKeyPem: issuer.publicKeyPem,
      jwks: () => issuer.jwks(),
      mint: (o) => issuer.mint(o),
      verify: (token, audiences) => issuer.verify(token, audiences),
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      queue.stop();
      for (const w of ctx.hub.open()) w.close();
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
      if (options.dataDir) await saveSnapshot(ctx.store, dir);
      else await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Alias of `startKubeApiServer`. */
export const start = startKubeApiServer;
