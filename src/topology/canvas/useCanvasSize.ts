import { RefObject, useEffect, useRef } from 'react';

export interface CanvasSize {
  width: number;
  height: number;
}

/**
 * Keeps the canvases as large as `box` in device pixels (sized by CSS, they would otherwise be their pixel count in
 * CSS pixels too) and `size` at its CSS size; calls `onResize` after each change, the canvases being cleared by it.
 */
export function useCanvasSize(
  boxRef: RefObject<HTMLElement | null>,
  canvases: Array<RefObject<HTMLCanvasElement | null>>,
  sizeRef: RefObject<CanvasSize>,
  onResize: () => void
): void {
  const latest = useRef(onResize);
  const targets = useRef(canvases);
  useEffect(() => {
    latest.current = onResize;
  }, [onResize]);
  useEffect(() => {
    const el = boxRef.current;
    if (!el) {
      return;
    }
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      sizeRef.current = { width: el.clientWidth, height: el.clientHeight };
      for (const c of targets.current) {
        if (c.current) {
          c.current.width = Math.max(1, Math.round(el.clientWidth * dpr));
          c.current.height = Math.max(1, Math.round(el.clientHeight * dpr));
        }
      }
      latest.current();
    };
    resize();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(resize);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, [boxRef, sizeRef]);
}
