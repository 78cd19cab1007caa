/**
 * `tessera render -f externalsecret.yaml [--data values.json | --store store.yaml] [--reveal]
 * [--template-source file.yaml...]`: prints the Secret an ExternalSecret would produce, rendered
 * locally — a dry run: nothing is written to any cluster. With `--data` the values come from a file
 * (the template context: Secret key → value); with `--store` they are really fetched through the
 * store's provider (credential Secrets may be given in `-f` or `--store` files). Values are masked
 * unless `--reveal` is given.
 *
 * Exit status: 0 when rendered, 1 when fetching or rendering failed (the message is the one the
 * ExternalSecret's status would show), 2 for unusable options or input.
 */
import type { Command } from 'commander';
import { TesseraError } from '../provider/errors.js';
import type { CliDeps } from './cli-deps.js';
import { formatRenderedSecret } from './render-output.js';
import { RenderInputError, renderSecretLocally } from './render-secret.js';

interface RenderFlags {
  readonly filename: string[];
  readonly data?: string;
  readonly store?: string[];
  readonly templateSource?: string[];
  readonly reveal?: boolean;
}

/** Registers the `render` sub-command. */
export function registerRenderCommand(program: Command, deps: CliDeps): void {
  program
    .command('render')
    .description(
      'render the Secret an ExternalSecret would produce, locally (dry run: nothing is written to any cluster); values are masked unless --reveal',
    )
    .requiredOption(
      '-f, --filename <paths...>',
      'YAML files or directories with the ExternalSecret and the ConfigMaps/Secrets it needs (templateFrom sources, store credentials)',
    )
    .option('--data <file>', 'JSON or YAML map of Secret key → value to render with (no provider is called)')
    .option(
      '--store <paths...>',
      'YAML with the SecretStore/ClusterSecretStore to fetch through (its provider is really called)',
    )
    .option('--template-source <paths...>', 'more YAML files with templateFrom ConfigMaps and Secrets')
    .option(
      '--reveal',
      'print the values (text as stringData, binary as base64 data) instead of masking them',
    )
    .action(async (flags: RenderFlags) => {
      process.exitCode = await runRender(flags, deps);
    });
}

/** Runs the command; resolves with the exit status. */
export async function runRender(flags: RenderFlags, deps: CliDeps): Promise<number> {
  try {
    const rendered = await renderSecretLocally({
      files: flags.filename,
      dataFile: flags.data,
      storeFiles: flags.store,
      templateSourceFiles: flags.templateSource,
      providers: deps.providers,
      providerModules: deps.providerModules,
    });
    deps.stdout(formatRenderedSecret(rendered, { reveal: flags.reveal ?? false }));
    if (rendered.settings.creationPolicy === 'Merge') {
      deps.stderr(
        'tessera render: note: creationPolicy Merge only updates an existing Secret; the keys above would be merged into it\n',
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof RenderInputError) {
      deps.stderr(`tessera render: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    const reason = error instanceof TesseraError ? ` (${error.reason})` : '';
    deps.stderr(`tessera render: could not render the Secret${reason}: ${message}\n`);
    return 1;
  }
}
