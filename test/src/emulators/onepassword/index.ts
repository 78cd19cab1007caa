/**
 * An in-process 1Password Connect server for tests, benchmarks and the playground. It follows
 * `../shared/contracts/README.md` §1 and the Connect OpenAPI spec 1.7.1 so that the real
 * `@1password/connect` SDK behaves against it as against Connect.
 *
 * ```ts
 * const connect = await startOnePasswordConnect({ seed: 'examples/onepassword/connect-seed.yaml' });
 * const op = OnePasswordConnect({ serverURL: connect.url, token: connect.token });
 * // …
 * await connect.stop();
 * ```
 */
import type { AddressInfo } from 'node:net';
import { ConnectStore } from './connect-store.js';
import { createConnectServer } from './connect-server.js';
import { FaultInjector } from './faults.js';
import { RequestLog } from './request-log.js';
import { fileRoutes } from './routes-files.js';
import { itemRoutes } from './routes-items.js';
import { miscRoutes } from './routes-misc.js';
import { vaultRoutes } from './routes-vaults.js';
import { loadSeedFile, type SeedDoc } from './seed.js';

/** Options of {@link startOnePasswordConnect}. */
export interface StartOnePasswordConnectOptions {
  /** Port to listen on (127.0.0.1). @default 0 (any free port) */
  readonly port?: number;
  /** Host to bind. @default '127.0.0.1' */
  readonly host?: string;
  /** Seed document, or the path of a seed YAML file. @default no vaults */
  readonly seed?: SeedDoc | string;
  /** Token to accept; overrides the seed's `token`. @default the seed's token, else a random one */
  readonly token?: string;
  /** Largest file served inline with `inline_files=true` (Connect's `OP_MAX_INLINE_FILE_SIZE_KB`). @default 102400 */
  readonly maxInlineFileBytes?: number;
}

/** A running emulator. */
export interface OnePasswordConnectEmulator {
  /** Base URL (`http://127.0.0.1:<port>`); API routes sit under `/v1`. */
  readonly url: string;
  /** The token currently accepted (changes with `store.rotateToken()`). */
  readonly token: string;
  /** Request counter per endpoint (`operationId`). */
  readonly requestLog: RequestLog;
  /** Fault injection: statuses, `Retry-After`, latency, vaults out of scope. */
  readonly faults: FaultInjector;
  /** Vaults, items and the token, mutable at run time. */
  readonly store: ConnectStore;
  /** Stops serving and closes every connection. */
  stop(): Promise<void>;
}

/** Starts a Connect emulator and resolves once it accepts connections. */
export async function startOnePasswordConnect(
  options: StartOnePasswordConnectOptions = {},
): Promise<OnePasswordConnectEmulator> {
  const seed = typeof options.seed === 'string' ? await loadSeedFile(options.seed) : options.seed;
  const store = new ConnectStore({ ...(seed?.token !== undefined ? { token: seed.token } : {}) });
  if (seed) store.loadSeed(seed);
  if (options.token !== undefined) store.rotateToken(options.token);
  const faults = new FaultInjector();
  const requestLog = new RequestLog();
  const routes = [
    ...vaultRoutes,
    ...itemRoutes,
    ...fileRoutes(options.maxInlineFileBytes ?? 100 * 1024),
    ...miscRoutes,
  ];
  const server = createConnectServer(routes, { store, faults, log: requestLog });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    get token() {
      return store.token;
    },
    requestLog,
    faults,
    store,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export { ConnectStore } from './connect-store.js';
export {
  FaultInjector as ConnectFaultInjector,
  type Fault as ConnectFault,
  type FaultSpec as ConnectFaultSpec,
} from './faults.js';
export {
  RequestLog as ConnectRequestLog,
  type LoggedRequest as ConnectLoggedRequest,
} from './request-log.js';
export { VAULT_LOOKUP_OPERATIONS, type ConnectOperation } from './operations.js';
export {
  parseSeed as parseConnectSeed,
  loadSeedFile as loadConnectSeedFile,
  type SeedDoc as ConnectSeedDoc,
  type SeedItem as ConnectSeedItem,
  type SeedField as ConnectSeedField,
  type SeedFile as ConnectSeedFile,
} from './seed.js';
export type {
  ItemRecord as ConnectItemRecord,
  VaultRecord as ConnectVaultRecord,
  FieldRecord as ConnectFieldRecord,
  FileRecord as ConnectFileRecord,
  SectionRecord as ConnectSectionRecord,
} from './model.js';
