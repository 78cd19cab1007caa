/**
 * What every conformance case works with: its own {@link ConformanceWorld}, the suite's backend,
 * unique remote keys and canary-bearing values, and short helpers for the steps every case repeats
 * (seed, create the store, sync an ExternalSecret, let a refresh interval pass).
 */
import type { ExternalSecret } from '../../api/v1/external-secret.js';
import type { StoreKind } from '../../provider/provider.js';
import { CANARY } from '../external-secret-fixtures.js';
import { anExternalSecret, type ExternalSecretBuilder } from '../fixtures.js';
import type {
  ConformanceAdapter,
  ConformanceBackend,
  ConformanceCapabilities,
  RemoteValue,
  SeedOptions,
} from './conformance-adapter.js';
import { ConformanceWorld, type ConformanceRun } from './conformance-world.js';

/** `refreshInterval` of every case's ExternalSecrets. */
export const CASE_REFRESH_INTERVAL = '1h';
/** Time a case lets pass to make a refresh due (the interval plus a second). */
export const REFRESH_DUE_MS = 3_600_000 + 1_000;
/** The Kubernetes limit on a Secret's data. */
export const SECRET_LIMIT_BYTES = 1024 * 1024;

/** Capabilities with every default applied. */
export type ResolvedCapabilities = Required<Omit<ConformanceCapabilities, 'findPath'>> &
  Pick<ConformanceCapabilities, 'findPath'>;

/** Applies the documented defaults. */
export function resolveCapabilities(capabilities: ConformanceCapabilities): ResolvedCapabilities {
  const supportsPush = capabilities.supportsPush ?? false;
  return {
    findReturns: capabilities.findReturns,
    supportsFindByName: capabilities.supportsFindByName ?? true,
    supportsTags: capabilities.supportsTags ?? false,
    findPath: capabilities.findPath,
    supportsNestedProperty: capabilities.supportsNestedProperty ?? false,
    supportsBinary: capabilities.supportsBinary ?? false,
    supportsPush,
    refusesForeignOverwrite: capabilities.refusesForeignOverwrite ?? supportsPush,
    maxValueBytes: capabilities.maxValueBytes ?? SECRET_LIMIT_BYTES,
  };
}

/** One case: a sentence, what it needs, and its body. */
export interface ConformanceCase {
  /** The test name: a sentence. */
  readonly name: string;
  /** Why the provider cannot run this case, or undefined when it can. */
  readonly skipReason?: (capabilities: ResolvedCapabilities) => string | undefined;
  run(t: CaseHarness): Promise<void>;
}

/** A titled group of cases (one `describe` block). */
export interface ConformanceCaseGroup {
  readonly title: string;
  readonly cases: readonly ConformanceCase[];
}

/** See the module comment. */
export class CaseHarness {
  readonly world: ConformanceWorld;

  constructor(
    readonly adapter: ConformanceAdapter,
    readonly backend: ConformanceBackend,
    readonly capabilities: ResolvedCapabilities,
    /** Unique per case; prefixes every remote key so cases sharing a backend never meet. */
    readonly id: string,
  ) {
    this.world = new ConformanceWorld(adapter, { storeName: `conformance-${id}` });
  }

  /** The remote key this case uses for `name`. */
  key(name: string): string {
    return `${this.id}-${name}`;
  }

  /** A value carrying the canary, so a leak anywhere visible fails the case. */
  value(label: string): string {
    return `${CANARY}:${this.id}:${label}`;
  }

  /** Seeds the remote secret `key(name)` and returns that key; edits the store when its spec depends on the data. */
  async seed(name: string, value: RemoteValue, options?: SeedOptions): Promise<string> {
    return this.seedRaw(this.key(name), value, options);
  }

  /** Seeds a remote secret under exactly `key`. */
  async seedRaw(key: string, value: RemoteValue, options?: SeedOptions): Promise<string> {
    await this.backend.seed(key, value, options);
    await this.world.updateStore(this.backend.storeSpec({ kind: this.world.storeKind }));
    return key;
  }

  /** Deletes the remote secret `key(name)` in the backend. */
  async remove(name: string): Promise<void> {
    await this.backend.remove(this.key(name));
    await this.world.updateStore(this.backend.storeSpec({ kind: this.world.storeKind }));
  }

  /** Creates the case's store (a SecretStore unless told) and brings it to Ready through the store reconciler. */
  async startStore(kind: StoreKind = 'SecretStore'): Promise<void> {
    await this.world.createStore(this.backend.storeSpec({ kind }), kind);
  }

  /** An ExternalSecret reading the case's store, refreshed every {@link CASE_REFRESH_INTERVAL}. */
  externalSecret(name: string): ExternalSecretBuilder {
    return anExternalSecret(name)
      .usingStore(this.world.storeName, this.world.storeKind)
      .withRefreshInterval(CASE_REFRESH_INTERVAL);
  }

  /** Applies `es`, reconciles it once and expects a successful sync. */
  async sync(es: ExternalSecret): Promise<void> {
    await this.world.apply(es);
    const name = es.metadata.name ?? '';
    const run = await this.world.reconcile(name);
    expectSynced(run, this.world.ready(name));
  }

  /** Lets a refresh interval pass and reconciles `name` again. */
  refresh(name: string): Promise<ConformanceRun> {
    return this.world.reconcileAfter(REFRESH_DUE_MS, name);
  }

  /** Fails when the canary shows in any status, event, error or log line. */
  expectNoLeak(): void {
    const visible = this.world.visibleText();
    if (visible.includes(CANARY)) {
      const line = visible.split('\n').find((l) => l.includes(CANARY)) ?? '';
      throw new Error(`a seeded secret value leaked into visible text: ${line.slice(0, 300)}`);
    }
  }

  async close(): Promise<void> {
    await this.world.close();
  }
}

/** Fails with the reconcile error and Ready condition unless the run synced. */
export function expectSynced(
  run: ConformanceRun,
  ready: { status: string; reason?: string; message?: string } | undefined,
): void {
  if (run.error) {
    throw new Error(`expected the ExternalSecret to sync, but the reconcile failed: ${run.error.message}`, {
      cause: run.error,
    });
  }
  expect(ready).toMatchObject({ status: 'True', reason: 'SecretSynced' });
}

/** UTF-8 bytes of `text`. */
export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
