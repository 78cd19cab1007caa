/**
 * Differential test: every corpus case is rendered by Tessera's engine and by Go's text/template
 * with sprig (the oracle); outputs must be byte-identical, or both must fail.
 */
import { compileTemplate } from '@tessera/core';
import { CORPUS } from './corpus/index.js';
import { type OracleCase, type OracleResult, buildOracle, oracleGate, runOracle } from './go-oracle.js';

interface Outcome {
  readonly ok: boolean;
  readonly output: Buffer;
  readonly error?: string;
}

/** Renders one case with Tessera's engine. */
export function renderWithTessera(c: OracleCase): Outcome {
  try {
    const output = compileTemplate(c.template, { name: c.name || 'template', now: () => new Date(0) }).executeToBuffer(c.data ?? null);
    return { ok: true, output };
  } catch (e) {
    return { ok: false, output: Buffer.alloc(0), error: (e as Error).message };
  }
}

/** Describes how two outcomes differ, or undefined when they agree. */
export function describeMismatch(c: OracleCase, go: OracleResult | undefined, ts: Outcome): string | undefined {
  if (!go) return `${c.id}: the oracle returned no result`;
  if (go.ok && ts.ok && go.output.equals(ts.output)) return undefined;
  if (!go.ok && !ts.ok) return undefined;
  const show = (o: { ok: boolean; output: Buffer; error?: string }): string => (o.ok ? JSON.stringify(o.output.toString('latin1')) : `ERROR ${o.error}`);
  return `${c.id}: ${JSON.stringify(c.template)}\n    go:      ${show(go)}\n    tessera: ${show(ts)}`;
}

const gate = oracleGate();
const describeIf = gate.run ? describe : describe.skip;

describeIf('Tessera templates render exactly like Go text/template + sprig', () => {
  let results: Map<string, OracleResult>;

  beforeAll(() => {
    results = runOracle(buildOracle(), CORPUS);
  }, 180_000);

  it('has a corpus of at least 300 cases with unique ids', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
  });

  it('agrees with Go on every corpus case (same bytes, or both fail)', () => {
    // GIVEN the corpus rendered by Go  WHEN Tessera renders it  THEN nothing differs
    const mismatches = CORPUS.map((c) => describeMismatch(c, results.get(c.id), renderWithTessera(c))).filter((m) => m !== undefined);
    expect(mismatches).toEqual([]);
  });

  it('exercises both successful renders and failures', () => {
    const outcomes = CORPUS.map((c) => results.get(c.id)?.ok);
    expect(outcomes.filter((ok) => ok === true).length).toBeGreaterThan(200);
    expect(outcomes.filter((ok) => ok === false).length).toBeGreaterThan(20);
  });
});
