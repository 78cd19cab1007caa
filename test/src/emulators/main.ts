/**
 * Starts one emulator on its own: `npm run emulator -- <name> [--seed file.yaml] [--port N]`.
 * Prints `URL=<base url>` (and provider-specific lines such as `TOKEN=<token>`) once it serves
 * requests, then runs until SIGINT/SIGTERM. Each emulator is one entry in {@link EMULATORS}.
 */
import { parseArgs } from 'node:util';
import { startOnePasswordConnect } from './onepassword/index.js';

/** Command-line options common to every emulator. */
export interface EmulatorLaunchOptions {
  readonly seed?: string;
  readonly port?: number;
}

/** A started emulator: the `KEY=value` lines to print and how to stop it. */
export interface LaunchedEmulator {
  readonly lines: readonly string[];
  stop(): Promise<void>;
}

/** Emulators by command-line name. Add one entry per emulator. */
const EMULATORS: Readonly<Record<string, (options: EmulatorLaunchOptions) => Promise<LaunchedEmulator>>> = {
  onepassword: async ({ seed, port }) => {
    const connect = await startOnePasswordConnect({
      ...(seed ? { seed } : {}),
      ...(port !== undefined ? { port } : {}),
    });
    return { lines: [`URL=${connect.url}`, `TOKEN=${connect.token}`], stop: () => connect.stop() };
  },
};

async function main(argv: readonly string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { seed: { type: 'string' }, port: { type: 'string' } },
  });
  const name = positionals[0];
  const launch = name ? EMULATORS[name] : undefined;
  if (!launch) {
    process.stderr.write(
      `usage: emulator <${Object.keys(EMULATORS).join('|')}> [--seed file.yaml] [--port N]\n`,
    );
    process.exitCode = 2;
    return;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new Error(`--port must be an integer between 0 and 65535, got "${values.port}"`);
  }
  const emulator = await launch({
    ...(values.seed ? { seed: values.seed } : {}),
    ...(port !== undefined ? { port } : {}),
  });
  process.stdout.write(`${emulator.lines.join('\n')}\n`);
  const shutdown = () => void emulator.stop().finally(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
