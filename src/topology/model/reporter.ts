/**
 * The one rule that keeps an edge from being counted twice: every request is reported by the client
 * (`source`), by the server sidecar (`destination`) and, in ambient mode, by the waypoint. Per edge and per metric we
 * keep the series of a single reporter: destination when present (it knows the server's identity and mTLS), else
 * waypoint (ambient has no server sidecar), else source (traffic to unknown, external or blackholed destinations).
 * Series without a reporter label are used only when no reporter-labelled ones exist for the edge.
 */
const PREFERENCE = ['destination', 'waypoint', 'source', ''];

export function reporterRank(reporter: string): number {
  const rank = PREFERENCE.indexOf(reporter);
  return rank === -1 ? PREFERENCE.length : rank;
}

/** The preferred reporter among those present. */
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
