/**
 * Shares of observations at or below a bound, read from prepared cumulative buckets with the interpolation
 * Prometheus's histogram_fraction uses for classic buckets, and labelled with how much the figure can be trusted:
 * the buckets only know counts at their bounds.
 */

/**
 * exact: the bound is a bucket boundary (or the bucket it cuts is empty); interpolated: assumed spread evenly
 * within the bucket, shown with "≈"; atLeast: the bound lies in the +Inf bucket, so only the share up to the
 * highest finite bound is known and the truth is at least that.
 */
export type ShareKind = 'exact' | 'interpolated' | 'atLeast';

export interface Share {
  bound: number;
  /** Fraction 0..1 of the observations; NaN when there are none. */
  value: number;
  kind: ShareKind;
}

export function shareWithin(bound: number, bounds: ArrayLike<number>, counts: ArrayLike<number>, n: number): Share {
  const total = counts[n - 1];
  if (n < 2 || total === 0 || Number.isNaN(bound)) {
    return { bound, value: NaN, kind: 'exact' };
  }
  let i = 0;
  while (bounds[i] < bound) {
    i++;
  }
  if (bounds[i] === bound) {
    return { bound, value: counts[i] / total, kind: 'exact' };
  }
  if (i === n - 1) {
    return { bound, value: counts[n - 2] / total, kind: total === counts[n - 2] ? 'exact' : 'atLeast' };
  }
  const below = i > 0 ? counts[i - 1] : 0;
  const kind: ShareKind = counts[i] === below ? 'exact' : 'interpolated';
  if (i === 0 && bounds[0] <= 0) {
    // Prometheus cannot interpolate below a non-positive first bound (its lower end is -Inf) and counts it whole.
    return { bound, value: counts[0] / total, kind };
  }
  const lower = i > 0 ? bounds[i - 1] : 0;
  if (bound <= lower) {
    // Below the natural lower bound 0 of an all-positive histogram: nothing is observed there.
    return { bound, value: 0, kind: 'exact' };
  }
  return { bound, value: (below + ((counts[i] - below) * (bound - lower)) / (bounds[i] - lower)) / total, kind };
}

export interface Overflow {
  /** The highest finite bound: observations above it are only known to be above it. */
  bound: number;
  /** Fraction 0..1 of the observations in the +Inf bucket. */
  value: number;
}

export function overflowShare(bounds: ArrayLike<number>, counts: ArrayLike<number>, n: number): Overflow {
  const total = counts[n - 1];
  return { bound: bounds[n - 2], value: n < 2 || total === 0 ? NaN : (total - counts[n - 2]) / total };
}
