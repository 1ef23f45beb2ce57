import { computeLayout, WORKER_THRESHOLD } from './layoutClient';
import { layoutGraph } from './layered';
import { spawnLayoutWorker } from './spawnWorker';
import { LayoutInput } from './types';

jest.mock('./spawnWorker', () => ({ spawnLayoutWorker: jest.fn() }));

const big: LayoutInput = {
  nodes: Array.from({ length: WORKER_THRESHOLD }, (_, i) => ({ id: `n${i}`, group: 'g', entry: i === 0 })),
  edges: Array.from({ length: WORKER_THRESHOLD - 1 }, (_, i) => ({ source: `n${i}`, target: `n${i + 1}` })),
};

describe('computeLayout', () => {
  it('lays a small graph out synchronously without a worker', async () => {
    const small = { nodes: big.nodes.slice(0, 3), edges: big.edges.slice(0, 2) };
    expect(await computeLayout(small, { pinned: {} })).toEqual(layoutGraph(small, { pinned: {} }));
    expect(spawnLayoutWorker).not.toHaveBeenCalled();
  });

  it('falls back to the synchronous layout when the worker cannot start', async () => {
    jest.mocked(spawnLayoutWorker).mockImplementation(() => {
      throw new Error('blocked by CSP');
    });
    const layout = await computeLayout(big, { pinned: {} });
    expect(layout.x[WORKER_THRESHOLD - 1]).toBe(layoutGraph(big, { pinned: {} }).x[WORKER_THRESHOLD - 1]);
    expect(spawnLayoutWorker).toHaveBeenCalledTimes(1);
  });
});
