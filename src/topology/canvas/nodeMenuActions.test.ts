import { DEFAULT_OPTIONS, TopologyOptions } from '../../options';
import { syntheticScene } from '../../../test/support/syntheticScene';
import { TopologyNode } from '../model/types';
import { nodeMenuActions, nodeMenuContent } from './nodeMenuActions';

const { scene } = syntheticScene(12);
const options = (over: Partial<TopologyOptions> = {}): TopologyOptions => ({ ...DEFAULT_OPTIONS.topology, ...over });
const workload = scene.nodes.find((n) => n.label === 'svc-3')!;

describe('nodeMenuActions', () => {
  it('offers to collapse a workload’s namespace, adding it to the collapsed ones and removing it from the expanded', () => {
    const o = options({ collapsedNamespaces: ['/other'], expandedNamespaces: ['/ns-0', '/b'] });
    expect(nodeMenuActions(workload, o)).toEqual([
      {
        id: 'collapse',
        label: 'Collapse ns-0',
        patch: { collapsedNamespaces: ['/other', '/ns-0'], expandedNamespaces: ['/b'] },
      },
    ]);
  });

  it('offers nothing to collapse on a node outside any namespace or on a collapsed namespace', () => {
    const namespace: TopologyNode = { ...workload, id: 'ns:/ns-0', kind: 'namespace', label: 'ns-0' };
    expect(nodeMenuActions(namespace, options())).toEqual([]);
    expect(nodeMenuActions({ ...workload, namespace: '' }, options())).toEqual([]);
  });

  it('offers to unpin a pinned node, keeping the other pins', () => {
    const pinned = { [workload.id]: { x: 1, y: 2 }, other: { x: 3, y: 4 } };
    expect(nodeMenuActions(workload, options({ pinned })).map((a) => [a.id, a.patch])).toEqual([
      ['collapse', { collapsedNamespaces: ['/ns-0'], expandedNamespaces: [] }],
      ['unpin', { pinned: { other: { x: 3, y: 4 } } }],
    ]);
  });
});

describe('nodeMenuContent', () => {
  it('titles a node’s menu by its label and links the node itself', () => {
    const i = scene.indexOf.get(workload.id)!;
    const content = nodeMenuContent(scene, { node: i }, options());
    expect(content.title).toBe('svc-3');
    expect(content.linked).toBe(workload);
  });

  it('titles an edge’s menu source → destination, links the destination and offers no actions', () => {
    const e = 0;
    const content = nodeMenuContent(scene, { edge: e }, options());
    const source = scene.nodes[scene.indexOf.get(scene.edges[e].source)!];
    const target = scene.nodes[scene.indexOf.get(scene.edges[e].target)!];
    expect(content).toEqual({ title: `${source.label} → ${target.label}`, linked: target, actions: [] });
  });
});
