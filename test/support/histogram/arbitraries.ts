/** fast-check generators and a tolerance check shared by the model's property tests. */

import fc from 'fast-check';
import { RefBucket } from './reference';

/** Counts without subnormals: there Prometheus's absolute noise floor decides, which the reference leaves out. */
const count = fc.double({ min: 0, max: 1e9, noNaN: true }).map((x) => (x < 1e-300 ? 0 : x));

/** Random classic histograms: sorted-or-not bounds (some shared, some ≤ 0), counts that may dip or be zero. */
export const arbitraryBuckets = fc
  .record({
    finite: fc.array(
      fc.record({
        le: fc.oneof(
          fc.integer({ min: -5, max: 40 }).map((i) => i / 4),
          fc.double({ min: -10, max: 1e6, noNaN: true })
        ),
        count: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }), count),
      }),
      { minLength: 0, maxLength: 25 }
    ),
    overflow: fc.oneof(fc.constant(0), count),
    withInf: fc.boolean(),
    monotonic: fc.boolean(),
  })
  .map(({ finite, overflow, withInf, monotonic }) => {
    const buckets: RefBucket[] = finite.map((x) => ({ ...x }));
    if (monotonic) {
      buckets.sort((x, y) => x.le - y.le);
      buckets.forEach((x, i) => (x.count += i > 0 ? buckets[i - 1].count : 0));
    }
    const top = buckets.reduce((m, x) => Math.max(m, x.count), 0);
    return withInf ? [...buckets, { le: Infinity, count: top + overflow }] : buckets;
  });

export const quantiles = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, 0.5, 0.9, 0.99, 1, -0.5, 2, NaN)
);

export function expectClose(actual: number, expected: number) {
  if (Number.isNaN(expected) || !Number.isFinite(expected)) {
    expect(actual).toBe(expected);
  } else {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected), 1e-300));
  }
}
