import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKubeTestEnv, type KubeTestEnv } from './kube-test-client.js';

/** What one kubectl run printed. */
export interface KubectlResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** True when a `kubectl` binary is on PATH. */
export function kubectlAvailable(): boolean {
  const probe = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

/**
 * `describe` when kubectl is on PATH; otherwise `describe.skip`, after warning that `what` is skipped (so a
 * machine without kubectl says so instead of passing silently).
 */
export function describeWithKubectl(what: string): jest.Describe {
  if (kubectlAvailable()) return describe;
  console.warn(`SKIPPED: ${what} — no kubectl on PATH`);
  return describe.skip;
}

/** Runs kubectl against one kubeconfig with a private cache dir and a scratch dir for manifests. */
export class KubectlRunner {
  readonly workDir = mkdtempSync(join(tmpdir(), 'tessera-kubectl-'));
  private readonly cacheDir = join(this.workDir, 'cache');

  constructor(private readonly kubeconfigPath: string) {}

  /** Writes a manifest into the scratch dir and returns its path. */
  file(name: string, content: string): string {
    const path = join(this.workDir, name);
    writeFileSync(path, content);
    return path;
  }

  /** Runs `kubectl <args>` and resolves with its output and exit code. */
  run(args: readonly string[]): Promise<KubectlResult> {
    return new Promise((resolve) => {
      execFile(
        'kubectl',
        ['--cache-dir', this.cacheDir, ...args],
        { cwd: this.workDir, env: { ...process.env, KUBECONFIG: this.kubeconfigPath }, timeout: 20_000 },
        (err, stdout, stderr) => {
          const code = err
            ? typeof (err as { code?: unknown }).code === 'number'
              ? (err as { code: number }).code
              : 1
            : 0;
          resolve({ stdout, stderr, code });
        },
      );
    });
  }

  /** Removes the scratch dir. */
  dispose(): void {
    rmSync(this.workDir, { recursive: true, force: true });
  }
}

/** A started emulator and a kubectl pointed at it. */
export interface KubectlEnv {
  readonly env: KubeTestEnv;
  readonly k: KubectlRunner;
}

/** Starts a fresh emulator and a kubectl runner for it; end with {@link stopKubectlEnv}. */
export async function startKubectlEnv(): Promise<KubectlEnv> {
  const env = await startKubeTestEnv();
  return { env, k: new KubectlRunner(env.server.kubeconfigPath) };
}

/** Removes the runner's scratch dir and stops the emulator. */
export async function stopKubectlEnv({ env, k }: KubectlEnv): Promise<void> {
  k.dispose();
  await env.server.stop();
}

const AGE_AT_END = /(\s)(<invalid>|[0-9]+[smhdy](?:[0-9]+[smhd])?)$/gm;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g;

/** The §17 normalisation: ages, timestamps (except the fixture's literal 2025-01-01), UIDs and resourceVersions. */
export function normalise(text: string): string {
  return text
    .replace(AGE_AT_END, '$1<AGE>')
    .replace(UUID, '<UUID>')
    .replace(TIMESTAMP, (t) => (t === '2025-01-01T00:00:00Z' ? t : '<RFC3339>'))
    .replace(/resourceVersion: "\d+"/g, 'resourceVersion: "<RV>"')
    .replace(/Resource Version:(\s+)\d+/g, 'Resource Version:$1<RV>')
    .replace(/ +$/gm, '');
}

/** A run's stdout after {@link normalise}, without trailing blank space. */
export function normalisedStdout(result: KubectlResult): string {
  return normalise(result.stdout).trimEnd();
}
