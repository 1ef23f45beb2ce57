import { ViewDefinition } from '../components/viewDefinition';
import { hasLabel } from '../data/frames';
import { HistogramView } from './HistogramView';

export const histogramView: ViewDefinition = {
  label: 'Histogram',
  expected: [
    'sum by (le) (rate(pilot_proxy_convergence_time_bucket[$__rate_interval])) — time series, table or heatmap format',
    'Several histograms at once: add labels besides le, e.g. sum by (le, revision) (…)',
  ],
  check(series) {
    return series.some((frame) => hasLabel(frame, 'le') || frame.fields.some((f) => /^[+-]?(\d|Inf)/.test(f.name)))
      ? undefined
      : `None of the ${series.length} frame(s) has an le label: these are not Prometheus histogram buckets.`;
  },
  component: HistogramView,
};
