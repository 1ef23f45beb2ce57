import { TopologyOptions } from '../../options';
import { collapsePatch } from '../model/expansion';
import { groupOf } from '../model/identity';
import { TopologyNode } from '../model/types';
import { Scene } from '../render/scene';

/** A menu entry and the panel options it changes. */
export interface NodeMenuAction {
  id: 'collapse' | 'unpin';
  label: string;
  patch: Partial<TopologyOptions>;
}

/** What a click opened the menu on: a node, or an edge (its links are its destination's). */
export type MenuTarget = { node: number; edge?: undefined } | { edge: number; node?: undefined };

export interface NodeMenuContent {
  title: string;
  /** Whose dashboard and trace links the menu offers. */
  linked: TopologyNode;
  actions: NodeMenuAction[];
}

/**
 * Collapse a node's namespace, unpin a dragged node. A collapsed namespace has no menu: a click expands it
 * (useExpansion), and the menu's collapse is the same change as a click on the expanded group.
 */
export function nodeMenuActions(node: TopologyNode, options: TopologyOptions): NodeMenuAction[] {
  const actions: NodeMenuAction[] = [];
  const group = groupOf(node);
  if (group !== '') {
    actions.push({ id: 'collapse', label: `Collapse ${node.namespace}`, patch: collapsePatch(group, options) });
  }
  if (options.pinned[node.id]) {
    const { [node.id]: _, ...rest } = options.pinned;
    actions.push({ id: 'unpin', label: 'Unpin', patch: { pinned: rest } });
  }
  return actions;
}

/** The menu of a node, or of an edge: titled source → destination, with the destination's links and no actions. */
export function nodeMenuContent(scene: Scene, target: MenuTarget, options: TopologyOptions): NodeMenuContent {
  if (target.node !== undefined) {
    const node = scene.nodes[target.node];
    return { title: node.label, linked: node, actions: nodeMenuActions(node, options) };
  }
  const source = scene.nodes[scene.from[target.edge]];
  const linked = scene.nodes[scene.to[target.edge]];
  return { title: `${source.label} → ${linked.label}`, linked, actions: [] };
}
