/**
 * Cleanup of one histogram's cumulative bucket counts before a quantile is read from them, as Prometheus's
 * BucketQuantile does it (promql/quantile.go): buckets sorted by bound with equal bounds already merged, then
 * float noise between neighbours ignored and any decrease forced up to the running maximum. Counts are
 * modified in place so a whole time range can be processed with one scratch array.
 */

/** Prometheus's smallDeltaTolerance: neighbours closer than this (relative) are float noise, not a decrease. */
export const SMALL_DELTA_TOLERANCE = 1e-12;

/** Smallest normal float64: the absolute floor util/almost.Equal uses near zero. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** util/almost.Equal from Prometheus, including its NaN == NaN convention. */
export function almostEqual(a: number, b: number, epsilon: number): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) {
    return true;
  }
  if (a === b) {
    return true;
  }
  const absSum = Math.abs(a) + Math.abs(b);
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || absSum < MIN_NORMAL) {
    return diff < epsilon * MIN_NORMAL;
  }
  return diff / Math.min(absSum, Number.MAX_VALUE) < epsilon;
}

export interface Repair {
  /** A count fell below a lower bucket's and was raised to it: Prometheus's "needed to be fixed for monotonicity". */
  forcedMonotonic: boolean;
  /** A neighbour differed only by float noise and was set equal. */
  fixedPrecision: boolean;
}

/**
 * Makes counts[0..n) non-decreasing the way ensureMonotonicAndIgnoreSmallDeltas does: the reference value only
 * moves on a genuine increase, so a dip is lifted to the level before it rather than to the dip's neighbour.
 */
export function repairCumulative(counts: Float64Array, n: number): Repair {
  const repair: Repair = { forcedMonotonic: false, fixedPrecision: false };
  if (n === 0) {
    return repair;
  }
  let prev = counts[0];
  for (let i = 1; i < n; i++) {
    const curr = counts[i];
    if (curr === prev) {
      continue;
    }
    if (almostEqual(prev, curr, SMALL_DELTA_TOLERANCE)) {
      counts[i] = prev;
      repair.fixedPrecision = true;
    } else if (curr < prev) {
      counts[i] = prev;
      repair.forcedMonotonic = true;
    } else {
      prev = curr;
    }
  }
  return repair;
}

/** What a counter sample adds since the previous one; a drop is a counter reset, so the new value is all new. */
export function counterIncrease(previous: number, current: number): number {
  return current >= previous ? current - previous : current;
}
