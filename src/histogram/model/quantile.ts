/**
 * histogram_quantile for classic (`le`) buckets, rule for rule as Prometheus's BucketQuantile computes it, so the
 * panel's percentiles equal the ones a dashboard query would return (within float rounding of the same steps).
 */

import { repairCumulative, Repair } from './buckets';

/** Why a histogram has no quantile, in Prometheus's order of checks; 'ok' when it has one. */
export type BucketsStatus = 'ok' | 'noInf' | 'tooFewBuckets' | 'noObservations';

export interface Quantile {
  q: number;
  value: number;
  /** The rank fell in the +Inf bucket, so value is only the highest finite bound: the truth is at or above it. */
  clamped: boolean;
}

/**
 * Readies sorted, coalesced cumulative counts for quantiles: repairs them in place and says whether a quantile
 * exists. Done once per histogram and shared by all quantiles and shares read from it.
 */
export function prepareBuckets(
  bounds: ArrayLike<number>,
  counts: Float64Array,
  n: number
): { status: BucketsStatus } & Repair {
  if (n === 0 || bounds[n - 1] !== Infinity) {
    return { status: 'noInf', forcedMonotonic: false, fixedPrecision: false };
  }
  // Called once per time step: fields are copied by hand, as an object spread compiles to a slow helper.
  const { forcedMonotonic, fixedPrecision } = repairCumulative(counts, n);
  // Compared with === on purpose: a NaN total is not "no observations" for Prometheus and goes on to the search.
  const status = n < 2 ? 'tooFewBuckets' : counts[n - 1] === 0 ? 'noObservations' : 'ok';
  return { status, forcedMonotonic, fixedPrecision };
}

/**
 * The q-quantile of prepared buckets. The q checks come first, as in Prometheus, so q<0 and q>1 give ∓Inf even
 * for histograms that have no quantile.
 */
export function quantileOfPrepared(
  q: number,
  status: BucketsStatus,
  bounds: ArrayLike<number>,
  counts: ArrayLike<number>,
  n: number
): Quantile {
  if (Number.isNaN(q)) {
    return { q, value: NaN, clamped: false };
  }
  if (q < 0) {
    return { q, value: -Infinity, clamped: false };
  }
  if (q > 1) {
    return { q, value: Infinity, clamped: false };
  }
  if (status !== 'ok') {
    return { q, value: NaN, clamped: false };
  }
  let rank = q * counts[n - 1];
  const b = searchRank(rank, counts, n - 1);
  if (b === n - 1) {
    return { q, value: bounds[n - 2], clamped: true };
  }
  if (b === 0 && bounds[0] <= 0) {
    return { q, value: bounds[0], clamped: false };
  }
  let start = 0;
  let count = counts[b];
  if (b > 0) {
    start = bounds[b - 1];
    count -= counts[b - 1];
    rank -= counts[b - 1];
  }
  return { q, value: start + (bounds[b] - start) * (rank / count), clamped: false };
}

/** Go's sort.Search(length, i => counts[i] >= rank): the same probes, so NaN counts land where Prometheus's do. */
function searchRank(rank: number, counts: ArrayLike<number>, length: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (!(counts[mid] >= rank)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

export interface Bucket {
  upperBound: number;
  count: number;
}

/**
 * histogram_quantile(q, buckets) for one histogram given as loose (le, cumulative count) pairs in any order,
 * duplicates allowed: the whole Prometheus pipeline, for callers that do not hold a parsed time range.
 */
export function histogramQuantile(q: number, buckets: Bucket[]): Quantile {
  const sorted = [...buckets].sort((a, b) => (a.upperBound < b.upperBound ? -1 : a.upperBound > b.upperBound ? 1 : 0));
  const bounds: number[] = [];
  const counts = new Float64Array(sorted.length);
  for (const { upperBound, count } of sorted) {
    const last = bounds.length - 1;
    if (last >= 0 && bounds[last] === upperBound) {
      counts[last] += count;
    } else {
      counts[bounds.length] = count;
      bounds.push(upperBound);
    }
  }
  const { status } = prepareBuckets(bounds, counts, bounds.length);
  return quantileOfPrepared(q, status, bounds, counts, bounds.length);
}
