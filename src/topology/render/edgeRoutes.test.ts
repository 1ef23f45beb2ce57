import { DEFAULT_OPTIONS } from '../../options';
import { generateTopology } from '../../../simulator/topology/generate';
import { truthFrames } from '../../../test/support/truthFrames';
import { edgeCrossings, nodesOnForeignEdges } from '../../../test/support/readability';
import { layoutInput } from '../layout/fromGraph';
import { layoutGraph } from '../layout/layered';
import { NODE_CLEARANCE } from '../layout/crossings';
import { NODE_RADIUS } from '../layout/types';
import { framesToGraph } from '../model/framesToGraph';
import { collapseGroups } from '../model/overview';
import { collapsedLayout } from '../layout/collapsedLayout';
import { curvePoints, edgeBends, EdgeEnds } from './edgeGeometry';
import { MAX_ROUTED_EDGES, RouteMemo, routeEdges, SYNC_ROUTED_EDGES } from './edgeRoutes';

/** Edge ends from points and (source, target) index pairs, with the fan as edgeBends gives it. */
function ends(points: Array<[number, number]>, edges: Array<[number, number]>): EdgeEnds {
  const from = Int32Array.from(edges, ([a]) => a);
  const to = Int32Array.from(edges, ([, b]) => b);
  return {
    x: Float64Array.from(points, ([x]) => x),
    y: Float64Array.from(points, ([, y]) => y),
    radius: new Float32Array(points.length).fill(NODE_RADIUS),
    from,
    to,
    bend: edgeBends(from, to),
  };
}

/** What the drawing costs to read, counted independently of the search: crossings of the curves finely sampled, and nodes under edges not their own. */
function readCost(s: EdgeEnds) {
  const drawn = Array.from(s.from, (_, e) => ({
    source: String(s.from[e]),
    target: String(s.to[e]),
    points: curvePoints(s, e, 32),
  }));
  const nodes = Array.from(s.x, (x, v) => ({ id: String(v), x, y: s.y[v], radius: s.radius[v] }));
  return {
    crossings: edgeCrossings(drawn),
    nodesOnEdges: nodesOnForeignEdges(nodes, drawn, NODE_CLEARANCE - NODE_RADIUS),
  };
}

/** 0 —— 1 horizontally, 2 | 3 vertically across its middle: as straight lines, edges 0–1 and 2–3 cross once. */
const CROSSED: Array<[number, number]> = [
  [0, 0],
  [400, 0],
  [200, -30],
  [200, 30],
];

describe('routeEdges', () => {
  it('bows a long edge around a short one it would cross, clear of the short one’s nodes', () => {
    const s = ends(CROSSED, [
      [0, 1],
      [2, 3],
    ]);
    expect(readCost(s)).toEqual({ crossings: 1, nodesOnEdges: 0 });
    const routes = routeEdges(s);
    expect(routes.bend[0]).not.toBe(0);
    expect(routes.bend[1]).toBe(0);
    expect(readCost({ ...s, ...routes })).toEqual({ crossings: 0, nodesOnEdges: 0 });
  });

  it('bows no curve out of the room it is given: what the panel shows at fit', () => {
    const s = ends(CROSSED, [
      [0, 1],
      [2, 3],
    ]);
    // 40 units above and below the line leave no offset that clears the short edge's nodes.
    expect(Array.from(routeEdges(s, { x0: -20, y0: -60, x1: 420, y1: 60 }).bend)).toEqual([0, 0]);
    const routes = routeEdges(s, { x0: -20, y0: -200, x1: 420, y1: 200 });
    const ys = curvePoints({ ...s, ...routes }, 0, 32).map((p) => p.y);
    expect(Math.max(...ys.map(Math.abs))).toBeLessThanOrEqual(200);
    expect(readCost({ ...s, ...routes }).crossings).toBe(0);
  });

  it('leaves a drawing without crossings straight', () => {
    const s = ends(
      [
        [0, 0],
        [200, 0],
        [0, 200],
      ],
      [
        [0, 1],
        [1, 2],
        [2, 0],
      ]
    );
    expect(Array.from(routeEdges(s).bend)).toEqual([0, 0, 0]);
  });

  it('moves the edges of a node pair together, keeping the fan’s spacing between them', () => {
    const s = ends(CROSSED, [
      [0, 1],
      [1, 0],
      [2, 3],
    ]);
    const { bend, skew } = routeEdges(s);
    // Opposite directions measure their bends along opposite normals, and their skews along opposite chords.
    expect(bend[0] - -bend[1]).toBeCloseTo(s.bend[0] - -s.bend[1], 4);
    expect(skew[0]).toBeCloseTo(-skew[1], 6);
    expect(bend[0]).not.toBeCloseTo(s.bend[0], 4);
    expect(readCost({ ...s, bend, skew }).crossings).toBe(0);
  });

  it('never reads worse than the fan, and far better on a dense graph: the generated 300-workload mesh’s overview', () => {
    const graph = framesToGraph(
      truthFrames(generateTopology({ workloads: 300, namespaces: 12, edges: 900 })),
      DEFAULT_OPTIONS.topology
    );
    const layout = layoutGraph(layoutInput(graph, false), { pinned: {}, aspect: 1.7 });
    const folded = collapseGroups(graph, new Set(layout.groups.map((g) => g.group)), DEFAULT_OPTIONS.topology);
    const at = collapsedLayout(layout, folded, {});
    const index = new Map(folded.graph.nodes.map((n, i) => [n.id, i]));
    const edges = folded.graph.edges.map((e): [number, number] => [index.get(e.source)!, index.get(e.target)!]);
    const s = ends(
      Array.from(at.x, (x, i) => [x, at.y[i]]),
      edges
    );
    expect(edges.length).toBeGreaterThan(100);
    expect(edges.length).toBeLessThanOrEqual(MAX_ROUTED_EDGES);
    const fan = readCost(s);
    const routed = readCost({ ...s, ...routeEdges(s) });
    expect(routed.crossings + routed.nodesOnEdges).toBeLessThan(0.85 * (fan.crossings + fan.nodesOnEdges));
  });

  it('searches a large graph coarse to fine: finds the clear route between the coarse offsets', () => {
    // A long edge 0 → 1 whose curve meets short upright edges wherever its midpoint is 0, ±0.3 or ±0.6 of its length
    // off the line, the coarse offsets; clear between them. A chain of 400 edges far below makes the graph large.
    const blockedAt = [0, 300, -300, 600, -600];
    const points: Array<[number, number]> = [
      [0, 0],
      [1000, 0],
    ];
    const edges: Array<[number, number]> = [[0, 1]];
    for (const y of blockedAt) {
      edges.push([points.length, points.length + 1]);
      points.push([500, y - 20], [500, y + 20]);
    }
    const chain = points.length;
    for (let k = 0; k <= 400; k++) {
      points.push([k * 100, 5000]);
      if (k > 0) {
        edges.push([chain + k - 1, chain + k]);
      }
    }
    const s = ends(points, edges);
    expect(readCost(s).crossings).toBe(1);
    const routes = routeEdges(s);
    expect(readCost({ ...s, ...routes }).crossings).toBe(0);
    const share = Math.abs(routes.bend[0]) / 1000;
    expect(share).toBeGreaterThan(0.05);
    expect(Math.abs(share / 0.3 - Math.round(share / 0.3))).toBeGreaterThan(0.1);
  });

  it('gives the same bends for the same input, and the fan alone above MAX_ROUTED_EDGES edges', () => {
    const points: Array<[number, number]> = Array.from({ length: 60 }, (_, i) => [(i * 97) % 600, (i * 53) % 400]);
    const few = ends(
      points,
      Array.from({ length: 50 }, (_, e): [number, number] => [e % 60, (e * 7 + 1) % 60])
    );
    expect(routeEdges(few)).toEqual(routeEdges(few));
    const many = ends(
      points,
      Array.from({ length: MAX_ROUTED_EDGES + 1 }, (_, e): [number, number] => [
        e % 60,
        (e * 7 + 1 + Math.floor(e / 60)) % 60,
      ])
    );
    expect(routeEdges(many)).toEqual({ bend: many.bend, skew: new Float32Array(many.bend.length) });
  });
});

