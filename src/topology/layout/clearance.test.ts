import { adjacencyOf as adjacency } from '../../../test/support/adjacency';
import { defaultTopology } from '../../../simulator/topology/default';
import { DEFAULT_OPTIONS } from '../../options';
import { framesToGraph } from '../model/framesToGraph';
import { layoutPicture } from '../../../test/support/layoutPicture';
import { nodesOnForeignEdges, overlappingEdges } from '../../../test/support/readability';
import { truthFrames } from '../../../test/support/truthFrames';
import { clearEdges, EDGE_CLEARANCE } from './clearance';
import { layoutInput } from './fromGraph';
import { layoutGraph } from './layered';
import { LayoutInput, NODE_RADIUS } from './types';

/** Slack beyond a node's disc an edge must keep, and how close and how long an edge along another is an overlap. */
const SLACK = 3;
const TOLERANCE = 1;
const ALONG = 2 * NODE_RADIUS;

const node = (id: string, group = 'c/shop', entry = false) => ({ id, group, entry });
const edges = (...pairs: string[]) => pairs.map((p) => ({ source: p.split('>')[0], target: p.split('>')[1] }));
const faults = (input: LayoutInput) => {
  const picture = layoutPicture(input, layoutGraph(input, { pinned: {} }));
  return {
    nodesOnForeignEdges: nodesOnForeignEdges(picture.nodes, picture.edges, SLACK),
    overlappingEdges: overlappingEdges(picture.edges, TOLERANCE, ALONG),
  };
};

describe('layoutGraph draws no node on an edge not its own', () => {
  it('on the simulator default mesh (Bookinfo and more), where productpage-v1 -> details-v1 once lay under -> reviews-v1', () => {
    const graph = framesToGraph(truthFrames(defaultTopology), DEFAULT_OPTIONS.topology);
    expect(graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['wl:/bookinfo/details-v1']));
    expect(faults(layoutInput(graph, false))).toEqual({ nodesOnForeignEdges: 0, overlappingEdges: 0 });
  });

  it('when a call skips a layer: the node between lies on the skipping edge in the row they share', () => {
    // a, b, c in one row of three layers: a -> c runs through b, and a -> b lies along a -> c.
    expect(faults({ nodes: [node('a'), node('b'), node('c')], edges: edges('a>b', 'b>c', 'a>c') })).toEqual({
      nodesOnForeignEdges: 0,
      overlappingEdges: 0,
    });
  });

  it('beside parallel edges, which are drawn fanned out around the straight line', () => {
    const input: LayoutInput = {
      nodes: [node('a'), node('b'), node('c'), node('d')],
      edges: edges('a>b', 'b>c', 'a>c', 'c>a', 'a>c', 'b>d', 'a>d'),
    };
    expect(faults(input)).toEqual({ nodesOnForeignEdges: 0, overlappingEdges: 0 });
  });
});

describe('clearEdges', () => {
  const room = { top: -100, bottom: 100 };

  it('moves a node off an edge between its neighbours, only vertically', () => {
    // 0 -> 2 runs through 1; 3 is 1's neighbour below in its column.
    const x = Float64Array.from([0, 100, 200, 100]);
    const y = Float64Array.from([0, 0, 0, 64]);
    clearEdges(x, y, adjacency(4, '0>1', '1>2', '0>2', '1>3'), () => room);
    expect(Array.from(x)).toEqual([0, 100, 200, 100]);
    expect(Math.abs(y[1])).toBeGreaterThanOrEqual(EDGE_CLEARANCE);
    // Still above its neighbour, with room for both discs.
    expect(y[3] - y[1]).toBeGreaterThanOrEqual(2 * NODE_RADIUS);
    expect([y[0], y[2], y[3]]).toEqual([0, 0, 64]);
  });

  it('leaves a picture without conflicts as it is, and stays in the room it is given', () => {
    const x = Float64Array.from([0, 100, 200]);
    const y = Float64Array.from([0, 50, 0]);
    clearEdges(x, y, adjacency(3, '0>1', '1>2', '0>2'), () => room);
    expect(Array.from(y)).toEqual([0, 50, 0]);
    const flat = Float64Array.from([0, 0, 0]);
    clearEdges(x, flat, adjacency(3, '0>1', '1>2', '0>2'), () => ({ top: 0, bottom: 0 }));
    expect(Array.from(flat)).toEqual([0, 0, 0]);
  });

  // `rows` rows of COLUMNS nodes 100 apart, each row joined end to end by one edge that runs over its inner nodes.
  const COLUMNS = 12;
  const rowsCrossed = (rows: number) => {
    const x = Float64Array.from({ length: rows * COLUMNS }, (_, v) => (v % COLUMNS) * 100);
    const y = Float64Array.from({ length: rows * COLUMNS }, (_, v) => Math.floor(v / COLUMNS) * 100);
    const ends = Array.from({ length: rows }, (_, r) => `${r * COLUMNS}>${r * COLUMNS + COLUMNS - 1}`);
    const before = Array.from(y);
    clearEdges(x, y, adjacency(rows * COLUMNS, ...ends), () => ({ top: -100, bottom: rows * 100 }));
    return Array.from(y).filter((v, i) => v !== before[i]).length;
  };

  it('moves the nodes lying on edges where the work bound pays for looking at each once', () => {
    expect(rowsCrossed(100)).toBe(100 * (COLUMNS - 2));
  });

  it('moves none where looking at each node on an edge once would spend the work bound', () => {
    // 6,000 nodes on edges, each in a column 600 edges span: 3.6 million segment tests against a bound of 2.8 (without
    // this rule the bound moved 2,311 of them, in 0.9 s).
    expect(rowsCrossed(600)).toBe(0);
  });

  it('gives the same picture for the same input', () => {
    const run = () => {
      const x = Float64Array.from([0, 100, 200, 300, 100, 200]);
      const y = Float64Array.from([0, 0, 0, 0, 64, 64]);
      clearEdges(x, y, adjacency(6, '0>1', '1>2', '2>3', '0>3', '1>3', '4>5', '0>5', '4>3'), () => room);
      return Array.from(y);
    };
    expect(run()).toEqual(run());
  });
});
