import { SEVERITY } from '../model/health';
import { Health, TopologyEdge, TopologyNode } from '../model/types';

/** Indexes in drawing order: idle and healthy first, the worst last so that it lies on top; ties keep index order. */
export function drawOrder(items: Array<{ health: Health }>): Int32Array {
  const keys = Int8Array.from(items, (item) => SEVERITY[item.health]);
  return Int32Array.from(items, (_, i) => i).sort((a, b) => keys[b] - keys[a] || a - b);
}

/** Traffic to rank labels by: requests/s, and a TCP edge's KiB/s as if requests, so both kinds compete. */
const edgeTraffic = (e: TopologyEdge) => (e.protocol === 'tcp' ? e.bytesRate / 1024 : e.rate);

/**
 * Label priority, first placed first, as labels.ts drops what no longer fits: failing, then degraded, then the rest;
 * at equal health nodes before edges; then busiest first. Entries i ≥ 0 are node i, entries < 0 edge -i - 1.
 */
export function labelOrder(nodes: TopologyNode[], edges: TopologyEdge[]): Int32Array {
  const n = nodes.length;
  const all = n + edges.length;
  const rank = new Int8Array(all);
  const volume = new Float64Array(all);
  nodes.forEach((node, i) => {
    rank[i] = SEVERITY[node.health] * 2;
    volume[i] = node.inRate + node.outRate;
  });
  edges.forEach((edge, e) => {
    rank[n + e] = SEVERITY[edge.health] * 2 + 1;
    volume[n + e] = edgeTraffic(edge);
  });
  const order = Int32Array.from({ length: all }, (_, i) => i).sort(
    (a, b) => rank[a] - rank[b] || volume[b] - volume[a] || a - b
  );
  return order.map((i) => (i < n ? i : -(i - n) - 1));
}
