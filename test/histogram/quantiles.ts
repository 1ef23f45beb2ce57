/**
 * Ground truth for the Histogram view's percentiles: Prometheus's own histogram_quantile results, keyed so the
 * model's histograms (grouped by their labels other than `le`) can be looked up step by step.
 */

import type { RangeSeries } from '../helpers/prometheus';

/** The tolerance of issue 4: "within 1e-9 relative"; NaN only equals NaN. */
export const REL_TOLERANCE = 1e-9;

export function sameQuantile(actual: number, expected: number): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) {
    return Number.isNaN(expected) && Number.isNaN(actual);
  }
  return actual === expected || Math.abs(actual - expected) <= REL_TOLERANCE * Math.abs(expected);
}

/** A label set without `le` and `__name__`, in a stable order: the identity histogram_quantile keeps. */
export function histogramKey(labels: Record<string, string>): string {
  return JSON.stringify(
    Object.entries(labels)
      .filter(([name]) => name !== 'le' && name !== '__name__')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  );
}

/** Series → (histogram key → (epoch ms → value)). */
export function byHistogramAndTime(series: RangeSeries[]): Map<string, Map<number, number>> {
  const table = new Map<string, Map<number, number>>();
  for (const s of series) {
    table.set(histogramKey(s.metric), new Map(s.values.map(([t, v]) => [Math.round(t * 1000), v])));
  }
  return table;
}

/** Per histogram and step (epoch ms), the cumulative bucket counts in ascending `le` order, as Prometheus returned them. */
export function bucketsByStep(buckets: RangeSeries[]): Map<string, Map<number, number[]>> {
  const groups = new Map<string, RangeSeries[]>();
  for (const s of buckets) {
    const key = histogramKey(s.metric);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const table = new Map<string, Map<number, number[]>>();
  for (const [key, group] of groups) {
    const sorted = [...group].sort((a, b) => bound(a) - bound(b));
    const steps = new Map<number, number[]>();
    sorted.forEach((series, b) => {
      for (const [t, v] of series.values) {
        const ms = Math.round(t * 1000);
        const counts = steps.get(ms) ?? new Array(sorted.length).fill(NaN);
        counts[b] = v;
        steps.set(ms, counts);
      }
    });
    table.set(key, steps);
  }
  return table;
}

const bound = (s: RangeSeries) => (/^\+?inf$/i.test(s.metric.le) ? Infinity : Number(s.metric.le));

/**
 * Whether histogram_quantile(q) lands in +Inf, read from the raw bucket counts (not from the model): the rank
 * q × total exceeds the count at the highest finite bound.
 */
export function rankInInf(counts: number[], q: number): boolean {
  const total = counts[counts.length - 1];
  return total > 0 && q * total > counts[counts.length - 2];
}

/**
 * A bucket counting less than a lower one. rate() extrapolates each bucket series on its own, so young series
 * produce this; Prometheus repairs it from the cumulative counts, but Grafana's heatmap format has already turned
 * the dip into a negative per-bucket count and clipped it to 0, so the cumulative counts cannot be recovered.
 */
export function decreases(counts: number[]): boolean {
  // A dip of float noise changes the re-accumulated counts by that noise only, far inside the tolerance.
  const noise = REL_TOLERANCE * Math.abs(counts[counts.length - 1]);
  return counts.some((c, b) => b > 0 && c < counts[b - 1] - noise);
}
