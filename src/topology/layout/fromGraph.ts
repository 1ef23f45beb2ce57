import { groupOf } from '../model/identity';
import { TopologyGraph } from '../model/types';
import { LayoutInput } from './types';

/** The layout's view of a graph: nodes grouped by cluster/namespace, entries marked. */
export function layoutInput(graph: TopologyGraph, hideIdle: boolean): LayoutInput {
  return {
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      group: groupOf(n),
      cluster: n.cluster,
      entry: n.special === 'unknown' || n.special === 'ingress',
    })),
    edges: graph.edges
      .filter((e) => !hideIdle || e.health !== 'idle')
      .map((e) => ({ source: e.source, target: e.target })),
  };
}
