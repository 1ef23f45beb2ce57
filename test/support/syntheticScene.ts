import { createTheme } from '@grafana/data';
import { DEFAULT_OPTIONS } from '../../src/options';
import { layoutInput } from '../../src/topology/layout/fromGraph';
import { layoutGraph } from '../../src/topology/layout/layered';
import { framesToGraph } from '../../src/topology/model/framesToGraph';
import { TopologyGraph } from '../../src/topology/model/types';
import { sceneStyle, SceneStyle } from '../../src/topology/render/palette';
import { buildScene, Scene } from '../../src/topology/render/scene';
import { syntheticMesh } from './syntheticMesh';

/** A synthetic mesh as the canvas gets it: graph, laid out, in the light theme's colours, labelled by rate. */
export function syntheticScene(
  nodes: number,
  edgesPerNode = 4
): { graph: TopologyGraph; scene: Scene; style: SceneStyle } {
  const graph = framesToGraph(syntheticMesh(nodes, edgesPerNode).frames, DEFAULT_OPTIONS.topology);
  const style = sceneStyle(createTheme(), false);
  const scene = buildScene(graph, layoutGraph(layoutInput(graph, false), { pinned: {} }), style.colors, 'rate', false);
  return { graph, scene, style };
}
