import { adjacencyOf as adjacency } from '../../../test/support/adjacency';
import { edgeCrossings } from '../../../test/support/readability';
import { Adjacency } from './rank';
import { refineAcrossGroups } from './refine';

const crossings = (x: Float64Array, y: Float64Array, adj: Adjacency) =>
  edgeCrossings(
    adj.outs.flatMap((list, s) =>
      list.map((t) => ({
        source: String(s),
        target: String(t),
        points: [
          { x: x[s], y: y[s] },
          { x: x[t], y: y[t] },
        ],
      }))
    )
  );

describe('refineAcrossGroups', () => {
  it('uncrosses the edges between two groups side by side, keeping their slots', () => {
    // Group 0: nodes 0 (top) and 1 in one column at x 0; group 1: nodes 2 (top) and 3 at x 500. 0→3 and 1→2 cross.
    const x = Float64Array.from([0, 0, 500, 500]);
    const y = Float64Array.from([0, 64, 0, 64]);
    const adj = adjacency(4, '0>3', '1>2');
    expect(crossings(x, y, adj)).toBe(1);
    refineAcrossGroups(x, y, Int32Array.from([0, 0, 1, 1]), adj, 2);
    expect(crossings(x, y, adj)).toBe(0);
    expect([...y].sort((a, b) => a - b)).toEqual([0, 0, 64, 64]);
    expect(Array.from(x)).toEqual([0, 0, 500, 500]);
  });

  it('moves a node to the column nearest its neighbours, but never left of a caller in its group', () => {
    // Group 0 has columns at x 0 (nodes 0 and 4), 100 (node 2) and 200 (node 1), and 0→1. Node 1 is pulled left by
    // node 3 far left in group 1, as is node 0: node 1 stops right of its caller 0, in the middle column. Node 4 is
    // pulled right by node 5 in group 2 and moves to the last column.
    const x = Float64Array.from([0, 200, 100, -1000, 0, 1000]);
    const y = Float64Array.from([0, 0, 0, 0, 64, 0]);
    const adj = adjacency(6, '0>1', '3>1', '3>0', '4>5');
    refineAcrossGroups(x, y, Int32Array.from([0, 0, 0, 1, 0, 2]), adj, 1);
    expect([x[0], x[1], x[4]]).toEqual([0, 100, 200]);
  });

  it('moves no node into a column that already holds as many nodes as the tallest', () => {
    // Columns at x 0 (nodes 0, 1) and 100 (nodes 2, 3); node 0 is pulled right by node 4 of another group.
    const x = Float64Array.from([0, 0, 100, 100, 1000]);
    const y = Float64Array.from([0, 64, 0, 64, 0]);
    refineAcrossGroups(x, y, Int32Array.from([0, 0, 0, 0, 1]), adjacency(5, '0>4'), 2);
    expect(Array.from(x)).toEqual([0, 0, 100, 100, 1000]);
  });

  it('gives the same picture for the same input', () => {
    const run = () => {
      const x = Float64Array.from([0, 0, 0, 300, 300, 300]);
      const y = Float64Array.from([0, 64, 128, 0, 64, 128]);
      refineAcrossGroups(x, y, Int32Array.from([0, 0, 0, 1, 1, 1]), adjacency(6, '0>5', '1>4', '2>3', '0>4'), 4);
      return [Array.from(x), Array.from(y)];
    };
    expect(run()).toEqual(run());
  });
});
