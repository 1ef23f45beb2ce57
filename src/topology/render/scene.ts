import { TopologyEdgeLabel } from '../../options';
import { TopologyEdge, TopologyGraph, TopologyNode } from '../model/types';
import { GroupBox, Layout } from '../layout/types';
import { formatBytes, formatMs, formatRate, formatShare } from './format';
import { edgeBends, EdgeEnds } from './edgeGeometry';
import { HealthColors } from './palette';

/** What is drawn: positions by index, resolved colours and label text; mutable positions for dragging. */
export interface Scene extends EdgeEnds {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  x: Float64Array;
  y: Float64Array;
  radius: Float32Array;
  nodeColor: string[];
  /** Node indexes of each edge's ends. */
  from: Int32Array;
  to: Int32Array;
  edgeColor: string[];
  edgeWidth: Float32Array;
  edgeLabel: string[];
  groups: GroupBox[];
  indexOf: Map<string, number>;
}

const RADIUS = 14;

export function edgeLabelText(e: TopologyEdge, mode: TopologyEdgeLabel): string {
  if (mode === 'none') {
    return '';
  }
  if (e.protocol === 'tcp') {
    return mode === 'rate' ? formatBytes(e.bytesRate) : '';
  }
  if (mode === 'rate') {
    return formatRate(e.rate);
  }
  if (mode === 'errors') {
    return e.errorShare !== undefined && e.errorShare > 0 ? formatShare(e.errorShare) : '';
  }
  return e.p95 !== undefined ? `p95 ${formatMs(e.p95, e.latencyClamped)}` : '';
}

/** Edges thicken with the log of their traffic, so a 1000× busier edge is not 1000× wider. */
function width(e: TopologyEdge): number {
  const traffic = e.protocol === 'tcp' ? e.bytesRate / 1024 : e.rate;
  return Math.min(6, 1 + Math.log10(1 + traffic));
}

export function buildScene(
  graph: TopologyGraph,
  layout: Layout,
  colors: HealthColors,
  mode: TopologyEdgeLabel,
  hideIdle: boolean,
  showGroups = true
): Scene {
  const nodes = graph.nodes;
  const indexOf = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = graph.edges.filter(
    (e) => (!hideIdle || e.health !== 'idle') && indexOf.has(e.source) && indexOf.has(e.target)
  );
  const radius = new Float32Array(nodes.length);
  nodes.forEach((n, i) => (radius[i] = n.kind === 'namespace' ? RADIUS * 1.6 : RADIUS));
  const from = Int32Array.from(edges, (e) => indexOf.get(e.source)!);
  const to = Int32Array.from(edges, (e) => indexOf.get(e.target)!);
  return {
    nodes,
    edges,
    x: Float64Array.from(layout.x),
    y: Float64Array.from(layout.y),
    radius,
    nodeColor: nodes.map((n) => n.color ?? colors[n.health]),
    from,
    to,
    bend: edgeBends(from, to),
    edgeColor: edges.map((e) => colors[e.health]),
    edgeWidth: Float32Array.from(edges, width),
    edgeLabel: edges.map((e) => edgeLabelText(e, mode)),
    groups: showGroups ? layout.groups : [],
    indexOf,
  };
}

/** Dragging moves a node in place: positions are typed arrays shared with the renderer, not React state. */
export function moveNode(scene: Scene, i: number, x: number, y: number): void {
  scene.x[i] = x;
  scene.y[i] = y;
}
