import { DataFrame, FieldType } from '@grafana/data';
import { parseFrames } from './frames';
import { heatmapFrame, HistogramFixture, tableFrame, timeSeriesFrames } from '../../../test/support/histogram/frames';

const fixture: HistogramFixture = {
  labels: { revision: 'default' },
  les: ['0.1', '0.5', '+Inf'],
  times: [1000, 2000],
  cumulative: [
    [1, 3, 4],
    [2, 2, 6],
  ],
};

describe('parseFrames', () => {
  it.each([
    ['time series', timeSeriesFrames(fixture), 'cumulative'],
    ['table', [tableFrame([fixture])], 'cumulative'],
    ['heatmap', [heatmapFrame(fixture)], 'perBucket'],
  ])('reads the %s format into one histogram with sorted bounds', (_, frames, layout) => {
    const { histograms, ignored } = parseFrames(frames);
    expect(ignored).toEqual([]);
    expect(histograms).toHaveLength(1);
    const [h] = histograms;
    expect(h.labels).toEqual({ revision: 'default' });
    expect([...h.bounds]).toEqual([0.1, 0.5, Infinity]);
    expect([...h.times]).toEqual([1000, 2000]);
    expect(h.layout).toBe(layout);
    expect(h.counters).toBe(false);
  });

  it('keeps cumulative values as they are in the time series format', () => {
    const [h] = parseFrames(timeSeriesFrames(fixture)).histograms;
    expect([...h.values]).toEqual([1, 3, 4, 2, 2, 6]);
    expect([...h.present]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('splits histograms by the labels other than le and by query', () => {
    const other = { ...fixture, labels: { revision: 'canary' } };
    const frames = [
      ...timeSeriesFrames(fixture),
      ...timeSeriesFrames(other),
      ...timeSeriesFrames({ ...fixture, refId: 'B' }),
    ];
    const { histograms } = parseFrames(frames);
    expect(histograms.map((h) => [h.refId, h.labels.revision])).toEqual([
      ['A', 'default'],
      ['A', 'canary'],
      ['B', 'default'],
    ]);
  });

  it('sums series whose le parse to the same bound and sorts bounds numerically, not lexically', () => {
    const frames = timeSeriesFrames({
      les: ['10', '+Inf', '1e+00', '1', '2'],
      times: [0],
      cumulative: [[5, 9, 1, 2, 4]],
    });
    const [h] = parseFrames(frames).histograms;
    expect([...h.bounds]).toEqual([1, 2, 10, Infinity]);
    expect([...h.values]).toEqual([3, 4, 5, 9]);
  });

  it('places samples by timestamp when series have different steps, and marks the gaps', () => {
    const a = timeSeriesFrames({ les: ['1'], times: [0, 2000], cumulative: [[1], [3]] });
    const b = timeSeriesFrames({ les: ['+Inf'], times: [0, 1000, 2000], cumulative: [[2], [null], [4]] });
    const [h] = parseFrames([...a, ...b]).histograms;
    expect([...h.times]).toEqual([0, 1000, 2000]);
    expect([...h.present]).toEqual([1, 1, 0, 0, 1, 1]);
  });

  it('recognises raw _bucket counters by the metric name the series still carries', () => {
    const frames = timeSeriesFrames({ ...fixture, labels: { __name__: 'pilot_proxy_convergence_time_bucket' } });
    const [h] = parseFrames(frames).histograms;
    expect(h.counters).toBe(true);
    expect(h.labels).toEqual({});
    expect(h.metric).toBe('pilot_proxy_convergence_time_bucket');
  });

  it('reports series with an unreadable le and ignores frames without buckets', () => {
    const bad = timeSeriesFrames({ les: ['fast', '+Inf'], times: [0], cumulative: [[1, 2]] });
    const plain: DataFrame = {
      length: 1,
      fields: [
        { name: 'Time', type: FieldType.time, config: {}, values: [0] },
        { name: 'Value', type: FieldType.number, config: {}, values: [1] },
      ],
    };
    const { histograms, ignored } = parseFrames([...bad, plain]);
    expect(histograms).toHaveLength(1);
    expect(ignored).toEqual(['Ignored the series with le="fast": not a number Prometheus accepts as a bucket bound.']);
  });

  it('reads a heatmap frame without meta.type when every number field is named by a bound', () => {
    const frame = heatmapFrame(fixture);
    const [h] = parseFrames([
      { ...frame, meta: undefined, fields: frame.fields.map((f) => ({ ...f, labels: undefined })) },
    ]).histograms;
    expect(h.layout).toBe('perBucket');
    expect([...h.bounds]).toEqual([0.1, 0.5, Infinity]);
  });
});
