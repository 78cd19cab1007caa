#!/usr/bin/env node
/**
 * Re-adds platform-specific optional packages that `npm install` left out of package-lock.json.
 *
 * Why: the npm registry mirror our machines use does not carry every platform build of some
 * native packages (e.g. unrs-resolver's darwin/win32/android bindings, used by jest 30). npm then
 * writes a lockfile without them, and `npm ci` refuses that same lockfile ("Missing: … from lock
 * file"). An entry that names the package's os/cpu/libc is all `npm ci` needs: on a machine of
 * another platform npm skips it without fetching anything.
 *
 * Run after any `npm install` that changes the lockfile: `node scripts/complete-lockfile.mjs`.
 * `node scripts/complete-lockfile.mjs --check` exits 1 (listing them) when entries are missing;
 * `npm test` runs that check (test/src/repo/lockfile.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const LOCK = new URL('../package-lock.json', import.meta.url);

/** Platform triple encoded in a binding package's name, e.g. `linux-arm-musleabihf`. */
export function platformOf(name) {
  const suffix = name.replace(/^.*binding-/, '');
  const [os, cpu, abi = ''] = suffix.split('-');
  const platform = { os: [os], cpu: [cpu === 'arm' ? 'arm' : cpu] };
  if (os === 'linux') platform.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
  return platform;
}

/** Lists `[parentPath, dependencyName, version]` for optional dependencies missing from the lock. */
export function missingOptionalEntries(lock) {
  const missing = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
      if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`])
        missing.push([path, name, version]);
    }
  }
  return missing;
}

function main() {
  const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
  const missing = missingOptionalEntries(lock);
  if (process.argv.includes('--check')) {
    for (const [, name, version] of missing)
      process.stderr.write(`missing from package-lock.json: ${name}@${version}\n`);
    if (missing.length > 0) process.stderr.write('run: node scripts/complete-lockfile.mjs\n');
    process.exitCode = missing.length > 0 ? 1 : 0;
    return;
  }
  for (const [parent, name, version] of missing) {
    const dev = lock.packages[parent]?.dev === true;
    lock.packages[`node_modules/${name}`] = {
      version,
      ...platformOf(name),
      ...(dev ? { dev: true } : {}),
      optional: true,
    };
  }
  lock.packages = Object.fromEntries(
    Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
  );
  writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
  process.stdout.write(`complete-lockfile: added ${missing.length} platform entries\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
