import { edgeAt } from './hitTest';
import { edgeBends, edgeDistance, edgeMidpoint, EdgeEnds, FAN } from './edgeGeometry';
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
});
