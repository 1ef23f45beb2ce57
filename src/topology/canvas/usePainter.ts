import { RefObject, useCallback, useEffect, useRef } from 'react';
import { area, FrameCache, Rect } from '../render/frameCache';
import { SceneStyle } from '../render/palette';
import { DrawnLabel, renderScene } from '../render/renderScene';
import { Scene } from '../render/scene';
import { Viewport } from '../render/viewport';
import { CanvasSize } from './useCanvasSize';

/** Quiet time after the last pan or zoom step before the scene is drawn crisp again. */
export const SETTLE_MS = 150;
/** Once the uncovered bands reach this share of the canvas, the moved frame becomes the one kept. */
const REBASE_SHARE = 0.05;

interface PainterInput {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  scene: Scene;
  style: SceneStyle;
  highlighted: Set<number>;
  viewportRef: RefObject<Viewport>;
  sizeRef: RefObject<CanvasSize>;
  /** Drawn after every paint of the scene, on its own canvas. */
  paintHover: () => void;
}

export interface Painter {
  /** A full frame at the next animation frame. */
  requestDraw: () => void;
  /** Moves the viewport; the next animation frame shifts the last full frame and draws only what it uncovers. */
  moveTo: (v: Viewport) => void;
  /** Draws one frame of the traffic animation now; undefined stops it (the next frame is kept as a full frame). */
  animate: (phase: number | undefined) => void;
  /** Full redraws of the scene so far. */
  draws: () => number;
  /** The labels of the last full redraw, in CSS pixels of the canvas. */
  labels: () => DrawnLabel[];
}

/**
 * Paint scheduling: at most one paint per animation frame; during a gesture the last full frame is moved (FrameCache)
 * and only the bands it uncovers are drawn, and the whole scene is drawn again once the gesture has stopped.
 */
export function usePainter({
  canvasRef,
  scene,
  style,
  highlighted,
  viewportRef,
  sizeRef,
  paintHover,
}: PainterInput): Painter {
  const frame = useRef(0);
  const fullPending = useRef(false);
  const settle = useRef<number | undefined>(undefined);
  const cache = useRef(new FrameCache());
  const phase = useRef<number | undefined>(undefined);
  const draws = useRef(0);
  const labels = useRef<DrawnLabel[]>([]);

  /** Draws the scene, the whole canvas or only `region`; returns false when there is no canvas to draw on. */
  const paint = useCallback(
    (region?: Rect) => {
      const ctx = canvasRef.current?.getContext('2d');
      if (!ctx) {
        return false;
      }
      const { width, height } = sizeRef.current;
      const drawn = renderScene(ctx, scene, viewportRef.current, style, {
        width,
        height,
        dpr: window.devicePixelRatio || 1,
        highlighted,
        phase: phase.current,
        region,
      });
      if (!region) {
        draws.current += 1;
        labels.current = drawn;
      }
      return true;
    },
    [canvasRef, sizeRef, viewportRef, scene, style, highlighted]
  );

  const draw = useCallback(() => {
    clearTimeout(settle.current);
    // An animated frame is stale by the next tick: keeping it for gestures would show the dashes standing still.
    if (paint() && phase.current === undefined) {
      cache.current.store(canvasRef.current!, viewportRef.current);
    } else {
      cache.current.clear();
    }
    paintHover();
  }, [canvasRef, viewportRef, paint, paintHover]);

  const drawMoved = useCallback(() => {
    const el = canvasRef.current;
    const rects =
      el && phase.current === undefined
        ? cache.current.drawMoved(el, viewportRef.current, window.devicePixelRatio || 1)
        : undefined;
    if (!rects) {
      draw();
      return;
    }
    rects.forEach((r) => paint(r));
    paintHover();
    if (area(rects) > REBASE_SHARE * sizeRef.current.width * sizeRef.current.height) {
      cache.current.store(el!, viewportRef.current);
    }
    clearTimeout(settle.current);
    settle.current = window.setTimeout(draw, SETTLE_MS);
  }, [canvasRef, viewportRef, sizeRef, draw, paint, paintHover]);

  // The animation frame runs the callbacks of the latest render, not of the one that scheduled it.
  const latest = useRef({ draw, drawMoved });
  useEffect(() => {
    latest.current = { draw, drawMoved };
  }, [draw, drawMoved]);
  useEffect(
    () => () => {
      clearTimeout(settle.current);
      cancelAnimationFrame(frame.current);
    },
    []
  );

  const schedule = useCallback((full: boolean) => {
    fullPending.current = fullPending.current || full;
    if (frame.current === 0) {
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const { draw: drawFull, drawMoved: drawMoving } = latest.current;
        if (fullPending.current) {
          fullPending.current = false;
          drawFull();
        } else {
          drawMoving();
        }
      });
    }
  }, []);
  const requestDraw = useCallback(() => {
    // Through `latest`: the frame must use the callbacks of this render, which the effect above sets first.
    latest.current = { draw, drawMoved };
    schedule(true);
  }, [schedule, draw, drawMoved]);
  const moveTo = useCallback(
    (v: Viewport) => {
      viewportRef.current = v;
      schedule(false);
    },
    [schedule, viewportRef]
  );
  const animate = useCallback(
    (p: number | undefined) => {
      phase.current = p;
      if (p !== undefined) {
        draw();
      }
    },
    [draw]
  );
  const count = useCallback(() => draws.current, []);
  const drawnLabels = useCallback(() => labels.current, []);

  // Anything the picture depends on changed.
  useEffect(() => requestDraw(), [requestDraw]);

  return { requestDraw, moveTo, animate, draws: count, labels: drawnLabels };
}
