/**
 * `tessera validate -f <file|dir>...`: validates multi-document YAML offline. Prints one line per
 * problem on stdout (`<file>:<document> <Kind>/<name> <json-path>: <message>`), notes about skipped
 * documents and a summary on stderr, and sets exit status 1 when anything is invalid.
 */
import type { Command } from 'commander';
import { validateFiles } from '../validation/validate-files.js';
import type { CliDeps } from './cli-deps.js';

/** Registers the `validate` sub-command. */
export function registerValidateCommand(program: Command, deps: CliDeps): void {
  program
    .command('validate')
    .description(
      'validate ExternalSecret, SecretStore, ClusterSecretStore, ClusterExternalSecret and PushSecret manifests offline',
    )
    .requiredOption(
      '-f, --filename <paths...>',
      'YAML files or directories (searched recursively for *.yaml, *.yml)',
    )
    .action(async (options: { filename: string[] }) => {
      let report;
      try {
        report = await validateFiles({ paths: options.filename, providers: deps.providers });
      } catch (error) {
        deps.stderr(`tessera validate: ${(error as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      for (const line of report.problems) deps.stdout(`${line}\n`);
      for (const line of report.notes) deps.stderr(`${line}\n`);
      const verdict = report.problems.length === 0 ? 'all valid' : `${report.problems.length} problem(s)`;
      deps.stderr(`validated ${report.documents} document(s): ${verdict}\n`);
      if (report.problems.length > 0) process.exitCode = 1;
    });
}
