/**
 * Time axes of bucket series. Prometheus returns each series with its own timestamps (a bucket can be absent at
 * a step), so a histogram's axis is the sorted union, and every sample is placed by lookup rather than by position.
 */

/** Ascending copy of times (numbers, or anything Number() reads as one) with duplicates removed. */
export function sortedUnique(times: ArrayLike<unknown>): Float64Array {
  const sorted = Float64Array.from(times as ArrayLike<number>).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (n === 0 || sorted[i] !== sorted[n - 1]) {
      sorted[n++] = sorted[i];
    }
  }
  return sorted.slice(0, n);
}

/**
 * The union of two time axes; returns `a` itself when `b` adds nothing, the usual case of aligned series, without
 * copying `b` (a Grafana time field) first.
 */
export function unionTimes(a: Float64Array, b: ArrayLike<unknown>): Float64Array {
  if (b.length === a.length && everyEqual(a, b)) {
    return a;
  }
  const merged = new Float64Array(a.length + b.length);
  merged.set(a);
  for (let i = 0; i < b.length; i++) {
    merged[a.length + i] = Number(b[i]);
  }
  return sortedUnique(merged);
}

function everyEqual(a: Float64Array, b: ArrayLike<unknown>): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== Number(b[i])) {
      return false;
    }
  }
  return true;
}

/**
 * Index of t in the ascending axis, trying `hint` first: samples usually arrive in order, so the walk is linear
 * and the binary search is only the fallback. -1 when t is not on the axis.
 */
export function locateTime(axis: Float64Array, t: number, hint: number): number {
  if (axis[hint] === t) {
    return hint;
  }
  let lo = 0;
  let hi = axis.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (axis[mid] < t) {
      lo = mid + 1;
    } else if (axis[mid] > t) {
      hi = mid - 1;
    } else {
      return mid;
    }
  }
  return -1;
}
