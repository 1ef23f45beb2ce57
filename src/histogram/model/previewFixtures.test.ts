import { dataFrameFromJSON, DataFrameJSON } from '@grafana/data';
import heatmap from '../../../test/preview/fixtures/convergence-heatmap.json';
import timeSeries from '../../../test/preview/fixtures/convergence-timeseries.json';
import { computeHistograms } from './histograms';

// The preview page's frames, captured through the converter that mirrors Grafana's Prometheus data source.
const frames = (json: unknown) => (json as DataFrameJSON[]).map((frame) => dataFrameFromJSON(frame));
const options = { percentiles: [0.5, 0.9, 0.99], shareBounds: [0.1, 0.5, 1, 3] };

describe('the preview fixtures of pilot_proxy_convergence_time', () => {
  it('give the same percentiles at every step in the time series and heatmap formats', () => {
    const [series] = computeHistograms(frames(timeSeries), options).histograms;
    const [rows] = computeHistograms(frames(heatmap), options).histograms;
    expect(series.problem).toBeUndefined();
    expect(rows.layout).toBe('perBucket');
    expect([...rows.times]).toEqual([...series.times]);
    series.steps.forEach((step, i) => {
      step.values.forEach((value, t) => {
        expect(Math.abs(rows.steps[i].values[t] - value)).toBeLessThanOrEqual(1e-9 * Math.abs(value));
      });
    });
  });
});
