import { Layout, LayoutInput } from '../../src/topology/layout/types';
import { controlPoint, edgeBends } from '../../src/topology/render/edgeGeometry';
import { NODE_RADIUS } from '../../src/topology/render/scene';
import { clipToDiscs, DrawnEdge, DrawnNode } from './readability';

/** Points per drawn curve: enough that a fanned-out parallel edge's polyline stays within a unit of its curve. */
const CURVE_STEPS = 16;

/**
 * A layout as the renderer draws it, in world units: node discs of the scene's radius, and each edge as the renderer's
 * shape, straight between centres or, when parallel to others, the fanned-out quadratic curve (edgeGeometry), as a
 * polyline, less its ends under the discs. Self-loops are left out: they lie beside their own node.
 */
export function layoutPicture(input: LayoutInput, layout: Layout): { nodes: DrawnNode[]; edges: DrawnEdge[] } {
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const edges = input.edges.filter((e) => index.has(e.source) && index.has(e.target));
  const from = Int32Array.from(edges, (e) => index.get(e.source)!);
  const to = Int32Array.from(edges, (e) => index.get(e.target)!);
  const ends = {
    x: layout.x,
    y: layout.y,
    radius: new Float32Array(input.nodes.length).fill(NODE_RADIUS),
    from,
    to,
    bend: edgeBends(from, to),
  };
  const drawn = edges.flatMap((e, i): DrawnEdge[] => {
    const [a, b] = [from[i], to[i]];
    if (a === b) {
      return [];
    }
    const c = controlPoint(ends, i, { x: 0, y: 0 });
    const points = Array.from({ length: CURVE_STEPS + 1 }, (_, k) => {
      const t = k / CURVE_STEPS;
      return {
        x: (1 - t) ** 2 * layout.x[a] + 2 * (1 - t) * t * c.x + t * t * layout.x[b],
        y: (1 - t) ** 2 * layout.y[a] + 2 * (1 - t) * t * c.y + t * t * layout.y[b],
      };
    });
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
