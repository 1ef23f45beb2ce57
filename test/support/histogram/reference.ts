/**
 * A deliberately plain restatement of Prometheus's classic-bucket rules (promql/quantile.go), written for reading,
 * not speed: objects instead of typed arrays, linear scans instead of binary search. The property tests hold the
 * model to it.
 */

export interface RefBucket {
  le: number;
  count: number;
}

/** Sorted, equal bounds summed, dips lifted to the level before them, float noise ignored. */
export function cleaned(buckets: RefBucket[]): RefBucket[] {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const merged: RefBucket[] = [];
  for (const b of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.le === b.le) {
      last.count += b.count;
    } else {
      merged.push({ ...b });
    }
  }
  let level = merged.length > 0 ? merged[0].count : 0;
  for (const b of merged.slice(1)) {
    const close = Math.abs(b.count - level) / (Math.abs(b.count) + Math.abs(level)) < 1e-12;
    if (b.count < level || close) {
      b.count = level;
    } else {
      level = b.count;
    }
  }
  return merged;
}

export function refQuantile(q: number, input: RefBucket[]): { value: number; clamped: boolean } {
  if (Number.isNaN(q)) {
    return { value: NaN, clamped: false };
  }
  if (q < 0 || q > 1) {
    return { value: q < 0 ? -Infinity : Infinity, clamped: false };
  }
  if (input.length === 0 || Math.max(...input.map((b) => b.le)) !== Infinity) {
    return { value: NaN, clamped: false };
  }
  const buckets = cleaned(input);
  const total = buckets[buckets.length - 1].count;
  if (buckets.length < 2 || total === 0) {
    return { value: NaN, clamped: false };
  }
  const rank = q * total;
  const i = buckets.findIndex((b, index) => index < buckets.length - 1 && b.count >= rank);
  if (i === -1) {
    return { value: buckets[buckets.length - 2].le, clamped: true };
  }
  if (i === 0 && buckets[0].le <= 0) {
    return { value: buckets[0].le, clamped: false };
  }
  const lower = i === 0 ? { le: 0, count: 0 } : buckets[i - 1];
  const inBucket = buckets[i].count - lower.count;
  return { value: lower.le + (buckets[i].le - lower.le) * ((rank - lower.count) / inBucket), clamped: false };
}

/** histogram_fraction(-Inf, upper) on the cleaned buckets. */
export function refShare(upper: number, input: RefBucket[]): number {
  const buckets = cleaned(input);
  const total = buckets[buckets.length - 1].count;
  let below = 0;
  let lower = buckets[0].le > 0 ? 0 : -Infinity;
  for (const b of buckets) {
    if (upper <= lower) {
      return below / total;
    }
    if (upper < b.le) {
      const within = lower === -Infinity ? b.count : below + ((b.count - below) * (upper - lower)) / (b.le - lower);
      return within / total;
    }
    below = b.count;
    lower = b.le;
  }
  return below / total;
}
