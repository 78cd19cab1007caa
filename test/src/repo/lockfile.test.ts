import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('package-lock.json', () => {
  it('lists every optional platform package, so `npm ci` accepts it on a fresh machine', () => {
    // GIVEN the committed lockfile WHEN the completeness check runs THEN it finds nothing missing
    const run = () =>
      execFileSync(process.execPath, ['scripts/complete-lockfile.mjs', '--check'], {
        cwd: root,
        stdio: 'pipe',
      });
    expect(run).not.toThrow();
  });
});
