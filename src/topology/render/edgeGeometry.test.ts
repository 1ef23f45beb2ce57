import { edgeAt } from './hitTest';
import { edgeBends, edgeDistance, edgeMidpoint, EdgeEnds, edgeReach, FAN, pathEdge } from './edgeGeometry';
import { Scene } from './scene';

/** Nodes 0 (0, 0), 1 (200, 0), 2 (0, 200); edges as [from, to] pairs. */
function ends(pairs: Array<[number, number]>): EdgeEnds {
  const from = Int32Array.from(pairs, (p) => p[0]);
  const to = Int32Array.from(pairs, (p) => p[1]);
  return {
    x: Float64Array.of(0, 200, 0),
    y: Float64Array.of(0, 0, 200),
    radius: Float32Array.of(14, 14, 14),
    from,
    to,
    bend: edgeBends(from, to),
  };
}

const asScene = (s: EdgeEnds) => ({ ...s, edges: Array.from(s.from, () => ({})) }) as unknown as Scene;
const midpoints = (s: EdgeEnds) => Array.from(s.from, (_, e) => edgeMidpoint(s, e));

describe('edge geometry', () => {
  it('keeps a lone edge straight, its midpoint halfway', () => {
    const s = ends([
      [0, 1],
      [0, 2],
    ]);
    expect(Array.from(s.bend)).toEqual([0, 0]);
    expect(midpoints(s)).toEqual([
      { x: 100, y: 0 },
      { x: 0, y: 100 },
    ]);
  });

  it('fans out parallel edges and the two directions of a pair, symmetric about the straight line', () => {
    // HTTP and TCP from 0 to 1, one back from 1 to 0, one elsewhere.
    const s = ends([
      [0, 1],
      [0, 1],
      [1, 0],
      [0, 2],
    ]);
    const mids = midpoints(s);
    expect(mids.map((m) => m.x)).toEqual([100, 100, 100, 0]);
    expect(mids.map((m) => m.y)).toEqual([-FAN, 0, FAN, 100]);
    expect(edgeDistance(s, 1, 100, 0)).toBe(0);
  });

  it('finds each parallel edge, and each self-loop, by hovering its midpoint', () => {
    const s = ends([
      [0, 1],
      [1, 0],
      [0, 1],
      [2, 2],
      [2, 2],
    ]);
    const scene = asScene(s);
    midpoints(s).forEach((m, e) => {
      expect(edgeDistance(s, e, m.x, m.y)).toBeCloseTo(0, 1);
      expect(edgeAt(scene, m.x, m.y, 6)).toBe(e);
    });
  });

  it('reaches no further outside its end points than edgeReach says, and that far', () => {
    // Six parallel edges between 0 and 1 (bends up to 2.5 FAN), three self-loops on node 2.
    const s = ends([
      ...Array.from({ length: 6 }, (_, i): [number, number] => (i % 2 ? [1, 0] : [0, 1])),
      [2, 2],
      [2, 2],
      [2, 2],
    ]);
    for (let e = 0; e < s.from.length; e++) {
      // What pathEdge draws, sampled: a quadratic curve or a full circle.
      let start = { x: 0, y: 0 };
      let shape: (t: number) => { x: number; y: number } = () => start;
      const ctx = {
        moveTo: (x: number, y: number) => (start = { x, y }),
        lineTo: () => {},
        quadraticCurveTo: (cx: number, cy: number, x: number, y: number) => {
          const a = start;
          shape = (t) => ({
            x: (1 - t) ** 2 * a.x + 2 * t * (1 - t) * cx + t * t * x,
            y: (1 - t) ** 2 * a.y + 2 * t * (1 - t) * cy + t * t * y,
          });
        },
        arc: (cx: number, cy: number, r: number) =>
          (shape = (t) => ({ x: cx + r * Math.cos(2 * Math.PI * t), y: cy + r * Math.sin(2 * Math.PI * t) })),
      } as unknown as CanvasRenderingContext2D;
      pathEdge(ctx, s, e);
      const [a, b] = [s.from[e], s.to[e]];
      let furthest = 0;
      for (let i = 0; i <= 1000; i++) {
        const p = shape(i / 1000);
        const dx = Math.max(Math.min(s.x[a], s.x[b]) - p.x, p.x - Math.max(s.x[a], s.x[b]), 0);
        const dy = Math.max(Math.min(s.y[a], s.y[b]) - p.y, p.y - Math.max(s.y[a], s.y[b]), 0);
        furthest = Math.max(furthest, dx, dy);
      }
      expect({ e, furthest: furthest <= edgeReach(s, e) + 1e-9, tight: furthest >= edgeReach(s, e) * 0.99 }).toEqual({
        e,
        furthest: true,
        tight: true,
      });
    }
    expect(Math.max(...Array.from(s.from, (_, e) => edgeReach(s, e)))).toBeGreaterThan(2 * FAN);
  });
});
