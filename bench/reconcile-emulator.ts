/**
 * Child process of `bench/reconcile.ts`: runs the Kubernetes API emulator in a process of its own (so the
 * operator's memory and CPU are measured alone) and answers the parent's questions about the request log over
 * the IPC channel. Started with `fork(…, { execArgv: ['--import', 'tsx'] })`; not meant to be run by hand.
 *
 * Messages from the parent: `{ id, op: 'mark' }` → the latest request sequence number;
 * `{ id, op: 'count', since, userAgent }` → `{ "<verb> <resource>[/<sub>]": n }` for requests after `since`
 * whose User-Agent contains `userAgent`; `{ op: 'stop' }` stops the server and exits.
 */
import { startKubeApiServer } from '../test/src/emulators/kube-apiserver/index.js';

/** A question from the parent. */
export type EmulatorQuestion =
  | { readonly id: number; readonly op: 'mark' }
  | { readonly id: number; readonly op: 'count'; readonly since: number; readonly userAgent: string }
  | { readonly op: 'stop' };

/** The first message to the parent once the server accepts requests. */
export interface EmulatorReady {
  readonly op: 'ready';
  readonly kubeconfigPath: string;
  readonly url: string;
}

async function main(): Promise<void> {
  // The bench's 10,000 ExternalSecrets produce ~50,000 watch events per resource; keep them all resumable.
  const server = await startKubeApiServer({ watchHistorySize: 200_000 });
  const log = server.requestLog;
  const reply = (message: object): void => void process.send?.(message);
  process.on('message', (question: EmulatorQuestion) => {
    if (question.op === 'stop') {
      void server.stop().finally(() => process.exit(0));
      return;
    }
    if (question.op === 'mark') {
      reply({ id: question.id, value: log.mark() });
      return;
    }
    const counts: Record<string, number> = {};
    for (const record of log.entries({ since: question.since })) {
      if (!record.resource || !record.userAgent.includes(question.userAgent)) continue;
      const key = `${record.verb} ${record.resource}${record.subresource ? `/${record.subresource}` : ''}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    reply({ id: question.id, value: counts });
  });
  process.on('disconnect', () => void server.stop().finally(() => process.exit(0)));
  reply({ op: 'ready', kubeconfigPath: server.kubeconfigPath, url: server.url } satisfies EmulatorReady);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench emulator failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
