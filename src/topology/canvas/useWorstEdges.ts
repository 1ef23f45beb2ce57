import { RefObject, useCallback, useMemo, useState } from 'react';
import { rankWorstEdges } from '../model/worstEdges';
import { Scene } from '../render/scene';
import { WorstEdgeRow, worstEdgeRows } from '../WorstEdges';
import { TopologyTestHook } from './testHook';
import { CanvasSize } from './useCanvasSize';
import { Hover } from './useHoverOverlay';

interface WorstEdgesInput {
  scene: Scene;
  /** The list is shown (panel option worstEdges). */
  enabled: boolean;
  centreOnEdge: (edge: number) => void;
  sizeRef: RefObject<CanvasSize>;
  hover: Hover;
  setHover: (hover: Hover) => void;
}

export interface WorstEdges {
  rows: WorstEdgeRow[];
  /** Scene index of the edge last picked in the list, or -1. */
  picked: number;
  pick: (edge: number) => void;
  /** The list and the highlighted edge as the test hook reports them. */
  forTests: Pick<TopologyTestHook, 'worstEdges' | 'highlightedEdge'>;
}

/**
 * The worst-edges list: ranked once per scene (a refresh or a new layout makes a new scene), not per frame. A picked
 * edge is centred and highlighted as if hovered, with its tooltip, until the pointer hovers something else.
 */
export function useWorstEdges({ scene, enabled, centreOnEdge, sizeRef, hover, setHover }: WorstEdgesInput): WorstEdges {
  const [picked, setPicked] = useState(-1);
  const rows = useMemo(() => (enabled ? worstEdgeRows(scene, rankWorstEdges(scene.edges)) : []), [scene, enabled]);
  const pick = useCallback(
    (e: number) => {
      setPicked(e);
      centreOnEdge(e);
      setHover({ node: -1, edge: e, x: sizeRef.current.width / 2, y: sizeRef.current.height / 2 });
    },
    [centreOnEdge, setHover, sizeRef]
  );
  const worstEdges = useCallback(
    () => rows.map((r) => ({ id: scene.edges[r.edge].id, ...r, picked: r.edge === picked })),
    [rows, scene, picked]
  );
  const highlightedEdge = useCallback(() => scene.edges[hover.edge]?.id, [scene, hover.edge]);
  const forTests = useMemo(() => ({ worstEdges, highlightedEdge }), [worstEdges, highlightedEdge]);
  return { rows, picked, pick, forTests };
}
