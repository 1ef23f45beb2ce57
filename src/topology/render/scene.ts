import { TopologyEdgeLabel } from '../../options';
import { TopologyEdge, TopologyGraph, TopologyNode } from '../model/types';
import { drawingBounds } from '../layout/bounds';
import { GroupBox, Layout, NODE_RADIUS } from '../layout/types';
import { formatBytes, formatMs, formatRate, formatShare } from './format';
import { edgeBends, EdgeEnds } from './edgeGeometry';
import { RouteMemo } from './edgeRoutes';
import { Bounds, fitViewport, visibleWorld } from './viewport';
import { HealthColors } from './palette';
import { Badge, badgesOf } from './badges';
import { drawOrder, labelOrder } from './order';
import { Shape, shapeOf } from './shapes';

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
  nodeShape: Shape[];
  nodeBadges: Badge[][];
  edgeBadges: Badge[][];
  /** Node and edge indexes in draw order, problems last so they lie on top (order.ts). */
  nodeOrder: Int32Array;
  edgeOrder: Int32Array;
  /** Label priority, node i as i and edge e as -e - 1 (order.ts). */
  labelOrder: Int32Array;
  groups: GroupBox[];
  indexOf: Map<string, number>;
}

/** An HTTP or gRPC edge's figure for the label mode. */
function figure(e: TopologyEdge, mode: Exclude<TopologyEdgeLabel, 'none'>): string {
  if (mode === 'rate') {
    return formatRate(e.rate);
  }
  if (mode === 'errors') {
    return e.errorShare !== undefined && e.errorShare > 0 ? formatShare(e.errorShare) : '';
  }
  return e.p95 !== undefined ? `p95 ${formatMs(e.p95, e.latencyClamped)}` : '';
}

export function edgeLabelText(e: TopologyEdge, mode: TopologyEdgeLabel): string {
  if (mode === 'none') {
    return '';
  }
  if (e.protocol === 'tcp') {
    return mode === 'rate' ? formatBytes(e.bytesRate) : '';
  }
  // The flags of requests that never reached the workload, so the label says why, not only that it failed.
  const flags = e.unreachedShare > 0 ? e.responseFlags.slice(0, 2).map((f) => f.flag) : [];
  return [figure(e, mode), flags.join(' ')].filter((t) => t !== '').join(' · ');
}

/** Edges thicken with the log of their traffic, so a 1000× busier edge is not 1000× wider. */
function width(e: TopologyEdge): number {
  const traffic = e.protocol === 'tcp' ? e.bytesRate / 1024 : e.rate;
  return Math.min(6, 1 + Math.log10(1 + traffic));
}

/** How edges are routed: the last routes, and the panel's size, whose view at fit the curves stay in. */
export interface Routing {
  memo: RouteMemo;
  room?: { width: number; height: number };
}

/** What the panel shows of the world when fitted (useAutoFit): the drawing, and the margin and slack around it. */
function roomAtFit(x: Float64Array, y: Float64Array, groups: GroupBox[], { room }: Routing): Bounds | undefined {
  const bounds = drawingBounds(x, y, groups);
  return bounds && room && room.width > 0 && room.height > 0
    ? visibleWorld(fitViewport(bounds, room.width, room.height), room.width, room.height)
    : bounds;
}

export function buildScene(
  graph: TopologyGraph,
  layout: Layout,
  colors: HealthColors,
  mode: TopologyEdgeLabel,
  hideIdle: boolean,
  showGroups = true,
  routing: Routing = { memo: new RouteMemo() }
): Scene {
  const nodes = graph.nodes;
  const indexOf = new Map<string, number>();
  const radius = new Float32Array(nodes.length);
  nodes.forEach((n, i) => {
    indexOf.set(n.id, i);
    radius[i] = n.kind === 'namespace' ? NODE_RADIUS * 1.6 : NODE_RADIUS;
  });
  // Plain loops into typed arrays, each end looked up once: TypedArray.from with a map function goes through the
  // iterator protocol, and at 20,000 edges these few lines were a third of the scene's time.
  const edges: TopologyEdge[] = [];
  const ends: number[] = [];
  for (const e of graph.edges) {
    const a = indexOf.get(e.source);
    const b = indexOf.get(e.target);
    if ((!hideIdle || e.health !== 'idle') && a !== undefined && b !== undefined) {
      edges.push(e);
      ends.push(a, b);
    }
  }
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  const edgeWidth = new Float32Array(edges.length);
  edges.forEach((e, i) => {
    from[i] = ends[2 * i];
    to[i] = ends[2 * i + 1];
    edgeWidth[i] = width(e);
  });
  const x = layout.x.slice();
  const y = layout.y.slice();
  const groups = showGroups ? layout.groups : [];
  return {
    nodes,
    edges,
    x,
    y,
    radius,
    nodeColor: nodes.map((n) => n.color ?? colors[n.health]),
    from,
    to,
    ...routing.memo.routes({ x, y, radius, from, to, bend: edgeBends(from, to) }, roomAtFit(x, y, groups, routing)),
    edgeColor: edges.map((e) => colors[e.health]),
    edgeWidth,
    edgeLabel: edges.map((e) => edgeLabelText(e, mode)),
    nodeShape: nodes.map(shapeOf),
    nodeBadges: nodes.map(badgesOf),
    edgeBadges: edges.map(badgesOf),
    nodeOrder: drawOrder(nodes),
    edgeOrder: drawOrder(edges),
    labelOrder: labelOrder(nodes, edges),
    groups,
    indexOf,
  };
}

/** Dragging moves a node in place: positions are typed arrays shared with the renderer, not React state. */
export function moveNode(scene: Scene, i: number, x: number, y: number): void {
  scene.x[i] = x;
  scene.y[i] = y;
}
