/**
 * `tessera playground` (run by `npm start`): registered here, in the composition root, because it
 * starts the emulators of `@tessera/test`, which core must not depend on. The emulators are
 * imported only when the command runs, so `tessera operator` never loads them.
 */
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { parseGoDuration, type CliDeps } from '@tessera/core';

/** The repository root: this file sits in `cli/{src,dist}/playground/`. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Registers the `playground` sub-command. */
export function registerPlaygroundCommand(program: Command, deps: CliDeps): void {
  program
    .command('playground')
    .description(
      'run the operator against the embedded Kubernetes API and provider emulators with the examples applied',
    )
    .option('--store-requeue-interval <duration>', 'how often stores are revalidated', '10s')
    .action(async (options: { storeRequeueInterval: string }) => {
      const { runPlayground } = await import('./run-playground.js');
      try {
        await runPlayground({
          root: ROOT,
          providerModules: deps.providerModules,
          renderer: deps.templateRenderer,
          stdout: process.stdout,
          stderr: deps.stderr,
          storeRequeueIntervalMs: parseGoDuration(options.storeRequeueInterval),
        });
      } catch (error) {
        deps.stderr(`tessera playground: ${(error as Error).message}\n`);
        process.exit(1);
      }
      process.exit(0);
    });
}
