import { DataFrame } from '@grafana/data';
import { istioFramesToGraph } from './build';
import { ModelOptions } from './modelOptions';
import { isNodeGraphEdges, isNodeGraphNodes, nodeGraphFramesToGraph } from './nodeGraph';
import { TopologyGraph } from './types';

/**
 * The model's entry point: Node Graph frames when the data source sends them (Tempo service graphs and the like),
 * Istio metric frames otherwise. Never throws: unexpected input ends up as a notice on an empty or partial graph.
 */
export function framesToGraph(frames: DataFrame[], options: ModelOptions): TopologyGraph {
  try {
    const valid = (frames ?? []).filter((f) => f && Array.isArray(f.fields));
    const nodeGraph = valid.filter((f) => isNodeGraphEdges(f) || isNodeGraphNodes(f));
    return nodeGraph.length > 0 ? nodeGraphFramesToGraph(nodeGraph, options) : istioFramesToGraph(valid, options);
  } catch (e) {
    return {
      nodes: [],
      edges: [],
      notices: [`The data could not be read as a graph: ${e instanceof Error ? e.message : String(e)}`],
    };
  }
}