describe('RouteMemo', () => {
  it('reuses the routes while positions, ends and room are the same, and routes again when one changed', () => {
    const s = ends(CROSSED, [
      [0, 1],
      [2, 3],
    ]);
    const memo = new RouteMemo();
    const room = { x0: -20, y0: -200, x1: 420, y1: 200 };
    const first = memo.routes(s, room);
    expect(memo.routes({ ...s, x: s.x.slice(), bend: s.bend.slice() }, { ...room })).toBe(first);
    expect(memo.routes(s, { ...room, y1: 60 })).not.toBe(first);
    const moved = { ...s, x: Float64Array.from([0, 400, 600, 600]) };
    expect(Array.from(memo.routes(moved, room).bend)).toEqual([0, 0]);
  });

  it('routes a graph above SYNC_ROUTED_EDGES in slices: the fan until done, then the routes, and says when', () => {
    // Real time for the slices' clock, so the work is cut into many slices and resumed between them.
    jest.useFakeTimers({ doNotFake: ['performance'] });
    try {
      // A ring of 24 nodes, each joined to those 1 to 11 after it (some pairs more than once): straight, these chords
      // cross one another everywhere.
      const points = Array.from({ length: 24 }, (_, i): [number, number] => [
        300 * Math.cos((i / 24) * 2 * Math.PI),
        300 * Math.sin((i / 24) * 2 * Math.PI),
      ]);
      const s = ends(
        points,
        Array.from({ length: SYNC_ROUTED_EDGES + 20 }, (_, e): [number, number] => [e % 24, (e + 1 + (e % 11)) % 24])
      );
      const onRouted = jest.fn();
      const memo = new RouteMemo(onRouted);
      expect(memo.routes(s)).toEqual({ bend: s.bend, skew: new Float32Array(s.bend.length) });
      expect(memo.pending()).toBe(true);
      jest.advanceTimersToNextTimer();
      expect(memo.pending()).toBe(true);
      jest.runAllTimers();
      expect(onRouted).toHaveBeenCalledTimes(1);
      expect(memo.pending()).toBe(false);
      const routed = memo.routes(s);
      expect(routed).toEqual(routeEdges(s));
      expect(readCost({ ...s, ...routed }).crossings).toBeLessThan(readCost(s).crossings);
      // Asked for another graph meanwhile, the first one's work is dropped and never reported.
      memo.routes({ ...s, x: s.x.map((x) => x * 2) });
      memo.stop();
      jest.runAllTimers();
      expect(onRouted).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
