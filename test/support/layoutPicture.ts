import { Layout, LayoutInput, NODE_RADIUS } from '../../src/topology/layout/types';
import { curvePoints, edgeBends, EdgeEnds } from '../../src/topology/render/edgeGeometry';
import { routeEdges } from '../../src/topology/render/edgeRoutes';
import { clipToDiscs, DrawnEdge, DrawnNode } from './readability';

/** Points per drawn curve: enough that a fanned-out parallel edge's polyline stays within a unit of its curve. */
const CURVE_STEPS = 16;

/**
 * A layout as the renderer draws it, in world units: node discs of the scene's radius, and each edge as the renderer's
 * shape, straight between centres or the quadratic curve of parallel or routed edges (edgeGeometry, edgeRoutes), as a
 * polyline, less its ends under the discs. Self-loops are left out: they lie beside their own node.
 */
export function layoutPicture(input: LayoutInput, layout: Layout): { nodes: DrawnNode[]; edges: DrawnEdge[] } {
  const { edges, fan } = fanOfLayout(input, layout);
  const { from, to } = fan;
  const ends = { ...fan, ...routeEdges(fan) };
  const drawn = edges.flatMap((e, i): DrawnEdge[] => {
    const [a, b] = [from[i], to[i]];
    if (a === b) {
      return [];
    }
    const points = curvePoints(ends, i, CURVE_STEPS);
    // What shows is the part outside the two discs, which are drawn over the edge's ends.
    const disc = (v: number) => ({ x: layout.x[v], y: layout.y[v], radius: NODE_RADIUS });
    const shown = clipToDiscs(points, disc(a), disc(b));
    const line = ends.bend[i] === 0 && shown.length > 1 ? [shown[0], shown[shown.length - 1]] : shown;
    return line.length > 1 ? [{ source: e.source, target: e.target, points: line }] : [];
  });
  return {
    nodes: input.nodes.map((n, i) => ({ id: n.id, x: layout.x[i], y: layout.y[i], radius: NODE_RADIUS })),
    edges: drawn,
  };
}

/** A layout's edges (those between its nodes) and their ends as the scene gives them to routing, unrouted. */
export function fanOfLayout(input: LayoutInput, layout: Layout): { edges: LayoutInput['edges']; fan: EdgeEnds } {
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const edges = input.edges.filter((e) => index.has(e.source) && index.has(e.target));
  const from = Int32Array.from(edges, (e) => index.get(e.source)!);
  const to = Int32Array.from(edges, (e) => index.get(e.target)!);
  const radius = new Float32Array(input.nodes.length).fill(NODE_RADIUS);
  return { edges, fan: { x: layout.x, y: layout.y, radius, from, to, bend: edgeBends(from, to) } };
}
