/**
 * From frames to what the view draws: per histogram, the repaired per-step buckets (heatmap cells), the
 * percentiles at every step (exactly histogram_quantile's) and the distribution over the whole time range with
 * its percentiles, shares and +Inf overflow. One pass over the steps with one scratch histogram.
 */

import { DataFrame, FieldConfig, Labels } from '@grafana/data';
import { boundLabel } from './bounds';
import { counterIncrease } from './buckets';
import { BucketSamples, CountLayout, parseFrames } from './frames';
import { BucketsStatus, prepareBuckets, Quantile, quantileOfPrepared } from './quantile';
import { Overflow, overflowShare, Share, shareWithin } from './shares';

export interface ModelOptions {
  /** Quantiles 0..1. */
  percentiles: number[];
  /** Bounds, in the field's unit, for the "share within" figures. */
  shareBounds: number[];
}

export interface StepPercentiles {
  q: number;
  /** histogram_quantile(q, …) at each step; NaN where Prometheus returns NaN. */
  values: Float64Array;
  /** 1 where the rank fell in +Inf and the value is only the highest finite bound. */
  clamped: Uint8Array;
}

/** The histogram of all observations in the time range. */
export interface RangeSummary {
  /** Per-bucket counts (or summed rates), not cumulative. */
  counts: Float64Array;
  cumulative: Float64Array;
  total: number;
  status: BucketsStatus;
  percentiles: Quantile[];
  shares: Share[];
  overflow: Overflow;
}

export interface Histogram {
  key: string;
  /** Its identifying labels, for titles; label values are data and must be rendered as text. */
  name: string;
  labels: Labels;
  refId?: string;
  config: FieldConfig;
  layout: CountLayout;
  counters: boolean;
  bounds: Float64Array;
  times: Float64Array;
  /** times × bounds per-bucket counts after repair, row-major; 0 where a bucket is absent. */
  cells: Float64Array;
  steps: StepPercentiles[];
  range: RangeSummary;
  /** Why this histogram cannot be drawn; undefined when it can. */
  problem?: string;
  /** Repairs made to the data, worth a line under the drawing. */
  notes: string[];
}

export interface HistogramSet {
  histograms: Histogram[];
  /** Series left out of every histogram, and why. */
  ignored: string[];
}

export function computeHistograms(frames: DataFrame[], options: ModelOptions): HistogramSet {
  const { histograms, ignored } = parseFrames(frames);
  const several = new Set(histograms.map((h) => h.refId)).size > 1;
  return { histograms: histograms.map((samples) => compute(samples, options, several)), ignored };
}

function compute(samples: BucketSamples, options: ModelOptions, showRefId: boolean): Histogram {
  const { bounds, times, values, present, layout, counters } = samples;
  const width = bounds.length;
  const steps = options.percentiles.map((q) => ({
    q,
    values: new Float64Array(times.length),
    clamped: new Uint8Array(times.length),
  }));
  const cells = new Float64Array(times.length * width);
  const rangeCounts = new Float64Array(width);
  const stepBounds = new Float64Array(width);
  const stepCounts = new Float64Array(width);
  const stepBucket = new Int32Array(width);
  const lastCounter = new Float64Array(width).fill(NaN);
  let forcedSteps = 0;
  let resets = 0;
  let nans = 0;
  let firstNan = '';

  for (let t = 0; t < times.length; t++) {
    let n = 0;
    let below = 0;
    let reset = false;
    for (let b = 0; b < width; b++) {
      const k = t * width + b;
      if (!present[k]) {
        continue;
      }
      let v = values[k];
      if (Number.isNaN(v) && nans++ === 0) {
        firstNan = `le="${boundLabel(bounds[b])}" at ${new Date(times[t]).toISOString()}`;
      }
      if (counters) {
        const previous = lastCounter[b];
        lastCounter[b] = v;
        if (Number.isNaN(previous)) {
          continue;
        }
        reset ||= v < previous;
        v = counterIncrease(previous, v);
      }
      if (layout === 'perBucket') {
        below += v;
        v = below;
      }
      stepBounds[n] = bounds[b];
      stepCounts[n] = v;
      stepBucket[n] = b;
      n++;
    }
    resets += reset ? 1 : 0;
    const prepared = prepareBuckets(stepBounds, stepCounts, n);
    forcedSteps += prepared.forcedMonotonic ? 1 : 0;
    for (const step of steps) {
      const quantile = quantileOfPrepared(step.q, prepared.status, stepBounds, stepCounts, n);
      step.values[t] = quantile.value;
      step.clamped[t] = quantile.clamped ? 1 : 0;
    }
    if (prepared.status !== 'noInf') {
      for (let j = 0; j < n; j++) {
        const cell = stepCounts[j] - (j > 0 ? stepCounts[j - 1] : 0);
        cells[t * width + stepBucket[j]] = cell;
        rangeCounts[stepBucket[j]] += cell;
      }
    }
  }

  const range = summarize(bounds, rangeCounts, options);
  const notes: string[] = [];
  if (forcedSteps > 0) {
    notes.push(
      `At ${forcedSteps} of ${times.length} steps a bucket counted less than a lower one; raised to it, as Prometheus does ("input to histogram_quantile needed to be fixed for monotonicity").`
    );
  }
  if (counters) {
    notes.push(
      `Raw _bucket counters (the query keeps the metric name): each step shows the increase since the previous sample${resets > 0 ? `, with a counter reset at ${resets} step(s)` : ''}. Use rate() or increase() to match histogram_quantile on your query.`
    );
  }
  return {
    key: samples.key,
    name: histogramName(samples, showRefId),
    labels: samples.labels,
    refId: samples.refId,
    config: samples.config,
    layout,
    counters,
    bounds,
    times,
    cells,
    steps,
    range,
    problem: findProblem(bounds, range, nans, firstNan),
    notes,
  };
}

