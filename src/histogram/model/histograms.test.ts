import fc from 'fast-check';
import { DataFrame } from '@grafana/data';
import { computeHistograms } from './histograms';
import { histogramQuantile } from './quantile';
import { expectClose } from '../../../test/support/histogram/arbitraries';
import { heatmapFrame, HistogramFixture, tableFrame, timeSeriesFrames } from '../../../test/support/histogram/frames';
import { refQuantile } from '../../../test/support/histogram/reference';

const options = { percentiles: [0.5, 0.9, 0.99], shareBounds: [0.1, 0.5, 1, 3] };
const les = ['0.1', '0.5', '1', '3', '5', '10', '20', '30', '+Inf'];
const convergence: HistogramFixture = {
  les,
  times: [0, 60000],
  cumulative: [
    [10, 30, 60, 90, 95, 96, 97, 98, 100],
    [5, 5, 5, 5, 5, 5, 5, 5, 10],
  ],
};
const only = (frames: DataFrame[]) => {
  const { histograms } = computeHistograms(frames, options);
  expect(histograms).toHaveLength(1);
  return histograms[0];
};

describe('computeHistograms, hand-computed', () => {
  const h = only(timeSeriesFrames(convergence));

  it('gives histogram_quantile at every step, flagging the clamped ones', () => {
    expect([...h.steps[0].values]).toEqual([0.5 + 0.5 * (20 / 30), 0.1]);
    expect([...h.steps[2].values]).toEqual([30, 30]);
    expect([...h.steps[2].clamped]).toEqual([1, 1]);
    expect([...h.steps[0].clamped]).toEqual([0, 0]);
  });

  it('adds the steps up into the range distribution with shares and the +Inf overflow', () => {
    expect([...h.range.counts]).toEqual([15, 20, 30, 30, 5, 1, 1, 1, 7]);
    expect(h.range.total).toBe(110);
    expect(h.range.shares.map((s) => [s.value, s.kind])).toEqual([
      [15 / 110, 'exact'],
      [35 / 110, 'exact'],
      [65 / 110, 'exact'],
      [95 / 110, 'exact'],
    ]);
    expect(h.range.overflow).toEqual({ bound: 30, value: 7 / 110 });
    expect(h.range.percentiles[2]).toEqual({ q: 0.99, value: 30, clamped: true });
    expect(h.problem).toBeUndefined();
  });

  it('holds per-bucket cells for the heatmap', () => {
    expect([...h.cells.slice(0, 9)]).toEqual([10, 20, 30, 30, 5, 1, 1, 1, 2]);
  });

  it('gives the same figures from the table and heatmap formats', () => {
    for (const other of [only([tableFrame([convergence])]), only([heatmapFrame(convergence)])]) {
      expect(other.steps.map((s) => [...s.values])).toEqual(h.steps.map((s) => [...s.values]));
      expect([...other.range.counts]).toEqual([...h.range.counts]);
    }
  });

  it('turns raw counters into increases per step across a reset', () => {
    const counters = only(
      timeSeriesFrames({
        labels: { __name__: 'pilot_proxy_convergence_time_bucket' },
        les: ['1', '+Inf'],
        times: [0, 1, 2, 3],
        cumulative: [
          [10, 20],
          [15, 30],
          [2, 4],
          [3, 8],
        ],
      })
    );
    expect([...counters.range.counts]).toEqual([5 + 2 + 1, 5 + 2 + 3]);
    expect(counters.steps[0].values[0]).toBeNaN();
    expect(counters.steps[0].values[1]).toBe(
      histogramQuantile(0.5, [
        { upperBound: 1, count: 5 },
        { upperBound: Infinity, count: 10 },
      ]).value
    );
    expect(counters.notes.join(' ')).toContain('a counter reset at 1 step(s)');
  });

  it('repairs non-monotonic steps as Prometheus does and says so', () => {
    const dip = only(timeSeriesFrames({ les: ['1', '2', '+Inf'], times: [0], cumulative: [[10, 5, 20]] }));
    expect([...dip.cells]).toEqual([10, 0, 10]);
    expect(dip.notes[0]).toContain('needed to be fixed for monotonicity');
  });

  it('computes a step without a bucket absent there, as histogram_quantile does', () => {
    const gap = only([
      ...timeSeriesFrames({
        les: ['1', '+Inf'],
        times: [0, 1],
        cumulative: [
          [4, 8],
          [2, 8],
        ],
      }),
      ...timeSeriesFrames({ les: ['2'], times: [0], cumulative: [[6]] }),
    ]);
    expect(gap.steps[0].values[1]).toBe(
      histogramQuantile(0.5, [
        { upperBound: 1, count: 2 },
        { upperBound: Infinity, count: 8 },
      ]).value
    );
  });
});

