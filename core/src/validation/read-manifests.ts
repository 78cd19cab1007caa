/** Finds YAML files under the given paths and splits them into documents. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** One YAML document of one file. */
export interface ManifestDocument {
  readonly file: string;
  /** 1-based position of the document in its file. */
  readonly index: number;
  /** The parsed value; undefined when the YAML is broken. */
  readonly value: unknown;
  /** YAML syntax errors, if any. */
  readonly errors: readonly string[];
}

const YAML_FILE = /\.ya?ml$/i;

/** Expands files and directories (recursively, `*.yaml` / `*.yml`, sorted) into file paths. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      const children = entries
        .filter((e) => e.isDirectory() || YAML_FILE.test(e.name))
        .map((e) => join(path, e.name));
      files.push(...(await expandPaths(children.sort())));
    } else files.push(path);
  }
  return files;
}

/** Splits YAML text into documents; empty documents (only comments or `---`) are dropped. */
export function parseManifests(file: string, text: string): ManifestDocument[] {
  const documents: ManifestDocument[] = [];
  parseAllDocuments(text).forEach((doc, i) => {
    const errors = doc.errors.map((e) => e.message.split('\n')[0]);
    if (errors.length === 0 && (doc.contents === null || doc.contents === undefined)) return;
    documents.push({ file, index: i + 1, value: errors.length ? undefined : doc.toJS(), errors });
  });
  return documents;
}

/** Reads and splits every YAML file under `paths`. */
export async function readManifests(paths: readonly string[]): Promise<ManifestDocument[]> {
  const documents: ManifestDocument[] = [];
  for (const file of await expandPaths(paths))
    documents.push(...parseManifests(file, await readFile(file, 'utf8')));
  return documents;
}
