/**
 * `tessera validate` without the command line: reads the files, validates every document and
 * formats each problem as `<file>:<document> <Kind>/<name> <json-path>: <message>`.
 */
import type { ProviderDescriptor } from '../provider/provider.js';
import { readManifests, type ManifestDocument } from './read-manifests.js';
import { createManifestValidator } from './validate-manifest.js';

/** The report of one validation run. */
export interface ValidationReport {
  /** One line per problem, in file and document order. */
  readonly problems: readonly string[];
  /** One line per skipped document (unknown kinds). */
  readonly notes: readonly string[];
  readonly documents: number;
}

/** Options of {@link validateFiles}. */
export interface ValidateFilesOptions {
  /** Files and directories to read. */
  readonly paths: readonly string[];
  /** Descriptors of the loaded providers. */
  readonly providers: readonly ProviderDescriptor[];
}

/** Validates documents already read (used by tests and by {@link validateFiles}). */
export function validateDocuments(
  documents: readonly ManifestDocument[],
  providers: readonly ProviderDescriptor[],
): ValidationReport {
  const validate = createManifestValidator({ providers });
  const problems: string[] = [];
  const notes: string[] = [];
  for (const doc of documents) {
    const where = `${doc.file}:${doc.index}`;
    if (doc.errors.length > 0) {
      for (const error of doc.errors) problems.push(`${where} ?/? (document): invalid YAML: ${error}`);
      continue;
    }
    const result = validate(doc.value);
    if (result.status === 'skipped')
      notes.push(`${where} ${result.kind}/${result.name}: skipped: ${result.reason}`);
    else
      for (const p of result.problems)
        problems.push(`${where} ${result.kind}/${result.name} ${p.path || '(document)'}: ${p.message}`);
  }
  return { problems, notes, documents: documents.length };
}

/** Reads `paths` and validates every document in them. */
export async function validateFiles(options: ValidateFilesOptions): Promise<ValidationReport> {
  return validateDocuments(await readManifests(options.paths), options.providers);
}
