/** `tessera crds --out <dir>`: writes the CustomResourceDefinitions (what `npm run crds` runs). */
import type { Command } from 'commander';
import { writeCrds } from '../crd/write-crds.js';
import type { CliDeps } from './cli-deps.js';

/** Registers the `crds` sub-command. */
export function registerCrdsCommand(program: Command, deps: CliDeps): void {
  program
    .command('crds')
    .description(
      'write the CustomResourceDefinitions generated from the API schemas and the loaded providers',
    )
    .option('--out <dir>', 'directory to write <plural>.external-secrets.io.yaml files into', 'crds')
    .action(async (options: { out: string }) => {
      const written = await writeCrds(options.out, deps.providers);
      for (const path of written) deps.stdout(`wrote ${path}\n`);
    });
}
