import { groupOf } from '../src/topology/model/identity';
import { TopologyGraph } from '../src/topology/model/types';

/**
 * The preview's `options` parameter that opens every namespace of these graphs expanded: the benches measure the
 * whole mesh drawn node by node, as the anchors draw it, not the overview a large mesh opens with.
 */
export function fullMeshOptions(graphs: TopologyGraph[]): string {
  const groups = new Set(graphs.flatMap((g) => g.nodes.map(groupOf)).filter((g) => g !== ''));
  return `options=${encodeURIComponent(JSON.stringify({ topology: { expandedNamespaces: [...groups].sort() } }))}`;
}
