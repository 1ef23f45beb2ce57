import { TopologyEdge } from './types';

/**
 * Ambient mode reports a request twice over: the waypoint's L7 series (requests, errors, latency) and the ztunnels'
 * L4 series (bytes) for the same hop. Drawn apart they are two parallel edges for one call, the duplicate edge Kiali
 * users reported. Where a pair's L7 figures came from a waypoint, the pair's TCP bytes are that same traffic seen at
 * L4: they are folded into the busiest waypoint-reported L7 edge and the TCP edge is dropped. Pairs without a
 * waypoint keep their TCP edge, since nothing else carries that traffic.
 */
export function foldAmbientL4<T extends { edge: TopologyEdge; from: number; to: number }>(finished: T[]): T[] {
  const target = new Map<string, T>();
  for (const f of finished) {
    const { edge } = f;
    if (edge.protocol !== 'tcp' && edge.reporter === 'waypoint') {
      const key = `${f.from} ${f.to}`;
      const best = target.get(key);
      if (!best || edge.rate > best.edge.rate) {
        target.set(key, f);
      }
    }
  }
  if (target.size === 0) {
    return finished;
  }
  return finished.filter((f) => {
    const into = f.edge.protocol === 'tcp' ? target.get(`${f.from} ${f.to}`) : undefined;
    if (!into) {
      return true;
    }
    into.edge.bytesRate += f.edge.bytesRate;
    into.edge.l4Folded = true;
    return false;
  });
}