describe('computeHistograms, malformed input', () => {
  const problem = (fixture: HistogramFixture) => only(timeSeriesFrames(fixture)).problem;

  it.each([
    [
      'no +Inf bucket',
      { les: ['1', '3'], times: [0], cumulative: [[1, 2]] },
      'No le="+Inf" bucket (the highest is le="3")',
    ],
    ['a single bucket', { les: ['+Inf'], times: [0], cumulative: [[2]] }, 'Only one bucket (le="+Inf")'],
    [
      'NaN samples',
      { les: ['1', '+Inf'], times: [0], cumulative: [[NaN, 2]] },
      '1 bucket sample(s) are NaN (first: le="1" at 1970-01-01T00:00:00.000Z)',
    ],
    [
      'all zero',
      {
        les: ['1', '+Inf'],
        times: [0, 1],
        cumulative: [
          [0, 0],
          [0, 0],
        ],
      },
      'All 2 buckets are zero over the time range',
    ],
  ])('explains %s', (_, fixture, message) => {
    expect(problem(fixture)).toContain(message);
  });
});

/** Histograms over a few steps: non-negative per-bucket increments accumulated into Prometheus's cumulative rows. */
const timeRanges = fc.integer({ min: 1, max: 12 }).chain((width) =>
  fc.record({
    les: fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: width, maxLength: width }).map((xs) =>
      xs
        .sort((a, b) => a - b)
        .map((x) => String(x / 100))
        .concat('+Inf')
    ),
    rows: fc.array(
      fc.array(
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 }), fc.double({ min: 1e-3, max: 1e6, noNaN: true })),
        {
          minLength: width + 1,
          maxLength: width + 1,
        }
      ),
      { minLength: 1, maxLength: 8 }
    ),
  })
);

describe('computeHistograms, property-based against the plain reference', () => {
  it.each([
    ['time series', (f: HistogramFixture) => timeSeriesFrames(f)],
    ['table', (f: HistogramFixture) => [tableFrame([f])]],
    ['heatmap', (f: HistogramFixture) => [heatmapFrame(f)]],
  ])('matches histogram_quantile at every step in the %s format', (_, toFrames) => {
    fc.assert(
      fc.property(timeRanges, fc.double({ min: 0, max: 1, noNaN: true }), ({ les, rows }, q) => {
        const cumulative = rows.map((row) => row.map((_, b) => row.slice(0, b + 1).reduce((s, x) => s + x, 0)));
        const fixture = { les, times: rows.map((_, t) => t * 1000), cumulative };
        const { histograms } = computeHistograms(toFrames(fixture), { percentiles: [q], shareBounds: [] });
        cumulative.forEach((row, t) => {
          const expected = refQuantile(
            q,
            row.map((count, b) => ({ le: Number(les[b].replace('+Inf', 'Infinity')), count }))
          );
          expectClose(histograms[0].steps[0].values[t], expected.value);
          expect(histograms[0].steps[0].clamped[t]).toBe(expected.clamped ? 1 : 0);
        });
      }),
      { numRuns: 700 }
    );
  });
});
