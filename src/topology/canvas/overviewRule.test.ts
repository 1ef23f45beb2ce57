import { Layout } from '../layout/types';
import { LOD } from '../render/renderScene';
import { opensAsOverview } from './overviewRule';

/** A grid of `n` nodes `gap` world units apart. */
function grid(n: number, gap: number): Layout {
  const side = Math.ceil(Math.sqrt(n));
  return {
    x: Float64Array.from({ length: n }, (_, i) => (i % side) * gap),
    y: Float64Array.from({ length: n }, (_, i) => Math.floor(i / side) * gap),
    groups: [],
  };
}

describe('opensAsOverview', () => {
  it('opens a mesh as an overview exactly when its fitted zoom is below the one node labels need', () => {
    // 10 × 10 nodes, 100 apart: 900 world units; in 900 + 80 px of margin the fit is zoom 1.
    expect(opensAsOverview(grid(100, 100), 980, 980)).toBe(false);
    // Just wide enough for labels at fit, and one pixel less.
    const needed = 900 * LOD.nodeLabels + 80;
    expect(opensAsOverview(grid(100, 100), needed + 1, needed + 1)).toBe(false);
    expect(opensAsOverview(grid(100, 100), needed - 1, needed + 1)).toBe(true);
  });

  it('needs more room for more nodes, and counts the group boxes as part of the picture', () => {
    // 40 × 40 nodes: 3,900 world units in 900 px is zoom 0.23.
    expect(opensAsOverview(grid(1600, 100), 980, 980)).toBe(true);
    const boxed = { ...grid(4, 100), groups: [{ group: '/a', x: -5000, y: 0, width: 10, height: 10 }] };
    expect(opensAsOverview(grid(4, 100), 980, 980)).toBe(false);
    expect(opensAsOverview(boxed, 980, 980)).toBe(true);
  });

  it('decides nothing before the canvas has a size or the mesh a node', () => {
    expect(opensAsOverview(grid(400, 100), 0, 0)).toBe(false);
    expect(opensAsOverview(grid(0, 100), 980, 980)).toBe(false);
  });
});
