import { RefObject, useCallback, useEffect, useRef } from 'react';
import { SceneStyle } from '../render/palette';
import { renderHover } from '../render/renderScene';
import { Scene } from '../render/scene';
import { Viewport } from '../render/viewport';
import { CanvasSize } from './useCanvasSize';

/** The node or edge under the pointer (-1 for none) and where the pointer is, in canvas CSS pixels. */
export interface Hover {
  node: number;
  edge: number;
  x: number;
  y: number;
}

export const NO_HOVER: Hover = { node: -1, edge: -1, x: 0, y: 0 };

interface HoverInput {
  overlayRef: RefObject<HTMLCanvasElement | null>;
  scene: Scene;
  style: SceneStyle;
  hover: Hover;
  viewportRef: RefObject<Viewport>;
  sizeRef: RefObject<CanvasSize>;
}

export interface HoverOverlay {
  /** Draws the highlight of the current hover, unless the overlay already shows exactly that. */
  paintHover: () => void;
  /** The overlay was cleared (resizing a canvas clears it): the next paint must draw. */
  invalidate: () => void;
}

/** The hover highlight, on its own canvas: redrawn when the hover or the viewport changes, never the scene. */
export function useHoverOverlay({ overlayRef, scene, style, hover, viewportRef, sizeRef }: HoverInput): HoverOverlay {
  const current = useRef(hover);
  /**
   * What the overlay shows, so painting the same again is skipped: the scene is drawn 30 times a second while traffic
   * is animated, and the hover rarely changes meanwhile.
   */
  const painted = useRef<{ scene: Scene; style: SceneStyle; key: string } | undefined>(undefined);
  const paintHover = useCallback(() => {
    const ctx = overlayRef.current?.getContext('2d');
    if (!ctx) {
      return;
    }
    const { width, height } = sizeRef.current;
    const { node, edge } = current.current;
    const { x, y, k } = viewportRef.current;
    const dpr = window.devicePixelRatio || 1;
    const key = `${x} ${y} ${k} ${width} ${height} ${dpr} ${node} ${edge}`;
    const last = painted.current;
    if (last?.scene === scene && last.style === style && last.key === key) {
      return;
    }
    painted.current = { scene, style, key };
    renderHover(ctx, scene, viewportRef.current, style, { width, height, dpr, node, edge });
  }, [overlayRef, sizeRef, viewportRef, scene, style]);
  const invalidate = useCallback(() => {
    painted.current = undefined;
  }, []);
  useEffect(() => {
    current.current = hover;
    paintHover();
  }, [hover, paintHover]);
  return { paintHover, invalidate };
}
