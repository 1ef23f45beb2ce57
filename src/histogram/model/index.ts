/**
 * The Histogram view's model: Prometheus classic histograms from Grafana frames to buckets, percentiles and shares.
 * Free of React and the DOM so the integration test and the benchmark can run it in Node.
 */

export { computeHistograms } from './histograms';
export type { Histogram, HistogramSet, ModelOptions, RangeSummary, StepPercentiles } from './histograms';
export { histogramQuantile } from './quantile';
export type { Bucket, BucketsStatus, Quantile } from './quantile';
export type { Overflow, Share, ShareKind } from './shares';
export { parseBound, boundLabel } from './bounds';
export { describeProblems } from './problems';
export { histogramsFor } from './memo';
