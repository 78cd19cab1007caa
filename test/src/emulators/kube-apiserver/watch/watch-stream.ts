import type { ServerResponse } from 'node:http';
import type { KubeObject } from '../api/kube-object.js';
import { groupVersion, type ResourceType } from '../api/resource-type.js';
import { servedJson, servedObject } from '../objects/render.js';
import { matchesFields, type FieldSelector } from '../selectors/field-selector.js';
import { matchesLabels, type LabelSelector } from '../selectors/label-selector.js';
import type { StoreEvent } from '../storage/object-store.js';
import type { StoredObject } from '../storage/stored-object.js';
import type { EmulatorContext } from '../server/emulator-context.js';
import { CoalescingWriter } from './coalescing-writer.js';
import type { Watcher } from './watch-hub.js';

/** What a watch request asked for. */
export interface WatchRequest {
  readonly type: ResourceType;
  readonly namespace?: string;
  readonly labels: LabelSelector;
  readonly fields: FieldSelector;
  readonly allowBookmarks: boolean;
  readonly timeoutSeconds?: number;
}

/**
 * One watch response: headers flushed at once, one compact JSON event per line, events filtered on the old and
 * new object (a change out of the selection is a DELETED), bookmarks when allowed, a clean end on timeout.
 * Events of one event-loop turn go out in one write (see {@link CoalescingWriter}).
 */
export class WatchStream implements Watcher {
  readonly storageKey: string;
  readonly resource: string;
  readonly namespace?: string;
  private closed = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly out: CoalescingWriter;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly res: ServerResponse,
    private readonly request: WatchRequest,
  ) {
    this.storageKey = request.type.storageKey;
    this.resource = request.type.plural;
    this.namespace = request.namespace;
    this.out = new CoalescingWriter(res);
  }

  /** Sends headers and the initial events (or the replay from `resourceVersion`), then follows live changes. */
  start(resourceVersion: number | undefined): void {
    this.res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    this.res.flushHeaders();
    this.res.on('close', () => this.close());
    if (resourceVersion === undefined) {
      for (const s of this.ctx.store.list(this.storageKey, { namespace: this.namespace }))
        if (this.matches(s.object)) this.send('ADDED', servedJson(this.request.type, s));
    } else {
      if (this.ctx.faults.takeForcedExpiry()) return this.expire(resourceVersion);
      const replay = this.ctx.hub.replay(this.storageKey, resourceVersion);
      if ('expiredOldest' in replay)
        return this.sendExpired(`too old resource version: ${resourceVersion} (${replay.expiredOldest})`);
      for (const e of replay.events) this.deliverQuietly(e);
    }
    if (this.closed) return;
    this.ctx.hub.add(this);
    this.startTimers();
  }

  deliver(event: StoreEvent): void {
    if (this.closed) return;
    if (!this.deliverQuietly(event)) return;
    const action = this.ctx.faults.afterWatchEvent();
    if (action === 'disconnect') this.close();
    else if (action === 'expire') this.expire(event.rv);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ctx.hub.remove(this);
    for (const t of this.timers) clearTimeout(t);
    this.out.end();
  }

  expire(rv?: number): void {
    this.sendExpired(
      `too old resource version: ${rv ?? this.ctx.store.currentRv} (${this.ctx.store.currentRv + 1})`,
    );
  }

  private sendExpired(message: string): void {
    if (this.closed) return;
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason: 'Expired',
      code: 410,
    };
    this.send('ERROR', JSON.stringify(status));
    this.close();
  }

  private startTimers(): void {
    const { timeoutSeconds, allowBookmarks } = this.request;
    if (allowBookmarks) {
      const tick = (): void => {
        this.bookmark();
        this.timers.push(setTimeout(tick, this.ctx.settings.bookmarkIntervalMs).unref());
      };
      this.timers.push(setTimeout(tick, this.ctx.settings.bookmarkIntervalMs).unref());
    }
    if (timeoutSeconds !== undefined && timeoutSeconds > 0) {
      this.timers.push(
        setTimeout(() => {
          if (allowBookmarks) this.bookmark();
          this.close();
        }, timeoutSeconds * 1000).unref(),
      );
    }
  }

  private bookmark(): void {
    const { type } = this.request;
    this.send(
      'BOOKMARK',
      JSON.stringify({
        kind: type.kind,
        apiVersion: groupVersion(type),
        metadata: { resourceVersion: String(this.ctx.store.currentRv) },
      }),
    );
  }

  /** Sends the event as this watch sees it; returns whether anything was sent. */
  private deliverQuietly(e: StoreEvent): boolean {
    const nowMatches = this.matches(e.object.object);
    const wasMatching = e.previous !== undefined && this.matches(e.previous.object);
    const { type } = this.request;
    if (e.type === 'ADDED' || e.type === 'DELETED') {
      if (!nowMatches) return false;
      this.send(e.type, servedJson(type, e.object));
    } else if (nowMatches) {
      this.send(wasMatching ? 'MODIFIED' : 'ADDED', servedJson(type, e.object));
    } else if (wasMatching && e.previous) {
      this.send('DELETED', this.previousAt(e.previous, e.rv));
    } else return false;
    return true;
  }

  private previousAt(previous: StoredObject, rv: number): string {
    const obj = JSON.parse(JSON.stringify(servedObject(this.request.type, previous))) as KubeObject;
    obj.metadata.resourceVersion = String(rv);
    return JSON.stringify(obj);
  }

  private matches(obj: KubeObject): boolean {
    if (this.namespace !== undefined && obj.metadata.namespace !== this.namespace) return false;
    return (
      matchesLabels(this.request.labels, obj.metadata.labels) &&
      matchesFields(this.request.type, this.request.fields, obj)
    );
  }

  private send(type: string, objectJson: string): void {
    if (!this.closed) this.out.write(`{"type":"${type}","object":${objectJson}}\n`);
  }
}
