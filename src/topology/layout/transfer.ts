import { LayoutInput } from './types';

/**
 * A LayoutInput as it is posted to the worker: the nodes' fields as arrays and the edges as node indexes in typed
 * arrays, which are moved, not copied. Structured-cloning 20,000 edge objects with two id strings each cost more
 * than laying out their ends' groups; only the node strings are cloned now.
 */
export interface PackedInput {
  ids: string[];
  groups: string[];
  clusters: Array<string | undefined>;
  entry: Uint8Array;
  from: Int32Array;
  to: Int32Array;
}

/** Packs `input`; an edge naming a node the input does not have is left out, as the layout leaves it out too. */
export function packInput({ nodes, edges }: LayoutInput): PackedInput {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.id, i));
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  let kept = 0;
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined) {
      from[kept] = s;
      to[kept] = t;
      kept++;
    }
  }
  return {
    ids: nodes.map((n) => n.id),
    groups: nodes.map((n) => n.group),
    clusters: nodes.map((n) => n.cluster),
    entry: Uint8Array.from(nodes, (n) => (n.entry ? 1 : 0)),
    from: from.slice(0, kept),
    to: to.slice(0, kept),
  };
}

export function unpackInput(p: PackedInput): LayoutInput {
  const nodes = p.ids.map((id, i) => ({ id, group: p.groups[i], cluster: p.clusters[i], entry: p.entry[i] === 1 }));
  const edges: LayoutInput['edges'] = [];
  for (let e = 0; e < p.from.length; e++) {
    edges.push({ source: p.ids[p.from[e]], target: p.ids[p.to[e]] });
  }
  return { nodes, edges };
}

/** The buffers postMessage moves to the worker with a packed input. */
export const transferables = (p: PackedInput): Transferable[] => [p.entry.buffer, p.from.buffer, p.to.buffer];
