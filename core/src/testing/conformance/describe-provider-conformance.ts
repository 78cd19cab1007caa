/**
 * The provider conformance suite: the same cases for every provider, like ESO's shared e2e cases.
 * A provider package runs it from one test file with its {@link ConformanceAdapter}:
 *
 * ```ts
 * // providers/acme/src/acme.conformance.test.ts
 * import { describeProviderConformance } from '@tessera/core/testing';
 * describeProviderConformance(acmeConformanceAdapter);
 * ```
 *
 * Every case runs through the real SecretStore and ExternalSecret reconcilers over the in-memory
 * Kubernetes API, with the real provider talking to its backend (an emulator over loopback HTTP
 * through the vendor SDK). A case the provider legitimately cannot run is registered as skipped,
 * with the reason in its name. After every case, no seeded value may show in a status, event,
 * reconcile error or log line.
 *
 * Uses Jest's global `describe` / `it` (not an import of `@jest/globals`), so importing
 * `@tessera/core/testing` outside Jest stays harmless; calling this outside Jest throws.
 */
import type { ConformanceAdapter, ConformanceBackend } from './conformance-adapter.js';
import { findCases } from './cases-find.js';
import { lifecycleCases } from './cases-lifecycle.js';
import { pushCases } from './cases-push.js';
import { readCases } from './cases-read.js';
import {
  CaseHarness,
  resolveCapabilities,
  type ConformanceCase,
  type ConformanceCaseGroup,
  type ResolvedCapabilities,
} from './conformance-case.js';

/** Every case group, in the order they run. */
export const CONFORMANCE_CASE_GROUPS: readonly ConformanceCaseGroup[] = [
  readCases,
  findCases,
  lifecycleCases,
  pushCases,
];

/** Registers the conformance suite for `adapter` as Jest `describe` / `it` blocks. */
export function describeProviderConformance(adapter: ConformanceAdapter): void {
  if (typeof describe !== 'function') {
    throw new Error('describeProviderConformance must be called at the top level of a Jest test file');
  }
  const capabilities = resolveCapabilities(adapter.capabilities);
  describe(`provider conformance: ${adapter.name}`, () => {
    let backend: ConformanceBackend | undefined;
    beforeAll(async () => {
      backend = await adapter.setup();
    });
    afterAll(async () => {
      await backend?.teardown();
    });
    let counter = 0;
    for (const group of CONFORMANCE_CASE_GROUPS) {
      describe(group.title, () => {
        for (const conformanceCase of group.cases) {
          counter += 1;
          const id = `c${String(counter).padStart(2, '0')}`;
          registerCase(conformanceCase, capabilities, () => {
            if (!backend) throw new Error(`${adapter.name} conformance: setup() did not return a backend`);
            return new CaseHarness(adapter, backend, capabilities, id);
          });
        }
      });
    }
  });
}

function registerCase(
  conformanceCase: ConformanceCase,
  capabilities: ResolvedCapabilities,
  harness: () => CaseHarness,
): void {
  const reason = conformanceCase.skipReason?.(capabilities);
  if (reason !== undefined) {
    it.skip(`${conformanceCase.name} (skipped: ${reason})`, () => undefined);
    return;
  }
  it(conformanceCase.name, async () => {
    const t = harness();
    try {
      await conformanceCase.run(t);
      t.expectNoLeak();
    } finally {
      await t.close();
    }
  });
}
