import { SEVERITY } from './health';
import { TopologyEdge } from './types';

/** How many rows the worst-edges list shows: enough to triage, few enough to read at 5,000 nodes. */
export const WORST_EDGES_SHOWN = 10;

/** Higher first; a missing figure ranks below every present one. */
const descending = (a: number | undefined, b: number | undefined) => (b ?? -Infinity) - (a ?? -Infinity);

/** Edge traffic in the unit its protocol has: requests/s, or bytes/s for TCP. */
const traffic = (e: TopologyEdge) => (e.protocol === 'tcp' ? e.bytesRate : e.rate);

/**
 * Indexes into `edges` of the `count` worst edges, worst first: by health (SEVERITY, as model/health.ts judged it
 * with the panel's thresholds), then error share, then p95, then traffic.
 * Idle edges carry nothing to fix and are left out; ties keep the edges' order, so the list is stable across refreshes.
 */
export function rankWorstEdges(edges: TopologyEdge[], count = WORST_EDGES_SHOWN): number[] {
  const ranked: number[] = [];
  edges.forEach((e, i) => e.health !== 'idle' && ranked.push(i));
  ranked.sort((i, j) => {
    const a = edges[i];
    const b = edges[j];
    return (
      SEVERITY[a.health] - SEVERITY[b.health] ||
      descending(a.errorShare, b.errorShare) ||
      descending(a.p95, b.p95) ||
      descending(traffic(a), traffic(b)) ||
      i - j
    );
  });
  return ranked.slice(0, count);
}
