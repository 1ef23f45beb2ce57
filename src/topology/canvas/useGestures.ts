import React, { RefObject, useEffect, useRef } from 'react';
import { edgeAt, nodeAt } from '../render/hitTest';
import { moveNode, Scene } from '../render/scene';
import { toWorld, Viewport, zoomAt } from '../render/viewport';
import { Hover, NO_HOVER } from './useHoverOverlay';

/** Pointer travel, in CSS pixels, below which a press and release is a click rather than a pan or a drag. */
const CLICK_SLOP = 4;
/** Wheel delta to zoom factor: one notch of a mouse wheel (100) zooms by about 14 %. */
const WHEEL_ZOOM = 0.0015;

type Pointer =
  | { kind: 'pan'; sx: number; sy: number; vp: Viewport; moved: boolean }
  | { kind: 'drag'; node: number; moved: boolean; sx: number; sy: number };

/** What a click hit, in canvas CSS pixels: a node, else an edge, else neither (-1). */
export interface Click {
  node: number;
  edge: number;
  x: number;
  y: number;
}

interface GestureInput {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  scene: Scene;
  viewportRef: RefObject<Viewport>;
  moveTo: (v: Viewport) => void;
  requestDraw: () => void;
  hover: Hover;
  setHover: (h: Hover) => void;
  /** A node was dragged to a new place (already moved in the scene). */
  onDrop: (node: number) => void;
  onClick: (click: Click) => void;
  /** After a wheel step, with the viewports before and after it and the pointer, canvas CSS pixels. */
  onZoom?: (before: Viewport, after: Viewport, sx: number, sy: number) => void;
}

export type GestureHandlers = Pick<
  React.DOMAttributes<HTMLCanvasElement>,
  'onPointerDown' | 'onPointerMove' | 'onPointerUp' | 'onPointerLeave'
>;

/** Wheel zoom about the pointer, pan by dragging empty space, drag a node, hover and click. */
export function useGestures({
  canvasRef,
  scene,
  viewportRef,
  moveTo,
  requestDraw,
  hover,
  setHover,
  onDrop,
  onClick,
  onZoom,
}: GestureInput): GestureHandlers {
  const pointer = useRef<Pointer | undefined>(undefined);

  useEffect(() => {
    const el = canvasRef.current;
    if (!el) {
      return;
    }
    // Registered by hand: React's onWheel is passive and cannot stop the page from scrolling.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      const sx = e.clientX - rect.left;
      const sy = e.clientY - rect.top;
      const before = viewportRef.current;
      moveTo(zoomAt(before, sx, sy, Math.exp(-e.deltaY * WHEEL_ZOOM)));
      onZoom?.(before, viewportRef.current, sx, sy);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [canvasRef, viewportRef, moveTo, onZoom]);

  const local = (e: React.PointerEvent) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return { sx: e.clientX - rect.left, sy: e.clientY - rect.top };
  };
  const hitAt = (sx: number, sy: number) => {
    const w = toWorld(viewportRef.current, sx, sy);
    const node = nodeAt(scene, w.x, w.y, 4 / viewportRef.current.k);
    return { node, edge: node >= 0 ? -1 : edgeAt(scene, w.x, w.y, 6 / viewportRef.current.k) };
  };

  return {
    onPointerDown: (e) => {
      const { sx, sy } = local(e);
      const { node } = hitAt(sx, sy);
      (e.target as Element).setPointerCapture?.(e.pointerId);
      setHover({ ...NO_HOVER, x: sx, y: sy });
      pointer.current =
        node >= 0
          ? { kind: 'drag', node, moved: false, sx, sy }
          : { kind: 'pan', sx, sy, vp: viewportRef.current, moved: false };
    },
    onPointerMove: (e) => {
      const { sx, sy } = local(e);
      const p = pointer.current;
      if (p) {
        p.moved = p.moved || Math.hypot(sx - p.sx, sy - p.sy) > CLICK_SLOP;
        if (p.kind === 'pan') {
          moveTo({ ...p.vp, x: p.vp.x + sx - p.sx, y: p.vp.y + sy - p.sy });
        } else if (p.moved) {
          const w = toWorld(viewportRef.current, sx, sy);
          moveNode(scene, p.node, w.x, w.y);
          requestDraw();
        }
        return;
      }
      const hit = hitAt(sx, sy);
      // Over a node or edge the tooltip follows the pointer; over empty space only a change is news.
      if (hit.node !== hover.node || hit.edge !== hover.edge || hit.node >= 0 || hit.edge >= 0) {
        setHover({ ...hit, x: sx, y: sy });
      }
    },
    onPointerUp: (e) => {
      const p = pointer.current;
      pointer.current = undefined;
      if (!p) {
        return;
      }
      if (p.kind === 'drag' && p.moved) {
        onDrop(p.node);
      } else if (!p.moved) {
        const { sx, sy } = local(e);
        onClick({ ...hitAt(sx, sy), x: sx, y: sy });
      }
    },
    onPointerLeave: () => !pointer.current && setHover(NO_HOVER),
  };
}