/**
 * Over a time range the per-step histograms add up: for rates that is histogram_quantile(q, sum_over_time(…)),
 * for counters the increase over the range.
 */
function summarize(bounds: Float64Array, counts: Float64Array, options: ModelOptions): RangeSummary {
  const width = bounds.length;
  const cumulative = new Float64Array(width);
  let running = 0;
  for (let b = 0; b < width; b++) {
    running += counts[b];
    cumulative[b] = running;
  }
  const { status } = prepareBuckets(bounds, cumulative, width);
  const usable = status === 'ok';
  return {
    counts,
    cumulative,
    total: width > 0 ? cumulative[width - 1] : 0,
    status,
    percentiles: options.percentiles.map((q) => quantileOfPrepared(q, status, bounds, cumulative, width)),
    shares: options.shareBounds.map((bound) =>
      usable ? shareWithin(bound, bounds, cumulative, width) : { bound, value: NaN, kind: 'exact' as const }
    ),
    overflow: usable ? overflowShare(bounds, cumulative, width) : { bound: NaN, value: NaN },
  };
}

function findProblem(bounds: Float64Array, range: RangeSummary, nans: number, firstNan: string): string | undefined {
  const highest = bounds.length > 0 ? `le="${boundLabel(bounds[bounds.length - 1])}"` : 'none';
  if (bounds[bounds.length - 1] !== Infinity) {
    return `No le="+Inf" bucket (the highest is ${highest}): without it the total is unknown and histogram_quantile returns NaN. Keep the +Inf series in the query.`;
  }
  if (bounds.length < 2) {
    return `Only one bucket (${highest}): a histogram needs at least one finite bound below +Inf.`;
  }
  if (nans > 0) {
    return `${nans} bucket sample(s) are NaN (first: ${firstNan}), so counts, shares and percentiles are undefined.`;
  }
  if (range.status === 'noObservations') {
    return `All ${bounds.length} buckets are zero over the time range: no observations, so no distribution and no percentile (Prometheus returns NaN).`;
  }
  if (!(range.total > 0) || !Number.isFinite(range.total)) {
    return `The buckets add up to ${range.total} observations over the time range, which is not a count that can be drawn.`;
  }
  return undefined;
}

function histogramName(samples: BucketSamples, showRefId: boolean): string {
  const labels = Object.entries(samples.labels).map(([k, v]) => `${k}="${v}"`);
  const base = labels.length > 0 ? labels.join(', ') : (samples.metric ?? samples.config.displayName ?? 'all series');
  return showRefId && samples.refId ? `${samples.refId}: ${base}` : base;
}
