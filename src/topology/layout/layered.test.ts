import { DEFAULT_OPTIONS } from '../../options';
import { framesToGraph } from '../model/framesToGraph';
import { edgeCrossings } from '../../../test/support/readability';
import { syntheticMesh } from '../../../test/support/syntheticMesh';
import { layoutInput } from './fromGraph';
import { layoutGraph } from './layered';
import { GroupBox, LAYER_GAP, LayoutInput, NODE_GAP, Point } from './types';

const node = (id: string, group = 'c/shop', entry = false) => ({ id, group, entry });
const edges = (...pairs: string[]) => pairs.map((p) => ({ source: p.split('>')[0], target: p.split('>')[1] }));
const positions = (input: LayoutInput, layout: ReturnType<typeof layoutGraph>) =>
  Object.fromEntries(input.nodes.map((n, i) => [n.id, { x: layout.x[i], y: layout.y[i] }]));

describe('layoutGraph', () => {
  const chain: LayoutInput = {
    nodes: [node('a'), node('b'), node('c'), node('d'), node('in', 'c/shop', true)],
    edges: edges('in>a', 'a>b', 'b>c', 'a>c', 'c>a', 'c>c', 'x>a'),
  };
  const inside = (p: Point, b: GroupBox) => p.x > b.x && p.x < b.x + b.width && p.y > b.y && p.y < b.y + b.height;
  const overlap = (a: GroupBox, b: GroupBox) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  /** `count` namespaces of `size` workloads, each a binary tree of calls, and a call from each namespace to the next. */
  const namespaces = (count: number, size: number, cluster = (_: number) => 'c'): LayoutInput => {
    const nodes = Array.from({ length: count * size }, (_, i) => ({
      ...node(`w${i}`, `${cluster(Math.floor(i / size))}/ns${Math.floor(i / size)}`),
      cluster: cluster(Math.floor(i / size)),
    }));
    const calls = nodes.slice(1).map((_, i) => {
      const target = i + 1;
      const first = target - (target % size);
      const local = target % size;
      return { source: `w${local === 0 ? target - size : first + Math.floor((local - 1) / 2)}`, target: `w${target}` };
    });
    return { nodes, edges: calls };
  };

  it('layers left to right by longest path from the entry, ignoring cycles, self-loops and unknown ends', () => {
    const p = positions(chain, layoutGraph(chain, { pinned: {} }));
    expect([p.in.x, p.a.x, p.b.x, p.c.x].map((x) => x - p.in.x)).toEqual([0, 1, 2, 3].map((l) => l * LAYER_GAP));
    expect(p.d.x).toBe(p.in.x);
  });

  it('gives the same picture for the same data, whatever the edge order', () => {
    const a = layoutGraph(chain, { pinned: {} });
    const b = layoutGraph({ ...chain, edges: [...chain.edges].reverse() }, { pinned: {} });
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
  });

  it('keeps each namespace in its own box, the boxes apart', () => {
    const input: LayoutInput = {
      nodes: [node('a1', 'c/a'), node('a2', 'c/a'), node('b1', 'c/b'), node('b2', 'c/b'), node('b3', 'c/b')],
      edges: edges('a1>b1', 'a1>b2', 'a2>b3', 'b1>a2'),
    };
    const layout = layoutGraph(input, { pinned: {} });
    const p = positions(input, layout);
    expect(layout.groups.map((g) => g.group)).toEqual(['c/a', 'c/b']);
    expect(overlap(layout.groups[0], layout.groups[1])).toBe(false);
    for (const id of ['a1', 'a2']) {
      expect(inside(p[id], layout.groups[0])).toBe(true);
    }
    for (const id of ['b1', 'b2', 'b3']) {
      expect(inside(p[id], layout.groups[1])).toBe(true);
    }
  });

  it.each([0.5, 1.6, 3])('packs a dozen namespaces in rows and columns shaped like a %s panel', (aspect) => {
    const input = namespaces(12, 20);
    const layout = layoutGraph(input, { pinned: {}, aspect });
    const { groups } = layout;
    const distinct = (values: number[]) => new Set(values.map(Math.round)).size;
    expect(distinct(groups.map((g) => g.x))).toBeGreaterThan(1);
    expect(distinct(groups.map((g) => g.y))).toBeGreaterThan(1);
    groups.forEach((a, i) => groups.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
    const width = Math.max(...groups.map((g) => g.x + g.width)) - Math.min(...groups.map((g) => g.x));
    const height = Math.max(...groups.map((g) => g.y + g.height)) - Math.min(...groups.map((g) => g.y));
    expect(width / height).toBeGreaterThan(aspect / 1.6);
    expect(width / height).toBeLessThan(aspect * 1.6);
    const p = positions(input, layout);
    input.nodes.forEach((n) =>
      expect(
        inside(
          p[n.id],
          groups.find((g) => g.group === n.group)!
        )
      ).toBe(true)
    );
  });

  it('packs the namespaces of each cluster inside a box of their cluster when there are several', () => {
    const input = namespaces(6, 5, (i) => (i < 3 ? 'east' : 'west'));
    const { groups } = layoutGraph(input, { pinned: {} });
    const box = (name: string) => groups.find((g) => g.group === name)!;
    expect(overlap(box('east'), box('west'))).toBe(false);
    for (let i = 0; i < 6; i++) {
      const ns = box(`${i < 3 ? 'east' : 'west'}/ns${i}`);
      const cluster = box(i < 3 ? 'east' : 'west');
      expect(
        inside({ x: ns.x + 1, y: ns.y + 1 }, cluster) &&
          inside({ x: ns.x + ns.width - 1, y: ns.y + ns.height - 1 }, cluster)
      ).toBe(true);
    }
  });

  it('orders a column by the callers, so edges do not cross needlessly', () => {
    const input: LayoutInput = { nodes: [node('a'), node('b'), node('x'), node('y')], edges: edges('a>y', 'b>x') };
    const p = positions(input, layoutGraph(input, { pinned: {} }));
    expect(p.a.y < p.b.y).toBe(p.y.y < p.x.y);
    expect(Math.abs(p.x.y - p.y.y)).toBe(NODE_GAP);
  });

  const crossings = (input: LayoutInput, layout: ReturnType<typeof layoutGraph>) => {
    const p = positions(input, layout);
    return edgeCrossings(input.edges.map((e) => ({ ...e, points: [p[e.source], p[e.target]] })));
  };
  const calls = (pairs: string) => edges(...pairs.split(' '));

  it.each([
    // a fans out to a1..a3, each calling one of b1..b3 in reverse order; b0 calls b1..b3. b0's column lies inside the
    // straight a2 -> b2 edge's span, and b0 may not sit on it: above it b0 -> b3 crosses it, below it b0 -> b1 does.
    ['fans calling each other in reverse order', 'a0>a1 a0>a2 a0>a3 a1>b3 a2>b2 a3>b1 b0>b1 b0>b2 b0>b3', 1],
    // a fans out to a1..a4, which call b4..b1, which all call b0.
    [
      'a fan calling a funnel in reverse order',
      'a0>a1 a0>a2 a0>a3 a0>a4 a1>b4 a2>b3 a3>b2 a4>b1 b1>b0 b2>b0 b3>b0 b4>b0',
      0,
    ],
  ])('draws two namespaces of %s with the fewest crossings straight edges allow', (_, pairs, optimum) => {
    const input: LayoutInput = { nodes: [], edges: calls(pairs) };
    const ids = Array.from(new Set(input.edges.flatMap((e) => [e.source, e.target]))).sort();
    input.nodes = ids.map((id) => node(id, `c/${id[0]}`));
    const layout = layoutGraph(input, { pinned: {}, aspect: 1.7 });
    expect(layout.groups).toHaveLength(2);
    expect(crossings(input, layout)).toBe(optimum);
  });

  it('keeps pinned nodes exactly where they were put', () => {
    const p = positions(chain, layoutGraph(chain, { pinned: { b: { x: -500, y: 12.5 }, nope: { x: 1, y: 1 } } }));
    expect(p.b).toEqual({ x: -500, y: 12.5 });
    expect(p.c.x - p.in.x).toBe(3 * LAYER_GAP);
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
