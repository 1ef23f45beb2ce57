import fc from 'fast-check';
import { histogramQuantile } from './quantile';
import { refQuantile } from '../../../test/support/histogram/reference';
import { arbitraryBuckets, expectClose, quantiles } from '../../../test/support/histogram/arbitraries';

const b = (le: number, count: number) => ({ upperBound: le, count });
const convergence = [b(0.1, 10), b(0.5, 30), b(1, 60), b(3, 90), b(Infinity, 100)];

describe('histogramQuantile, hand-computed', () => {
  it.each([
    [0.5, 0.5 + 0.5 * (20 / 30)],
    [0.1, 0.1],
    [0.05, 0.05],
    [0.3, 0.5],
    [0.75, 1 + 2 * (15 / 30)],
    [0, 0],
  ])('q=%p is %p, interpolated linearly from a lower bound of 0', (q, expected) => {
    expect(histogramQuantile(q, convergence)).toEqual({ q, value: expected, clamped: false });
  });

  it('returns the highest finite bound, flagged clamped, when the rank falls in +Inf', () => {
    expect(histogramQuantile(0.99, convergence)).toEqual({ q: 0.99, value: 3, clamped: true });
    expect(histogramQuantile(1, convergence)).toEqual({ q: 1, value: 3, clamped: true });
  });

  it('is not clamped at q=1 when +Inf holds nothing beyond the top bound', () => {
    expect(histogramQuantile(1, [b(1, 5), b(2, 10), b(Infinity, 10)])).toEqual({ q: 1, value: 2, clamped: false });
  });

  it('returns a non-positive first bound itself', () => {
    expect(histogramQuantile(0.2, [b(-1, 5), b(1, 10), b(Infinity, 10)]).value).toBe(-1);
    expect(histogramQuantile(0.75, [b(-1, 5), b(1, 10), b(Infinity, 10)]).value).toBe(0);
  });

  it.each([
    ['q is NaN', NaN, convergence, NaN],
    ['q < 0', -0.1, convergence, -Infinity],
    ['q > 1', 1.1, convergence, Infinity],
    ['q < 0 even without +Inf', -1, [b(1, 1), b(2, 2)], -Infinity],
    ['no +Inf bucket', 0.5, [b(1, 1), b(2, 2)], NaN],
    ['only the +Inf bucket', 0.5, [b(Infinity, 10)], NaN],
    ['no observations', 0.5, [b(1, 0), b(Infinity, 0)], NaN],
  ])('%s gives %p', (_, q, buckets, expected) => {
    expect(histogramQuantile(q, buckets).value).toBe(expected);
  });

  it('merges duplicate bounds and repairs non-monotonic counts first', () => {
    expect(histogramQuantile(0.25, [b(1, 4), b(Infinity, 20), b(1, 6)]).value).toBe(0.5);
    const dip = [b(1, 10), b(2, 5), b(3, 20), b(Infinity, 20)];
    expect(histogramQuantile(0.5, dip).value).toBe(1);
    expect(histogramQuantile(0.75, dip).value).toBe(2.5);
  });

  it('sends NaN counts where Prometheus sends them: a NaN total searches into +Inf', () => {
    expect(histogramQuantile(0.5, [b(1, 1), b(2, 2), b(Infinity, NaN)])).toEqual({ q: 0.5, value: 2, clamped: true });
  });
});

describe('histogramQuantile, property-based against the plain reference', () => {
  it('agrees within 1e-9 relative on thousands of random histograms', () => {
    fc.assert(
      fc.property(arbitraryBuckets, quantiles, (buckets, q) => {
        const expected = refQuantile(q, buckets);
        const actual = histogramQuantile(
          q,
          buckets.map((x) => ({ upperBound: x.le, count: x.count }))
        );
        expectClose(actual.value, expected.value);
        expect(actual.clamped).toBe(expected.clamped);
      }),
      { numRuns: 5000 }
    );
  });
});
