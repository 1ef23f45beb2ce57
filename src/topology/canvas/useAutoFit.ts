import { RefObject, useCallback, useEffect, useRef } from 'react';
import { drawingBounds } from '../layout/bounds';
import { edgeMidpoint } from '../render/edgeGeometry';
import { Scene } from '../render/scene';
import { centerOn, fitViewport, Viewport } from '../render/viewport';
import { CanvasSize } from './useCanvasSize';

interface AutoFitInput {
  scene: Scene;
  /** Names the mesh: a new one is fitted. Expanding a group draws other nodes of the same mesh and keeps the view. */
  fitKey?: string;
  viewportRef: RefObject<Viewport>;
  sizeRef: RefObject<CanvasSize>;
  requestDraw: () => void;
}

export interface AutoFit {
  /** Fits the whole scene into the canvas. */
  fit: () => void;
  /** Fits if the set of nodes is not the one last fitted and the canvas has a size. */
  fitIfNew: () => void;
  /**
   * Centres the middle of edge `e`, zoomed in to 1 (or further in if already), unless that would put one of its ends
   * outside the canvas: then only as far in as shows both.
   */
  centreOnEdge: (e: number) => void;
}

/** Identifies a set of nodes cheaply: a refresh of the same mesh keeps it, a different mesh changes it. */
export const nodeSetKey = (nodes: Array<{ id: string }>) =>
  nodes.length > 0 ? `${nodes.length}:${nodes[0].id}:${nodes[nodes.length - 1].id}` : '';

/**
 * Fit when the mesh changes or the canvas first gets a size, not on every refresh of the same mesh: the user's pan
 * and zoom stay. Fitting frames what is drawn, nodes and group boxes.
 */
export function useAutoFit({ scene, fitKey, viewportRef, sizeRef, requestDraw }: AutoFitInput): AutoFit {
  const fit = useCallback(() => {
    const bounds = drawingBounds(scene.x, scene.y, scene.groups);
    if (bounds) {
      viewportRef.current = fitViewport(bounds, sizeRef.current.width, sizeRef.current.height);
    }
    requestDraw();
  }, [scene, viewportRef, sizeRef, requestDraw]);

  const nodeSet = fitKey ?? nodeSetKey(scene.nodes);
  const fitted = useRef('');
  const fitIfNew = useCallback(() => {
    if (fitted.current !== nodeSet && sizeRef.current.width > 0) {
      fitted.current = nodeSet;
      fit();
    }
  }, [nodeSet, sizeRef, fit]);
  useEffect(fitIfNew, [fitIfNew]);

  const centreOnEdge = useCallback(
    (e: number) => {
      const { width, height } = sizeRef.current;
      const a = scene.from[e];
      const b = scene.to[e];
      const mid = edgeMidpoint(scene, e);
      // A curve's middle is off its chord's: the box around it that reaches both ends, so centring shows them.
      const dx = Math.max(Math.abs(scene.x[a] - mid.x), Math.abs(scene.x[b] - mid.x));
      const dy = Math.max(Math.abs(scene.y[a] - mid.y), Math.abs(scene.y[b] - mid.y));
      const ends = { x0: mid.x - dx, y0: mid.y - dy, x1: mid.x + dx, y1: mid.y + dy };
      const k = Math.min(Math.max(viewportRef.current.k, 1), fitViewport(ends, width, height).k);
      viewportRef.current = centerOn(viewportRef.current, mid.x, mid.y, width, height, k);
      requestDraw();
    },
    [scene, viewportRef, sizeRef, requestDraw]
  );
  return { fit, fitIfNew, centreOnEdge };
}
