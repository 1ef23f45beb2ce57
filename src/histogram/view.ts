import { ViewDefinition } from '../components/viewDefinition';
import { DEFAULT_OPTIONS } from '../options';
import { describeProblems, histogramsFor } from './model';
import { HistogramView } from './HistogramView';

export const histogramView: ViewDefinition = {
  label: 'Histogram',
  expected: [
    'sum by (le) (rate(pilot_proxy_convergence_time_bucket[$__rate_interval])) — time series, table or heatmap format',
    'Several histograms at once: add labels besides le, e.g. sum by (le, revision) (…)',
    'Every bucket up to le="+Inf", with at least one finite bound below it',
  ],
  check(series) {
    // Problems do not depend on the percentile and share options, so the defaults are as good as the panel's.
    return describeProblems(histogramsFor(series, DEFAULT_OPTIONS.histogram), series.length);
  },
  component: HistogramView,
};
