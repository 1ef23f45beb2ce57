import { reporterRank } from '../../istio/semantics';

/**
 * The preferred reporter among those present (src/istio/semantics.ts says why per edge one reporter is kept).
 * Series without a reporter label are used only when no reporter-labelled ones exist for the edge.
 */
export function pickReporter(present: Iterable<string>): string {
  let best = '';
  let bestRank = Infinity;
  for (const reporter of present) {
    const rank = reporterRank(reporter);
    if (rank < bestRank) {
      best = reporter;
      bestRank = rank;
    }
  }
  return best;
}
