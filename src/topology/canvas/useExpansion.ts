import { RefObject, useCallback, useMemo } from 'react';
import { TopologyOptions } from '../../options';
import { collapsedLayout } from '../layout/collapsedLayout';
import { GROUP_PADDING, GroupBox, Layout } from '../layout/types';
import { collapsedGroups, collapsePatch, expandPatch } from '../model/expansion';
import { collapseGroups } from '../model/overview';
import { TopologyGraph } from '../model/types';
import { LOD } from '../render/renderScene';
import { toWorld, Viewport } from '../render/viewport';
import { opensAsOverview } from './overviewRule';
import { nodeSetKey } from './useAutoFit';
import { CanvasSize } from './useCanvasSize';
import { Click } from './useGestures';

interface ExpansionInput {
  /** The whole mesh and its layout. */
  graph: TopologyGraph;
  layout: Layout;
  options: TopologyOptions;
  onChange: (patch: Partial<TopologyOptions>) => void;
  /** The drawing's size in CSS pixels, which decides whether the mesh opens as the overview. */
  size: CanvasSize;
  viewportRef: RefObject<Viewport>;
}

export interface Expansion {
  /** What is drawn: the mesh with its collapsed groups folded, laid out where the whole mesh's layout put it. */
  graph: TopologyGraph;
  layout: Layout;
  /** The mesh is too large to read at fit, so its groups start collapsed. */
  overview: boolean;
  /** Names the whole mesh, so expanding a group does not refit the view. */
  fitKey: string;
  /**
   * Handles a click on a collapsed group's node (expands it) or on an expanded group's box: on empty space inside it,
   * or anywhere in its padding (collapses it).
   */
  onClick: (click: Click) => boolean;
  /** In the overview, zooming in past the zoom that node labels need expands the group under the pointer; out, collapses it. */
  onZoom: (before: Viewport, after: Viewport, sx: number, sy: number) => void;
}

const inside = (g: GroupBox, x: number, y: number, inset = 0) =>
  x >= g.x + inset && x <= g.x + g.width - inset && y >= g.y + inset && y <= g.y + g.height - inset;
/** In the box's padding, where no node is ever laid out: a click there is on the box even over a passing edge. */
export const onBorder = (g: GroupBox, x: number, y: number) => inside(g, x, y) && !inside(g, x, y, GROUP_PADDING);

/**
 * Collapsed and expanded groups: the rule and the saved options (model/expansion.ts) say which are collapsed, the
 * drawn graph is the mesh with those folded (model/overview.ts), and a click or a zoom changes one through the
 * panel options, so the choice is saved with the dashboard as pins are.
 */
export function useExpansion({ graph, layout, options, onChange, size, viewportRef }: ExpansionInput): Expansion {
  const overview = useMemo(() => opensAsOverview(layout, size.width, size.height), [layout, size.width, size.height]);
  const { collapsedNamespaces, expandedNamespaces, pinned } = options;
  const collapsed = useMemo(
    () =>
      collapsedGroups(
        layout.groups.map((g) => g.group),
        overview,
        { collapsedNamespaces, expandedNamespaces }
      ),
    [layout, overview, collapsedNamespaces, expandedNamespaces]
  );
  const { errorDegraded, errorFailure, count4xx, latencyDegradedMs } = options;
  const drawn = useMemo(() => {
    const thresholds = { errorDegraded, errorFailure, count4xx, latencyDegradedMs };
    const folded = collapseGroups(graph, collapsed, thresholds);
    return { graph: folded.graph, layout: collapsedLayout(layout, folded, pinned), group: folded.group };
  }, [graph, layout, collapsed, pinned, errorDegraded, errorFailure, count4xx, latencyDegradedMs]);

  const toggle = useCallback(
    (group: string, expand: boolean) =>
      onChange((expand ? expandPatch : collapsePatch)(group, { collapsedNamespaces, expandedNamespaces })),
    [onChange, collapsedNamespaces, expandedNamespaces]
  );
  const boxAt = useCallback(
    (v: Viewport, sx: number, sy: number, edge = -1) => {
      const w = toWorld(v, sx, sy);
      return layout.groups.find((g) => (edge < 0 ? inside : onBorder)(g, w.x, w.y));
    },
    [layout]
  );
  const onClick = useCallback(
    ({ node, edge, x, y }: Click) => {
      const group = node >= 0 ? drawn.group[node] : '';
      if (group !== '') {
        toggle(group, true);
        return true;
      }
      const box = node < 0 ? boxAt(viewportRef.current, x, y, edge) : undefined;
      if (box && !collapsed.has(box.group)) {
        toggle(box.group, false);
        return true;
      }
      return false;
    },
    [drawn, boxAt, viewportRef, collapsed, toggle]
  );
  const onZoom = useCallback(
    (before: Viewport, after: Viewport, sx: number, sy: number) => {
      const threshold = LOD.nodeLabels;
      const zoomedIn = before.k < threshold && after.k >= threshold;
      const zoomedOut = before.k >= threshold && after.k < threshold;
      const box = overview && (zoomedIn || zoomedOut) ? boxAt(after, sx, sy) : undefined;
      if (box && collapsed.has(box.group) === zoomedIn) {
        toggle(box.group, zoomedIn);
      }
    },
    [overview, boxAt, collapsed, toggle]
  );
  const fitKey = useMemo(() => nodeSetKey(graph.nodes), [graph]);
  return { graph: drawn.graph, layout: drawn.layout, overview, fitKey, onClick, onZoom };
}
