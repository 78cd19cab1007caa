/**
 * Builds and runs the Go oracle (go/main.go): real text/template + sprig, the way ESO configures
 * them. The binary is built once per content hash into os.tmpdir() and reused across runs.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One template case for both engines. */
export interface OracleCase {
  readonly id: string;
  readonly template: string;
  /** Template data; an object of strings becomes ESO's map[string]string. */
  readonly data?: unknown;
  /** Template name. @default 'template' */
  readonly name?: string;
}

/** What the Go engine did with a case. */
export interface OracleResult {
  readonly id: string;
  readonly ok: boolean;
  /** Rendered bytes when ok. */
  readonly output: Buffer;
  readonly error?: string;
}

const GO_DIR = join(dirname(fileURLToPath(import.meta.url)), 'go');
const GO_ENV = { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '' };

/** The go binary to use (TESSERA_GO overrides it, e.g. to test the missing-toolchain path). */
function goCommand(): string {
  return process.env.TESSERA_GO ?? 'go';
}

/** Why the oracle cannot run here, or undefined when it can. */
export function oracleUnavailableReason(): string | undefined {
  const go = spawnSync(goCommand(), ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) return 'the `go` toolchain is not installed';
  if (!existsSync('/usr/share/gocode/src/github.com/Masterminds/sprig')) {
    return 'the Debian package golang-github-masterminds-sprig-dev is not installed';
  }
  return undefined;
}

/** Builds the oracle binary (cached by source hash) and returns its path. */
export function buildOracle(): string {
  const source = readFileSync(join(GO_DIR, 'main.go'));
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `tessera-template-oracle-${hash}`);
  const binary = join(dir, 'oracle');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const partial = `${binary}.${process.pid}.tmp`;
  const build = spawnSync(goCommand(), ['build', '-o', partial, '.'], {
    cwd: GO_DIR,
    env: { ...GO_ENV, GOCACHE: join(tmpdir(), 'tessera-go-cache') },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    rmSync(partial, { force: true });
    throw new Error(`go build of the template oracle failed:\n${build.stderr}`);
  }
  renameSync(partial, binary);
  return binary;
}

/** Renders a batch of cases in one Go process. */
export function runOracle(binary: string, cases: readonly OracleCase[]): Map<string, OracleResult> {
  const input = JSON.stringify(
    cases.map((c) => ({ id: c.id, name: c.name ?? '', template: c.template, data: c.data ?? null })),
  );
  const run = spawnSync(binary, [], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`template oracle failed: ${run.stderr}`);
  const raw = JSON.parse(run.stdout) as Array<{ id: string; ok: boolean; output: string; error?: string }>;
  return new Map(
    raw.map((r) => [
      r.id,
      { id: r.id, ok: r.ok, output: Buffer.from(r.output ?? '', 'base64'), error: r.error },
    ]),
  );
}

/**
 * Decides whether the differential suites run: in CI a missing toolchain is a failure, locally
 * the suites are skipped with a visible message.
 */
export function oracleGate(): { run: boolean; reason?: string } {
  const reason = oracleUnavailableReason();
  if (!reason) return { run: true };
  if (process.env.CI === 'true') {
    throw new Error(
      `Go differential template tests cannot run in CI: ${reason}. .ci/run installs golang-go and sprig with apt-get.`,
    );
  }
  console.warn(
    `SKIPPING Go differential template tests: ${reason}. Install golang-go and golang-github-masterminds-sprig-dev to run them.`,
  );
  return { run: false, reason };
}
