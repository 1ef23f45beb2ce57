import { RefObject, useCallback, useEffect, useMemo, useState } from 'react';
import { Scene } from '../render/scene';
import { centerOn, Viewport } from '../render/viewport';
import { CanvasSize } from './useCanvasSize';

export interface Search {
  query: string;
  setQuery: (q: string) => void;
  /** Indexes of the nodes whose label or id contains the query, ignoring case; empty for an empty query. */
  found: Set<number>;
}

export function matchNodes(scene: Scene, query: string): Set<number> {
  const q = query.trim().toLowerCase();
  const found = new Set<number>();
  if (q !== '') {
    scene.nodes.forEach(
      (n, i) => (n.label.toLowerCase().includes(q) || n.id.toLowerCase().includes(q)) && found.add(i)
    );
  }
  return found;
}

/** Node search: the query and the nodes it matches, which the renderer rings. */
export function useSearch(scene: Scene): Search {
  const [query, setQuery] = useState('');
  const found = useMemo(() => matchNodes(scene, query), [scene, query]);
  return { query, setQuery, found };
}

interface ShowInput {
  found: Set<number>;
  scene: Scene;
  viewportRef: RefObject<Viewport>;
  sizeRef: RefObject<CanvasSize>;
  moveTo: (v: Viewport) => void;
}

/**
 * Centres the first match, zoomed in to at least 1, whenever the matches change; the returned function does it again
 * (Enter in the search box).
 */
export function useShowFirstMatch({ found, scene, viewportRef, sizeRef, moveTo }: ShowInput): () => void {
  const showFirst = useCallback(() => {
    const first = found.values().next();
    if (!first.done) {
      const i = first.value;
      const { width, height } = sizeRef.current;
      moveTo(centerOn(viewportRef.current, scene.x[i], scene.y[i], width, height, Math.max(viewportRef.current.k, 1)));
    }
  }, [found, scene, viewportRef, sizeRef, moveTo]);
  useEffect(showFirst, [showFirst]);
  return showFirst;
}
