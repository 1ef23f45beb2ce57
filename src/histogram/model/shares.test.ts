import fc from 'fast-check';
import { histogramQuantile } from './quantile';
import { overflowShare, shareWithin } from './shares';
import { arbitraryBuckets, expectClose } from '../../../test/support/histogram/arbitraries';
import { cleaned, refShare } from '../../../test/support/histogram/reference';

const bounds = [0.1, 0.5, 1, 3, Infinity];
const counts = [10, 30, 60, 90, 100];
const share = (bound: number) => shareWithin(bound, bounds, counts, 5);

describe('shareWithin, hand-computed', () => {
  it('is exact at a bucket boundary', () => {
    expect(share(0.1)).toEqual({ bound: 0.1, value: 0.1, kind: 'exact' });
    expect(share(3)).toEqual({ bound: 3, value: 0.9, kind: 'exact' });
  });

  it('interpolates linearly inside a bucket, from 0 below the first bound', () => {
    expect(share(0.3)).toEqual({ bound: 0.3, value: 0.2, kind: 'interpolated' });
    expect(share(0.05)).toEqual({ bound: 0.05, value: 0.05, kind: 'interpolated' });
  });

  it('is exact when the bucket it cuts is empty', () => {
    expect(shareWithin(2, [1, 3, Infinity], [5, 5, 10], 3)).toEqual({ bound: 2, value: 0.5, kind: 'exact' });
  });

  it('is only a lower bound beyond the highest finite bound', () => {
    expect(share(30)).toEqual({ bound: 30, value: 0.9, kind: 'atLeast' });
    expect(shareWithin(30, [1, 3, Infinity], [5, 10, 10], 3)).toEqual({ bound: 30, value: 1, kind: 'exact' });
  });

  it('is 0 at or below the natural lower bound 0, and NaN without observations', () => {
    expect(share(0)).toEqual({ bound: 0, value: 0, kind: 'exact' });
    expect(share(-1).value).toBe(0);
    expect(shareWithin(1, [1, Infinity], [0, 0], 2).value).toBeNaN();
  });

  it('counts a whole non-positive first bucket, as histogram_fraction does', () => {
    expect(shareWithin(-2, [-1, 1, Infinity], [5, 8, 10], 3)).toEqual({ bound: -2, value: 0.5, kind: 'interpolated' });
  });
});

describe('overflowShare', () => {
  it('is the share in +Inf, above the highest finite bound', () => {
    expect(overflowShare(bounds, counts, 5)).toEqual({ bound: 3, value: 0.1 });
  });
});

describe('shareWithin, property-based', () => {
  it('agrees with the reference histogram_fraction on cleaned random histograms', () => {
    fc.assert(
      fc.property(arbitraryBuckets, fc.double({ min: -20, max: 2e6, noNaN: true }), (input, bound) => {
        const quantile = histogramQuantile(
          0.5,
          input.map((b) => ({ upperBound: b.le, count: b.count }))
        );
        fc.pre(!Number.isNaN(quantile.value));
        const clean = cleaned(input);
        const les = clean.map((b) => b.le);
        const cumulative = clean.map((b) => b.count);
        expectClose(shareWithin(bound, les, cumulative, les.length).value, refShare(bound, input));
      }),
      { numRuns: 3000 }
    );
  });
});
