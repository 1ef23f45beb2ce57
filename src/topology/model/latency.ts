import { histogramQuantile } from '../../histogram/model/quantile';

export interface EdgeLatency {
  p50?: number;
  p95?: number;
  p99?: number;
  /** A quantile fell in the +Inf bucket: its value is the highest finite bound, the truth is at or above it. */
  latencyClamped?: boolean;
}

/** p50/p95/p99 in ms from cumulative le buckets (upper bound → rate), as histogram_quantile computes them. */
export function edgeLatency(buckets: Map<number, number>): EdgeLatency {
  const list = Array.from(buckets, ([upperBound, count]) => ({ upperBound, count }));
  const out: EdgeLatency = {};
  const read = (q: number) => {
    const result = histogramQuantile(q, list);
    out.latencyClamped = out.latencyClamped || result.clamped;
    return Number.isFinite(result.value) ? result.value : undefined;
  };
  out.p50 = read(0.5);
  out.p95 = read(0.95);
  out.p99 = read(0.99);
  return out;
}
