/** Writes the generated CRDs into a directory, and tells which files there are stale. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProviderDescriptor } from '../provider/provider.js';
import { buildAllCrds, renderCrd } from './build-crds.js';

/** Writes every CRD to `<outDir>/<plural>.external-secrets.io.yaml`; returns the paths written. */
export async function writeCrds(
  outDir: string,
  descriptors: readonly ProviderDescriptor[],
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const { fileName, crd } of buildAllCrds(descriptors)) {
    const path = join(outDir, fileName);
    await writeFile(path, renderCrd(crd));
    written.push(path);
  }
  return written;
}

/** File names in `dir` whose content differs from what generation would write (missing files count). */
export async function findStaleCrds(
  dir: string,
  descriptors: readonly ProviderDescriptor[],
): Promise<string[]> {
  const stale: string[] = [];
  for (const { fileName, crd } of buildAllCrds(descriptors)) {
    const current = await readFile(join(dir, fileName), 'utf8').catch(() => undefined);
    if (current !== renderCrd(crd)) stale.push(fileName);
  }
  return stale;
}
