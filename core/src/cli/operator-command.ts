/**
 * `tessera operator`: runs the controllers against a cluster (or the API emulator) until SIGTERM or
 * SIGINT. Logs are JSON lines on stdout; `/metrics` is served on `--metrics-addr`, `/healthz` and
 * `/readyz` on `--live-addr`. Shutdown is graceful: stop taking work, drain in-flight reconciles,
 * flush events, close provider clients, stop watches, release the Lease. A second signal, or a
 * shutdown that takes longer than 30 s, exits at once.
 *
 * Exit status: 0 after a requested shutdown, 1 when start-up failed or the Lease was lost (the
 * process should then be restarted, as controller-runtime's managers are), 2 for unusable flags.
 */
import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import type { CliDeps } from './cli-deps.js';
import { defineOperatorFlags, parseOperatorFlags, type OperatorFlags } from './operator-flags.js';
import { startOperator, type RunningOperator, type StartOperatorOptions } from './start-operator.js';

const FORCED_EXIT_AFTER_MS = 30_000;
const USER_AGENT = `tessera-operator/0.1.0 (${process.platform}/${process.arch}) pid/${process.pid}`;

/** Registers the `operator` sub-command. */
export function registerOperatorCommand(program: Command, deps: CliDeps): void {
  const command = program
    .command('operator')
    .description('run the Tessera controllers (JSON logs on stdout; /metrics, /healthz, /readyz)');
  defineOperatorFlags(command).action(async (raw: Record<string, string | boolean | undefined>) => {
    let flags: OperatorFlags;
    try {
      flags = parseOperatorFlags(raw);
    } catch (error) {
      deps.stderr(`tessera operator: ${(error as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    limitHeapGrowth(flags.heapGrowingPercent);
    let operator: RunningOperator;
    try {
      operator = await startOperator(operatorOptions(flags, deps));
    } catch (error) {
      deps.stderr(`tessera operator: cannot start: ${(error as Error).message}\n`);
      process.exit(1);
    }
    const exit = await runUntilStopped(operator);
    process.exit(exit === 'lost-leadership' ? 1 : 0);
  });
}

/**
 * Applies `--heap-growing-percent` before the caches fill (V8 reads the flag at every full
 * collection, so setting it at run time takes effect). 0 keeps V8's heuristic.
 */
function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** Maps flags to the assembly's options. */
export function operatorOptions(flags: OperatorFlags, deps: CliDeps): StartOperatorOptions {
  return {
    ...flags,
    providerModules: deps.providerModules,
    renderer: deps.templateRenderer,
    userAgent: USER_AGENT,
  };
}

/** Waits for a signal (graceful stop) or a lost Lease; resolves with why the manager stopped. */
async function runUntilStopped(operator: RunningOperator): Promise<string> {
  const { logger } = operator.runtime;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn('second signal: exiting without waiting for the shutdown to finish', { signal });
      process.exit(1);
    }
    logger.info('shutdown requested', { signal });
    stopping = true;
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting', { afterMs: FORCED_EXIT_AFTER_MS });
      process.exit(1);
    }, FORCED_EXIT_AFTER_MS).unref();
    void operator.stop();
  };
  let stopping = false;
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const exit = await operator.done;
  if (exit === 'lost-leadership')
    logger.error('lost the leader Lease; exiting so that a fresh process can campaign again');
  await operator.stop();
  return exit;
}
