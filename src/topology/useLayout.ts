import { useEffect, useRef, useState } from 'react';
import { computeLayout } from './layout/layoutClient';
import { layoutInput } from './layout/fromGraph';
import { Layout, Point } from './layout/types';
import { TopologyGraph } from './model/types';

/** A graph and its layout, which are drawn together: positions are by index into the graph's nodes. */
export interface Laid {
  graph: TopologyGraph;
  layout: Layout;
}

/**
 * The latest laid-out graph: until a new graph's layout is ready, the previous graph with its own, so a data refresh
 * keeps the picture, the user's pan and zoom with it, instead of unmounting the canvas for a moment. The layout of
 * the current graph, computed off the main thread when large. Each new layout is seeded with the
 * previous picture's positions so a refresh that adds or drops a few nodes moves little; `aspect` is the drawing's
 * width / height, which the groups are packed to fill.
 */
export function useLayout(
  graph: TopologyGraph,
  pinned: Record<string, Point>,
  hideIdle: boolean,
  aspect: number | undefined
): Laid | undefined {
  const [layout, setLayout] = useState<Laid>();
  const previous = useRef<Record<string, Point> | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    computeLayout(layoutInput(graph, hideIdle), { pinned, previous: previous.current, aspect }).then((result) => {
      if (!cancelled) {
        const positions: Record<string, Point> = {};
        graph.nodes.forEach((n, i) => (positions[n.id] = { x: result.x[i], y: result.y[i] }));
        previous.current = positions;
        setLayout({ graph, layout: result });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [graph, pinned, hideIdle, aspect]);
  return layout;
}
