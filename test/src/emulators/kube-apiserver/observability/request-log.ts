/** One served request. `verb` is the Kubernetes verb, or `nonresource` for discovery, OpenAPI, /version… */
export interface RequestRecord {
  readonly seq: number;
  readonly time: number;
  readonly method: string;
  readonly path: string;
  readonly userAgent: string;
  verb: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  user?: string;
  /** HTTP status, set once the response head is sent. */
  code?: number;
}

/** Which records to count. Every given field must match. */
export interface RequestFilter {
  readonly verb?: string | readonly string[];
  /**
   * Plural resource, optionally with a subresource: `secrets`, `externalsecrets/status`. Without `/sub` only
   * requests to the main resource match, unless `includeSubresources` is true.
   */
  readonly resource?: string;
  readonly includeSubresources?: boolean;
  readonly group?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly code?: number;
  readonly user?: string;
  /** Only records with `seq > since` (see `mark()`). */
  readonly since?: number;
}

function matches(r: RequestRecord, f: RequestFilter): boolean {
  if (f.since !== undefined && r.seq <= f.since) return false;
  if (f.verb !== undefined && (typeof f.verb === 'string' ? r.verb !== f.verb : !f.verb.includes(r.verb)))
    return false;
  if (f.resource !== undefined) {
    const [resource, sub] = f.resource.split('/');
    if (r.resource !== resource) return false;
    if (sub !== undefined ? r.subresource !== sub : r.subresource !== undefined && !f.includeSubresources)
      return false;
  }
  if (f.group !== undefined && r.group !== f.group) return false;
  if (f.namespace !== undefined && r.namespace !== f.namespace) return false;
  if (f.name !== undefined && r.name !== f.name) return false;
  if (f.code !== undefined && r.code !== f.code) return false;
  if (f.user !== undefined && r.user !== f.user) return false;
  return true;
}

/**
 * The request log with counters per verb and resource. Tests assert call counts with `count()`; `reset()` starts a
 * new window and `mark()`/`since` count from a point without resetting. Keeps the newest `capacity` records.
 */
export class RequestLog {
  private records: RequestRecord[] = [];
  private seq = 0;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly capacity = 200_000) {}

  /** Starts a record (the router fills verb/resource as it learns them). */
  begin(method: string, path: string, userAgent: string): RequestRecord {
    const record: RequestRecord = {
      seq: ++this.seq,
      time: Date.now(),
      method,
      path,
      userAgent,
      verb: 'nonresource',
    };
    this.records.push(record);
    if (this.records.length > this.capacity * 1.25) this.records = this.records.slice(-this.capacity);
    return record;
  }

  /** Signals waiters once a record is classified. */
  commit(): void {
    if (this.waiters.size === 0) return;
    for (const w of [...this.waiters]) w();
  }

  /** Number of matching records. */
  count(filter: RequestFilter = {}): number {
    let n = 0;
    for (const r of this.records) if (matches(r, filter)) n++;
    return n;
  }

  /** Copies of the matching records, oldest first. */
  entries(filter: RequestFilter = {}): RequestRecord[] {
    return this.records.filter((r) => matches(r, filter)).map((r) => ({ ...r }));
  }

  /** Counts keyed `"<verb> <resource>[/<sub>]"` (resource requests only), e.g. `{"list secrets": 2}`. */
  counters(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.records) {
      if (!r.resource) continue;
      const key = `${r.verb} ${r.resource}${r.subresource ? `/${r.subresource}` : ''}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  }

  /** The sequence number of the latest record, to count from later with `since`. */
  mark(): number {
    return this.seq;
  }

  /** Forgets every record. */
  reset(): void {
    this.records = [];
  }

  /** Resolves once `count(filter) >= n`; rejects after `timeoutMs`. */
  waitFor(filter: RequestFilter, n = 1, timeoutMs = 5000): Promise<void> {
    if (this.count(filter) >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.count(filter) < n) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${n} request(s) matching ${JSON.stringify(filter)}; saw ${this.count(filter)}`,
          ),
        );
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }
}
