/**
 * Every status of every external-secrets.io object and every Event the API server sent since the world started,
 * followed through watches. The leak check reads it besides the current lists, so a status that was overwritten
 * later, or whose object (or namespace) was deleted before the check, is still searched for canaries.
 */
import { KubeConfig, Watch } from '@kubernetes/client-node';
import { STATUS_KINDS, pluralOf } from './kube-user.js';

/** The collections followed: the operator's status writes and its Events. */
const PATHS = [
  ...STATUS_KINDS.map((kind) => `/apis/external-secrets.io/v1/${pluralOf(kind)}`),
  '/api/v1/events',
];

interface WatchedObject {
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly resourceVersion?: string;
  };
  readonly status?: unknown;
}

/** See the module comment. */
export class WatchedHistory {
  private readonly seen: string[] = [];
  private readonly watches: AbortController[] = [];
  private stopped = false;

  private constructor(private readonly watch: Watch) {}

  /** Starts following {@link PATHS} (the CRDs must be served already). */
  static async start(kubeconfigPath: string): Promise<WatchedHistory> {
    const config = new KubeConfig();
    config.loadFromFile(kubeconfigPath);
    const history = new WatchedHistory(new Watch(config));
    await Promise.all(PATHS.map((path) => history.follow(path, undefined)));
    return history;
  }

  /** Every status and Event seen so far, as JSON lines. */
  get text(): string {
    return this.seen.join('\n');
  }

  /** Ends the watches. */
  stop(): void {
    this.stopped = true;
    for (const watch of this.watches) watch.abort();
  }

  /** Watches `path` from `resourceVersion`, and again from the last version seen whenever the stream ends. */
  private async follow(path: string, resourceVersion: string | undefined): Promise<void> {
    let last = resourceVersion;
    const controller = await this.watch.watch(
      path,
      { resourceVersion: last },
      (type: string, object: WatchedObject) => {
        // An ERROR (e.g. 410 Gone: the version is too old) means starting again from the current state.
        last = type === 'ERROR' ? undefined : (object.metadata?.resourceVersion ?? last);
        const { kind, metadata } = object;
        const seen = kind === 'Event' ? object : { kind, name: metadata?.name, status: object.status };
        this.seen.push(JSON.stringify(seen));
      },
      () => {
        if (!this.stopped) this.follow(path, last).catch(() => undefined);
      },
    );
    this.watches.push(controller);
  }
}
