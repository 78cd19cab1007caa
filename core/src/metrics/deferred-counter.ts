/**
 * A prom-client Counter whose series are updated by adding to plain numbers: the increments are
 * added to the counter when the registry is scraped (`collect`), so a hot path hashes no labels.
 * What a scrape shows is the same as with direct `inc` calls.
 */
import { Counter, type Registry } from 'prom-client';

/** Increments of one counter series not yet added to the counter; add to `count`. */
export interface PendingCount<L extends string> {
  readonly labels: Partial<Record<L, string>>;
  count: number;
}

/** Counter series whose increments are added to the prom-client counter at each scrape. */
export class DeferredCounter<L extends string> {
  private readonly pending = new Map<string, PendingCount<L>>();
  private readonly labelNames: readonly L[];

  constructor(config: { name: string; help: string; labelNames: L[]; registers: Registry[] }) {
    this.labelNames = config.labelNames;
    const pending = this.pending;
    new Counter<L>({
      ...config,
      collect() {
        for (const series of pending.values()) {
          if (series.count === 0) continue;
          this.inc(series.labels, series.count);
          series.count = 0;
        }
      },
    });
  }

  /** The series `labels` (the same object for the same labels; look it up once, then keep it). */
  series(labels: Partial<Record<L, string>>): PendingCount<L> {
    const key = this.labelNames.map((name) => labels[name] ?? '').join('\u0000');
    let series = this.pending.get(key);
    if (series === undefined) this.pending.set(key, (series = { labels, count: 0 }));
    return series;
  }
}
