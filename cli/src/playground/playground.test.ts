/** The `npm start` contract (design.md §7), checked on the built CLI as a user's script would read it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { connectToKube, type SecretObject } from '@tessera/core';

const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** Collects a child's output and resolves when a stdout line satisfies `done`. */
function readUntil(
  child: ChildProcess,
  done: (lines: string[]) => boolean,
  timeoutMs: number,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let text = '';
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out; stdout:\n${text}\nstderr:\n${stderr}`)),
      timeoutMs,
    );
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const lines = text.split('\n');
      if (done(lines)) {
        clearTimeout(timer);
        resolve(lines);
      }
    });
  });
}

(existsSync(CLI) ? describe : describe.skip)('tessera playground (npm start)', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('prints KUBECONFIG first, READY once every example is synced, then the table, and stops on SIGINT', async () => {
    // GIVEN the playground started as `npm start` starts it, with stdout not a terminal
    child = spawn(process.execPath, [CLI, 'playground'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // WHEN it reports READY and has printed the first table
    const lines = await readUntil(
      child,
      (l) =>
        l.some((line) => line.startsWith('--- status at')) &&
        l.at(-1) === '' &&
        l.some((line) => line.startsWith('CLUSTEREXTERNALSECRET')),
      60_000,
    );
    // THEN the first line is the kubeconfig of a live API server
    const kubeconfig = /^KUBECONFIG=(\/.+)$/.exec(lines[0])?.[1];
    expect(kubeconfig).toBeDefined();
    expect(existsSync(kubeconfig!)).toBe(true);
    // AND READY came before the table, which shows every ExternalSecret Ready
    const ready = lines.indexOf('READY');
    expect(ready).toBeGreaterThan(0);
    const table = lines.slice(lines.findIndex((line) => line.startsWith('--- status at')));
    expect(lines.findIndex((line) => line.startsWith('--- status at'))).toBeGreaterThan(ready);
    const esHeader = table.findIndex((line) => line.startsWith('NAMESPACE'));
    const esRows = table.slice(esHeader + 1, table.indexOf('', esHeader));
    expect(esRows.length).toBeGreaterThanOrEqual(8);
    for (const row of esRows) expect(row.split(/\s{3,}/)[3]).toBe('True');
    // AND kubectl's view agrees: the 1Password example Secret holds the seeded value
    const kube = connectToKube({ kubeconfigPath: kubeconfig!, qps: 0 });
    const secret = await kube.client.get<SecretObject>({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: 'default',
      name: 'database-credentials',
    });
    await kube.close();
    expect(Buffer.from(secret?.data?.database ?? '', 'base64').toString()).toBe('orders');
    // WHEN Ctrl-C is sent THEN it stops cleanly
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(kubeconfig!)).toBe(false);
  }, 90_000);
});
