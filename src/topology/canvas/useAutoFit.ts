import { MutableRefObject, useCallback, useEffect, useRef } from 'react';
import { edgeMidpoint } from '../render/edgeGeometry';
import { Scene } from '../render/scene';
import { centerOn, fitViewport, Viewport } from '../render/viewport';
import { CanvasSize } from './useCanvasSize';

interface AutoFitInput {
  scene: Scene;
  viewportRef: MutableRefObject<Viewport>;
  sizeRef: MutableRefObject<CanvasSize>;
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

/** Identifies the set of nodes cheaply: a refresh of the same mesh keeps it, a different mesh changes it. */
const nodeSetKey = (scene: Scene) =>
  scene.nodes.length > 0 ? `${scene.nodes.length}:${scene.nodes[0].id}:${scene.nodes[scene.nodes.length - 1].id}` : '';

/**
 * Fit when the set of nodes changes or the canvas first gets a size, not on every refresh of the same mesh: the
 * user's pan and zoom stay.
 */
export function useAutoFit({ scene, viewportRef, sizeRef, requestDraw }: AutoFitInput): AutoFit {
  const fit = useCallback(() => {
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (let i = 0; i < scene.nodes.length; i++) {
      x0 = Math.min(x0, scene.x[i]);
      y0 = Math.min(y0, scene.y[i]);
      x1 = Math.max(x1, scene.x[i]);
      y1 = Math.max(y1, scene.y[i]);
    }
    if (Number.isFinite(x0)) {
      viewportRef.current = fitViewport({ x0, y0, x1, y1 }, sizeRef.current.width, sizeRef.current.height);
    }
    requestDraw();
  }, [scene, viewportRef, sizeRef, requestDraw]);

  const nodeSet = nodeSetKey(scene);
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
      const ends = {
        x0: Math.min(scene.x[a], scene.x[b]),
        y0: Math.min(scene.y[a], scene.y[b]),
        x1: Math.max(scene.x[a], scene.x[b]),
        y1: Math.max(scene.y[a], scene.y[b]),
      };
      const k = Math.min(Math.max(viewportRef.current.k, 1), fitViewport(ends, width, height).k);
      const mid = edgeMidpoint(scene, e);
      viewportRef.current = centerOn(viewportRef.current, mid.x, mid.y, width, height, k);
      requestDraw();
    },
    [scene, viewportRef, sizeRef, requestDraw]
  );
  return { fit, fitIfNew, centreOnEdge };
}
