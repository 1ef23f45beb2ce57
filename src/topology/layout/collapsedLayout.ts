import { CollapsedGraph } from '../model/overview';
import { Layout, Point } from './types';

/**
 * Positions for a graph with collapsed groups, from the full graph's layout: every node drawn where the full layout
 * put it, and a collapsed group's node where the layout placed it in its group's box (`GroupBox.node`, else the
 * box's centre), or where the user dragged it. All group
 * boxes stay, so expanding or collapsing a group moves nothing else: the groups keep their places.
 */
export function collapsedLayout(full: Layout, collapsed: CollapsedGraph, pinned: Record<string, Point>): Layout {
  const { graph, origin, group } = collapsed;
  const boxes = new Map(full.groups.map((g) => [g.group, g]));
  const x = new Float64Array(origin.length);
  const y = new Float64Array(origin.length);
  origin.forEach((o, i) => {
    if (o >= 0) {
      x[i] = full.x[o];
      y[i] = full.y[o];
      return;
    }
    const box = boxes.get(group[i]);
    const at =
      pinned[graph.nodes[i].id] ??
      (box ? (box.node ?? { x: box.x + box.width / 2, y: box.y + box.height / 2 }) : undefined);
    x[i] = at?.x ?? 0;
    y[i] = at?.y ?? 0;
  });
  return { x, y, groups: full.groups };
}
