import { DEFAULT_OPTIONS } from '../../options';
import { collapseGroups } from '../model/overview';
import { TopologyGraph, TopologyNode } from '../model/types';
import { collapsedLayout } from './collapsedLayout';
import { Layout } from './types';

const node = (namespace: string, workload: string): TopologyNode => ({
  id: `wl:/${namespace}/${workload}`,
  kind: 'workload',
  label: workload,
  cluster: '',
  namespace,
  workload,
  app: '',
  version: '',
  service: '',
  inRate: 0,
  outRate: 0,
  health: 'idle',
});

const graph: TopologyGraph = { nodes: [node('a', 'x'), node('a', 'y'), node('b', 'z')], edges: [], notices: [] };
const full: Layout = {
  x: Float64Array.from([10, 30, 500]),
  y: Float64Array.from([20, 60, 40]),
  groups: [
    { group: '/a', x: 0, y: 0, width: 100, height: 80 },
    { group: '/b', x: 400, y: 0, width: 200, height: 120 },
  ],
};
const at = (l: Layout) => Array.from(l.x, (x, i) => [x, l.y[i]]);

describe('collapsedLayout', () => {
  it('puts a collapsed group’s node at its box’s centre and every other node where the full layout did', () => {
    const l = collapsedLayout(full, collapseGroups(graph, new Set(['/a']), DEFAULT_OPTIONS.topology), {});
    // Nodes by id: ns:/a, then wl:/b/z.
    expect(at(l)).toEqual([
      [50, 40],
      [500, 40],
    ]);
    expect(l.groups).toBe(full.groups);
  });

  it('puts a dragged group node where it was dropped', () => {
    const l = collapsedLayout(full, collapseGroups(graph, new Set(['/a', '/b']), DEFAULT_OPTIONS.topology), {
      'ns:/b': { x: 7, y: 8 },
    });
    expect(at(l)).toEqual([
      [50, 40],
      [7, 8],
    ]);
  });
});
