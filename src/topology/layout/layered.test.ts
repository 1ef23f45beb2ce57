import { DEFAULT_OPTIONS } from '../../options';
import { framesToGraph } from '../model/framesToGraph';
import { syntheticMesh } from '../model/synthetic';
import { layoutInput } from './fromGraph';
import { layoutGraph } from './layered';
import { GROUP_GAP, LAYER_GAP, LayoutInput, NODE_GAP } from './types';

const node = (id: string, group = 'c/shop', entry = false) => ({ id, group, entry });
const edges = (...pairs: string[]) => pairs.map((p) => ({ source: p.split('>')[0], target: p.split('>')[1] }));
const positions = (input: LayoutInput, layout: ReturnType<typeof layoutGraph>) =>
  Object.fromEntries(input.nodes.map((n, i) => [n.id, { x: layout.x[i], y: layout.y[i] }]));

describe('layoutGraph', () => {
  const chain: LayoutInput = {
    nodes: [node('a'), node('b'), node('c'), node('d'), node('in', '', true)],
    edges: edges('in>a', 'a>b', 'b>c', 'a>c', 'c>a', 'c>c', 'x>a'),
  };

  it('layers left to right by longest path from the entry, ignoring cycles, self-loops and unknown ends', () => {
    const p = positions(chain, layoutGraph(chain, { pinned: {} }));
    expect([p.in.x, p.a.x, p.b.x, p.c.x, p.d.x]).toEqual([0, LAYER_GAP, 2 * LAYER_GAP, 3 * LAYER_GAP, 0]);
  });

  it('gives the same picture for the same data, whatever the edge order', () => {
    const a = layoutGraph(chain, { pinned: {} });
    const b = layoutGraph({ ...chain, edges: [...chain.edges].reverse() }, { pinned: {} });
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
  });

  it('keeps each namespace in its own band, with a box around it', () => {
    const input: LayoutInput = {
      nodes: [node('a1', 'c/a'), node('a2', 'c/a'), node('b1', 'c/b'), node('b2', 'c/b'), node('b3', 'c/b')],
      edges: edges('a1>b1', 'a1>b2', 'a2>b3', 'b1>a2'),
    };
    const layout = layoutGraph(input, { pinned: {} });
    const p = positions(input, layout);
    const aMax = Math.max(p.a1.y, p.a2.y);
    const bMin = Math.min(p.b1.y, p.b2.y, p.b3.y);
    expect(bMin - aMax).toBeGreaterThanOrEqual(GROUP_GAP);
    expect(layout.groups.map((g) => g.group)).toEqual(['c/a', 'c/b']);
    for (const id of ['b1', 'b2', 'b3']) {
      const box = layout.groups[1];
      expect(p[id].y).toBeGreaterThan(box.y);
      expect(p[id].y).toBeLessThan(box.y + box.height);
    }
  });

  it('orders a column by the callers, so edges do not cross needlessly', () => {
    const input: LayoutInput = { nodes: [node('a'), node('b'), node('x'), node('y')], edges: edges('a>y', 'b>x') };
    const p = positions(input, layoutGraph(input, { pinned: {} }));
    expect(p.a.y < p.b.y).toBe(p.y.y < p.x.y);
    expect(Math.abs(p.x.y - p.y.y)).toBe(NODE_GAP);
  });

  it('keeps pinned nodes exactly where they were put', () => {
    const p = positions(chain, layoutGraph(chain, { pinned: { b: { x: -500, y: 12.5 }, nope: { x: 1, y: 1 } } }));
    expect(p.b).toEqual({ x: -500, y: 12.5 });
    expect(p.c.x).toBe(3 * LAYER_GAP);
  });

  it('moves little when one node is added, given the previous picture', () => {
    const mesh = framesToGraph(syntheticMesh(300, 3, 7).frames, DEFAULT_OPTIONS.topology);
    const before = layoutInput(mesh, false);
    const first = positions(before, layoutGraph(before, { pinned: {} }));
    const last = before.nodes[before.nodes.length - 1].id;
    const after: LayoutInput = {
      nodes: [...before.nodes, node('zz-new', before.nodes[5].group)],
      edges: [...before.edges, { source: last, target: 'zz-new' }],
    };
    const second = positions(after, layoutGraph(after, { pinned: {}, previous: first }));
    const moved = before.nodes.filter(
      (n) => Math.hypot(first[n.id].x - second[n.id].x, first[n.id].y - second[n.id].y) > NODE_GAP * 2
    );
    expect(moved.length / before.nodes.length).toBeLessThan(0.1);
  });

  it('lays out 5,000 nodes and ~20,000 edges at finite positions', () => {
    const mesh = framesToGraph(syntheticMesh(5000, 4).frames, DEFAULT_OPTIONS.topology);
    const input = layoutInput(mesh, false);
    expect(input.edges.length).toBeGreaterThan(19_000);
    const layout = layoutGraph(input, { pinned: {} });
    expect(layout.x.every(Number.isFinite) && layout.y.every(Number.isFinite)).toBe(true);
  });

  it('handles an empty graph', () => {
    expect(layoutGraph({ nodes: [], edges: [] }, { pinned: {} })).toEqual({
      x: new Float64Array(0),
      y: new Float64Array(0),
      groups: [],
    });
  });
});
