/** The shipped examples and a set of full ESO manifests validate, and survive parse → validate → serialise. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expandPaths, validateDocuments, validateFiles, parseManifests } from '@tessera/core';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { PROVIDER_DESCRIPTORS } from './providers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = `${ROOT}examples`;
const ESO_VALID = fileURLToPath(new URL('./testdata/eso-valid.yaml', import.meta.url));
/** Example folders of the providers this build loads (examples/<provider>/). */
const exampleDirs = PROVIDER_DESCRIPTORS.map((d) => `${EXAMPLES}/${d.name}`).filter((dir) => existsSync(dir));

describe('examples', () => {
  it('has a folder for the fake provider', () => {
    expect(exampleDirs).toContain(`${EXAMPLES}/fake`);
  });

  it.each(exampleDirs)('validates %s without problems', async (dir) => {
    const report = await validateFiles({ paths: [dir], providers: PROVIDER_DESCRIPTORS });
    expect(report.problems).toEqual([]);
    expect(report.documents).toBeGreaterThan(0);
  });

  it('validates the playground manifests without problems', async () => {
    const report = await validateFiles({
      paths: [`${EXAMPLES}/playground`],
      providers: PROVIDER_DESCRIPTORS,
    });
    expect(report.problems).toEqual([]);
    expect(report.documents).toBeGreaterThan(0);
  });

  const cli = `${ROOT}cli/dist/main.js`;
  (existsSync(cli) ? it : it.skip)(
    'passes `tessera validate -f examples/fake` with exit status 0 (built CLI)',
    async () => {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [
        cli,
        'validate',
        '-f',
        `${EXAMPLES}/fake`,
      ]);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/all valid/);
    },
  );

  (existsSync(cli) ? it : it.skip)(
    'exits 1 and prints the problem line for an invalid file (built CLI)',
    async () => {
      const run = promisify(execFile)(process.execPath, [
        cli,
        'validate',
        '-f',
        `${ROOT}cli/src/testdata/invalid-store.yaml`,
      ]);
      await expect(run).rejects.toMatchObject({
        code: 1,
        stdout: `${ROOT}cli/src/testdata/invalid-store.yaml:1 SecretStore/broken spec.provider.fake.data[0].key: required\n`,
      });
    },
  );
});

describe('valid ESO manifests of every kind', () => {
  /** Manifest files only: every document has a kind (the Connect seed next to the examples has none). */
  const files = async () => {
    const manifests: string[] = [];
    for (const file of await expandPaths(exampleDirs)) {
      const docs = parseAllDocuments(await readFile(file, 'utf8')).map((d) => d.toJS() as { kind?: unknown });
      if (docs.every((doc) => typeof doc?.kind === 'string')) manifests.push(file);
    }
    return [...manifests, ESO_VALID];
  };

  it('cover all five kinds', async () => {
    const kinds = new Set<string>();
    for (const file of await files())
      for (const doc of parseManifests(file, await readFile(file, 'utf8')))
        kinds.add((doc.value as { kind: string }).kind);
    kinds.delete('Secret');
    expect([...kinds].sort()).toEqual([
      'ClusterExternalSecret',
      'ClusterSecretStore',
      'ExternalSecret',
      'PushSecret',
      'SecretStore',
    ]);
  });

  it('round-trip through parse → validate → serialise unchanged', async () => {
    for (const file of await files()) {
      // GIVEN the file's text, parsed
      const text = await readFile(file, 'utf8');
      const docs = parseAllDocuments(text);
      const values = docs.map((d) => d.toJS());
      const before = JSON.stringify(values);
      // WHEN every document is validated
      const report = validateDocuments(parseManifests(file, text), PROVIDER_DESCRIPTORS);
      // THEN nothing is wrong, nothing was changed or defaulted, and serialising gives the same text and data back
      expect(report.problems).toEqual([]);
      expect(JSON.stringify(values)).toBe(before);
      expect(docs.map((d) => d.toString()).join('')).toBe(text);
      for (const value of values) expect(parse(stringify(value))).toEqual(value);
    }
  });
});
