/**
 * Differential test: every corpus case is rendered by Tessera's engine and by Go's text/template
 * with sprig (the oracle); outputs must be byte-identical, or both must fail.
 */
import { CORPUS } from './corpus/index.js';
import { describeMismatch, renderWithTessera } from './differential-support.js';
import { type OracleResult, buildOracle, oracleGate, runOracle } from './go-oracle.js';

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
    const mismatches = CORPUS.map((c) => describeMismatch(c, results.get(c.id), renderWithTessera(c))).filter(
      (m) => m !== undefined,
    );
    expect(mismatches).toEqual([]);
  });

  it('exercises both successful renders and failures', () => {
    const outcomes = CORPUS.map((c) => results.get(c.id)?.ok);
    expect(outcomes.filter((ok) => ok === true).length).toBeGreaterThan(200);
    expect(outcomes.filter((ok) => ok === false).length).toBeGreaterThan(20);
  });
});
