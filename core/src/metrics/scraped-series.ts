/**
 * prom-client metrics whose series exist only while a scrape reads them: `fill` sets them from the
 * caller's own records just before, and they are dropped just after. For per-object series
 * (thousands of them) this keeps updates cheap (the caller writes a number into its record) and
 * keeps no second copy of every series in memory between scrapes.
 */
import {
  Counter,
  Gauge,
  type CounterConfiguration,
  type GaugeConfiguration,
  type MetricObjectWithValues,
  type MetricValue,
} from 'prom-client';

/** A {@link Gauge} filled by `fill` at each scrape; see the module comment. */
export class ScrapedGauge<L extends string> extends Gauge<L> {
  constructor(
    configuration: GaugeConfiguration<L>,
    private readonly fill: (gauge: Gauge<L>) => void,
  ) {
    super(configuration);
  }

  override get(): Promise<MetricObjectWithValues<MetricValue<L>>> {
    return readFilled(this, this.fill, () => super.get());
  }
}

/** A {@link Counter} filled by `fill` (with `inc(labels, total)`) at each scrape; see the module comment. */
export class ScrapedCounter<L extends string> extends Counter<L> {
  constructor(
    configuration: CounterConfiguration<L>,
    private readonly fill: (counter: Counter<L>) => void,
  ) {
    super(configuration);
  }

  override get(): Promise<MetricObjectWithValues<MetricValue<L>>> {
    return readFilled(this, this.fill, () => super.get());
  }
}

/** Fills `metric`, reads it with `read` and empties it again, even when reading fails. */
async function readFilled<M extends { reset(): void }, R>(
  metric: M,
  fill: (metric: M) => void,
  read: () => Promise<R>,
): Promise<R> {
  metric.reset();
  fill(metric);
  try {
    return await read();
  } finally {
    metric.reset();
  }
}
