import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

/** Resolves with the KEY=value lines once `keys` have all been printed; rejects at the deadline. */
function waitForLines(
  child: ChildProcess,
  keys: readonly string[],
  deadlineMs: number,
): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const seen: Record<string, string> = {};
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(
      () =>
        reject(new Error(`launcher printed ${JSON.stringify(seen)} before the deadline; stderr: ${stderr}`)),
      deadlineMs,
    );
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n')) {
        const match = /^([A-Z]+)=(.*)$/.exec(line);
        if (match) seen[match[1]] = match[2];
      }
      if (keys.every((k) => k in seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`launcher exited with ${code}; stderr: ${stderr}`));
    });
  });
}

describe('emulator launcher (npm run emulator -- onepassword)', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGTERM');
  });

  it('prints URL and TOKEN once the Connect emulator serves the seeded items', async () => {
    const seed = join(here, '../../../examples/onepassword/connect-seed.yaml');
    child = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'main.ts'), 'onepassword', '--seed', seed, '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines = await waitForLines(child, ['URL', 'TOKEN'], 20_000);
    expect(lines.URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${lines.URL}/v1/vaults`, {
      headers: { authorization: `Bearer ${lines.TOKEN}` },
    });
    const vaults = (await res.json()) as { name: string }[];
    expect(vaults.map((v) => v.name).sort()).toEqual(['applications', 'infrastructure']);
  });

  it('exits with a usage message for an unknown emulator', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', join(here, 'main.ts'), 'nope'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child!.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: emulator <onepassword/);
  });
});
