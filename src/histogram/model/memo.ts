/**
 * The panel checks its data and then draws it, and re-renders on every resize: both read the histograms from here
 * so a time range is parsed once per query result and option set, not once per render.
 */

import { DataFrame } from '@grafana/data';
import { computeHistograms, HistogramSet, ModelOptions } from './histograms';

const cache = new WeakMap<DataFrame[], Map<string, HistogramSet>>();

export function histogramsFor(series: DataFrame[], options: ModelOptions): HistogramSet {
  const key = JSON.stringify([options.percentiles, options.shareBounds]);
  const byOptions = cache.get(series) ?? new Map<string, HistogramSet>();
  cache.set(series, byOptions);
  const cached = byOptions.get(key);
  if (cached) {
    return cached;
  }
  const set = computeHistograms(series, options);
  byOptions.set(key, set);
  return set;
}
