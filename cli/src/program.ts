/**
 * Builds the `tessera` command: every sub-command is defined in core/src/cli and registered here,
 * one line each, with the dependencies the composition root chose.
 */
import { Command } from 'commander';
import {
  registerCrdsCommand,
  registerOperatorCommand,
  registerRenderCommand,
  registerValidateCommand,
  type CliDeps,
} from '@tessera/core';
import { registerPlaygroundCommand } from './playground/playground-command.js';
import { PROVIDER_DESCRIPTORS, PROVIDER_MODULES } from './providers.js';

/** The default dependencies: the loaded providers and the process's own streams. */
export function defaultDeps(): CliDeps {
  return {
    providers: PROVIDER_DESCRIPTORS,
    providerModules: PROVIDER_MODULES,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

/** The `tessera` program with all sub-commands registered. */
export function buildProgram(deps: CliDeps = defaultDeps()): Command {
  const program = new Command('tessera').description(
    'Tessera: keeps Kubernetes Secrets in sync with external secret managers',
  );
  registerValidateCommand(program, deps);
  registerCrdsCommand(program, deps);
  registerOperatorCommand(program, deps);
  registerPlaygroundCommand(program, deps);
  registerRenderCommand(program, deps);
  return program;
}
