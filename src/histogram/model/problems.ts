/** What the panel says when none of the histograms in the data can be drawn. */

import { HistogramSet } from './histograms';

/** A sentence for the panel message when nothing can be drawn, or undefined when at least one histogram can. */
export function describeProblems(set: HistogramSet, frameCount: number): string | undefined {
  const { histograms, ignored } = set;
  if (histograms.length === 0) {
    const why = ignored.length > 0 ? ` ${ignored.join(' ')}` : '';
    return `None of the ${frameCount} frame(s) has le buckets: these are not Prometheus histogram buckets.${why}`;
  }
  if (histograms.some((h) => h.problem === undefined)) {
    return undefined;
  }
  if (histograms.length === 1) {
    return histograms[0].problem;
  }
  return histograms.map((h) => `${h.name}: ${h.problem}`).join(' ');
}
