/** Screen = world × k + (x, y), in CSS pixels. */
export interface Viewport {
  x: number;
  y: number;
  k: number;
}

export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 4;

// Zooming out stops at MIN_ZOOM, or at the fitted zoom when a graph is so large that fitting needs less: "fit"
// must always show the whole mesh, and the wheel must not then jump back in.
const clampZoom = (k: number, floor = MIN_ZOOM) => Math.min(MAX_ZOOM, Math.max(Math.min(MIN_ZOOM, floor), k));

export function fitViewport(b: Bounds, width: number, height: number, margin = 40): Viewport {
  const w = Math.max(1, b.x1 - b.x0);
  const h = Math.max(1, b.y1 - b.y0);
  const k = Math.min((width - 2 * margin) / w, (height - 2 * margin) / h, 1.5);
  return { k, x: (width - w * k) / 2 - b.x0 * k, y: (height - h * k) / 2 - b.y0 * k };
}

/** Zooms by `factor` keeping the world point under (sx, sy) in place. */
export function zoomAt(v: Viewport, sx: number, sy: number, factor: number): Viewport {
  const k = clampZoom(v.k * factor, v.k);
  const wx = (sx - v.x) / v.k;
  const wy = (sy - v.y) / v.k;
  return { k, x: sx - wx * k, y: sy - wy * k };
}

export function centerOn(v: Viewport, wx: number, wy: number, width: number, height: number, k = v.k): Viewport {
  return { k, x: width / 2 - wx * k, y: height / 2 - wy * k };
}

export const toWorld = (v: Viewport, sx: number, sy: number) => ({ x: (sx - v.x) / v.k, y: (sy - v.y) / v.k });
export const toScreen = (v: Viewport, wx: number, wy: number) => ({ x: wx * v.k + v.x, y: wy * v.k + v.y });

/** The world rectangle visible in a width × height canvas. */
export function visibleWorld(v: Viewport, width: number, height: number): Bounds {
  return { x0: -v.x / v.k, y0: -v.y / v.k, x1: (width - v.x) / v.k, y1: (height - v.y) / v.k };
}
