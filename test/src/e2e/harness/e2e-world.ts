/**
 * One end-to-end world: the Kubernetes API emulator with the generated CRDs installed, a user
 * driving it through client-node, the operator processes started against it, and the canaries the
 * scenarios planted. Scenarios share one world per test file; each works in its own namespace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { startKubeApiServer, type KubeApiServer } from '../../emulators/kube-apiserver/index.js';
import { Canaries, type Leak } from './canaries.js';
import { KubeUser, STATUS_KINDS } from './kube-user.js';
import { OperatorProcess } from './operator-process.js';
import { waitFor } from './wait-for.js';
import { WatchedHistory } from './watched-history.js';

const CRD_DIR = fileURLToPath(new URL('../../../../crds/', import.meta.url));

/** See the module comment. */
export class E2eWorld {
  /** Every operator started in this world, running or not (their logs stay for the leak checks). */
  readonly operators: OperatorProcess[] = [];
  readonly canaries = new Canaries();
  private namespaces = 0;
  /** Statuses and Events as they changed, for the leak checks (set once the CRDs are installed). */
  private history: WatchedHistory | undefined;

  private constructor(
    readonly server: KubeApiServer,
    readonly user: KubeUser,
  ) {}

  /** Starts the emulator, installs the CRDs from `crds/` and starts following statuses and Events. */
  static async start(): Promise<E2eWorld> {
    const server = await startKubeApiServer();
    const world = new E2eWorld(server, new KubeUser(server.kubeconfigPath));
    await world.installCrds();
    world.history = await WatchedHistory.start(server.kubeconfigPath);
    return world;
  }

  /** Starts an operator process with the standard test flags plus `args`. */
  async startOperator(
    args: readonly string[] = [],
    name = `operator-${this.operators.length + 1}`,
  ): Promise<OperatorProcess> {
    const operator = await OperatorProcess.start({ kubeconfigPath: this.server.kubeconfigPath, args, name });
    this.operators.push(operator);
    return operator;
  }

  /** Creates a fresh namespace for one scenario and returns its name. */
  async namespace(prefix: string, labels?: Record<string, string>): Promise<string> {
    const name = `${prefix}-${++this.namespaces}`;
    await this.user.createNamespace(name, labels);
    return name;
  }

  /** Canaries found in logs, Events, statuses (current or past) or metrics. */
  leaks(): Promise<Leak[]> {
    return this.canaries.findLeaks(this.user, this.operators, this.history?.text ?? '');
  }

  /** Stops every operator (SIGTERM) and the emulator, then rejects with the first operator's failure, if any. */
  async stop(): Promise<void> {
    this.history?.stop();
    const stopped = await Promise.allSettled(this.operators.map((operator) => operator.stop()));
    await this.server.stop();
    for (const result of stopped) if (result.status === 'rejected') throw result.reason;
  }

  private async installCrds(): Promise<void> {
    const files = readdirSync(CRD_DIR).filter((file) => file.endsWith('.yaml'));
    if (files.length === 0) throw new Error(`no CRDs in ${CRD_DIR}: run \`npm run crds\``);
    for (const file of files) {
      for (const document of parseAllDocuments(readFileSync(join(CRD_DIR, file), 'utf8'))) {
        const body = document.toJS() as object;
        await this.user.custom.createClusterCustomObject({
          group: 'apiextensions.k8s.io',
          version: 'v1',
          plural: 'customresourcedefinitions',
          body,
        });
      }
    }
    for (const kind of STATUS_KINDS) {
      await waitFor(async () => (await this.user.list(kind), true), { what: `${kind} to be served` });
    }
  }
}
