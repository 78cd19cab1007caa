import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectStore } from './object-store.js';

const FILE = 'state.json';

/** Loads `<dataDir>/state.json` into an empty store; returns whether there was one. */
export async function loadSnapshot(store: ObjectStore, dataDir: string): Promise<boolean> {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return false;
  store.restore(JSON.parse(await readFile(path, 'utf8')) as ReturnType<ObjectStore['snapshot']>);
  return true;
}

/** Writes every stored object to `<dataDir>/state.json`. */
export async function saveSnapshot(store: ObjectStore, dataDir: string): Promise<void> {
  await writeFile(join(dataDir, FILE), JSON.stringify(store.snapshot()), { mode: 0o600 });
}
