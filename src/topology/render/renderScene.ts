import { SpecialKind } from '../model/types';
import { NODE_GAP } from '../layout/types';
import { edgeMidpoint, edgeReach, FAN, pathArrow, pathEdge } from './edgeGeometry';
import { SceneStyle } from './palette';
import { Scene } from './scene';
import { Rect } from './frameCache';
import { Bounds, Viewport, visibleWorld } from './viewport';

export interface RenderState {
  width: number;
  height: number;
  /** Device pixel ratio: the canvas holds width × dpr pixels. */
  dpr: number;
  /** Node indexes matching the search, drawn with a ring. */
  highlighted: Set<number>;
  /** Traffic animation phase in world units, or undefined when animation is off. */
  phase?: number;
  /** Draw only this part of the canvas (CSS pixels), leaving the rest as it is. */
  region?: Rect;
}

/** Text is never drawn smaller than this on screen, in CSS pixels: smaller cannot be read and only costs time. */
const MIN_TEXT_PX = 9;
/** World units the layout leaves for a label: a row (NODE_GAP) less a node's disc and gaps; parallel edges' spacing. */
const NODE_TEXT_ROOM = NODE_GAP - 40;
const EDGE_TEXT_ROOM = FAN;

/**
 * Zoom levels of detail. Labels appear from the zoom at which legible text still fits the room the layout gives it, so
 * a fitted mesh of a few dozen nodes shows its names; the renderer only labels what is in view, at most MAX_LABELS.
 */
export const LOD = {
  nodeLabels: MIN_TEXT_PX / NODE_TEXT_ROOM,
  edgeLabels: MIN_TEXT_PX / EDGE_TEXT_ROOM,
  arrows: 0.35,
  groupLabels: 0.08,
};

/** A label font's size in world units: `size` at zoom 1 and closer, never below MIN_TEXT_PX on screen. */
const textSize = (size: number, k: number) => Math.max(size, MIN_TEXT_PX / k);

const SPECIAL_MARK: Record<SpecialKind, string> = {
  unknown: '?',
  ingress: 'IN',
  egress: 'EG',
  waypoint: 'WP',
  passthrough: 'PT',
  blackhole: 'BH',
  external: 'EXT',
};

/**
 * Draws the scene for one frame: pure with respect to its inputs (no React, no DOM besides the context), so the
 * benchmark can call it directly. Culls what lies outside the viewport and batches strokes by colour.
 */
export function renderScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  viewport: Viewport,
  style: SceneStyle,
  state: RenderState
): void {
  const { dpr } = state;
  const region = state.region ?? { x: 0, y: 0, width: state.width, height: state.height };
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (state.region) {
    ctx.beginPath();
    ctx.rect(region.x, region.y, region.width, region.height);
    ctx.clip();
  }
  ctx.fillStyle = style.background;
  ctx.fillRect(region.x, region.y, region.width, region.height);
  ctx.setTransform(dpr * viewport.k, 0, 0, dpr * viewport.k, dpr * viewport.x, dpr * viewport.y);
  const k = viewport.k;
  const view = visibleWorld(viewport, region.x + region.width, region.y + region.height);
  const margin = 40;
  const cull: Bounds = {
    x0: (region.x - viewport.x) / k - margin,
    y0: (region.y - viewport.y) / k - margin,
    x1: view.x1 + margin,
    y1: view.y1 + margin,
  };

  const draw: DrawContext = { ctx, scene, style, k, cull, state };
  drawGroups(draw);
  const visibleEdges = drawEdges(draw);
  const visibleNodes = drawNodes(draw);
  if (k >= LOD.edgeLabels) {
    drawEdgeLabels(draw, visibleEdges);
  }
  if (k >= LOD.nodeLabels) {
    drawNodeLabels(draw, visibleNodes);
  }
  ctx.restore();
}

/** What every part of one frame is drawn with: the context, the scene and its style, the zoom, the culling box. */
interface DrawContext {
  ctx: CanvasRenderingContext2D;
  scene: Scene;
  style: SceneStyle;
  k: number;
  /** World coordinates outside which nothing is drawn. */
  cull: Bounds;
  state: RenderState;
}

function drawGroups({ ctx, scene, style, k, cull }: DrawContext) {
  const { x0, y0, x1, y1 } = cull;
  ctx.lineWidth = 1 / k;
  ctx.fillStyle = style.groupFill;
  ctx.strokeStyle = style.groupStroke;
  ctx.font = `${12 / Math.max(k, 0.25)}px ${style.fontFamily}`;
  for (const g of scene.groups) {
    if (g.x > x1 || g.y > y1 || g.x + g.width < x0 || g.y + g.height < y0) {
      continue;
    }
    ctx.fillRect(g.x, g.y, g.width, g.height);
    ctx.strokeRect(g.x, g.y, g.width, g.height);
    if (k >= LOD.groupLabels) {
      ctx.fillStyle = style.textMuted;
      ctx.fillText(g.group.replace(/^\//, ''), g.x + 6 / k, g.y - 6 / Math.max(k, 0.25));
      ctx.fillStyle = style.groupFill;
    }
  }
}

const STROKE_CHUNK = 256;

function drawEdges({ ctx, scene, k, cull, state }: DrawContext): number[] {
  const { x0, y0, x1, y1 } = cull;
  const { x, y, from, to } = scene;
  const byColor = new Map<string, number[]>();
  const visible: number[] = [];
  for (let e = 0; e < scene.edges.length; e++) {
    const ax = x[from[e]];
    const ay = y[from[e]];
    const bx = x[to[e]];
    const by = y[to[e]];
    const reach = edgeReach(scene, e);
    if (
      (ax < x0 - reach && bx < x0 - reach) ||
      (ax > x1 + reach && bx > x1 + reach) ||
      (ay < y0 - reach && by < y0 - reach) ||
      (ay > y1 + reach && by > y1 + reach)
    ) {
      continue;
    }
    visible.push(e);
    const color = scene.edgeColor[e];
    let list = byColor.get(color);
    if (!list) {
      list = [];
      byColor.set(color, list);
    }
    list.push(e);
  }
  const arrows = k >= LOD.arrows;
  const animate = state.phase !== undefined;
  if (animate) {
    ctx.setLineDash([6, 10]);
    ctx.lineDashOffset = -state.phase!;
  }
  byColor.forEach((list, color) => {
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    // One stroke per colour and width class keeps the number of canvas calls independent of the edge count.
    for (const wide of [false, true]) {
      ctx.lineWidth = (wide ? 3 : 1.2) / Math.max(k, 0.5);
      ctx.beginPath();
      let inPath = 0;
      for (const e of list) {
        if (scene.edgeWidth[e] > 2.5 !== wide) {
          continue;
        }
        pathEdge(ctx, scene, e);
        // Software rasterisers slow down on paths of thousands of crossing segments; a few hundred per stroke
        // measured ~1.5x faster in Chromium without a GPU and costs only a few calls more.
        if (++inPath === STROKE_CHUNK) {
          ctx.stroke();
          ctx.beginPath();
          inPath = 0;
        }
      }
      ctx.stroke();
    }
    if (arrows) {
      ctx.beginPath();
      for (const e of list) {
        pathArrow(ctx, scene, e);
      }
      ctx.fill();
    }
  });
  if (animate) {
    ctx.setLineDash([]);
  }
  return visible;
}

function drawNodes({ ctx, scene, style, k, cull, state }: DrawContext): number[] {
  const { x0, y0, x1, y1 } = cull;
  const { x, y, radius } = scene;
  const visible: number[] = [];
  const byColor = new Map<string, number[]>();
  for (let i = 0; i < scene.nodes.length; i++) {
    if (x[i] < x0 || x[i] > x1 || y[i] < y0 || y[i] > y1) {
      continue;
    }
    visible.push(i);
    const list = byColor.get(scene.nodeColor[i]) ?? [];
    list.push(i);
    byColor.set(scene.nodeColor[i], list);
  }
  // Far out, squares: fillRect is several times cheaper than arcs and the shape cannot be seen anyway.
  const detailed = k >= LOD.arrows;
  byColor.forEach((list, color) => {
    ctx.fillStyle = color;
    if (!detailed) {
      for (const i of list) {
        ctx.fillRect(x[i] - radius[i], y[i] - radius[i], radius[i] * 2, radius[i] * 2);
      }
      return;
    }
    ctx.beginPath();
    for (const i of list) {
      ctx.moveTo(x[i] + radius[i], y[i]);
      ctx.arc(x[i], y[i], radius[i], 0, Math.PI * 2);
    }
    ctx.fill();
  });
  if (detailed) {
    ctx.fillStyle = style.background;
    ctx.beginPath();
    for (const i of visible) {
      const inner = scene.nodes[i].kind === 'service' ? 0.35 : 0.55;
      ctx.moveTo(x[i] + radius[i] * inner, y[i]);
      ctx.arc(x[i], y[i], radius[i] * inner, 0, Math.PI * 2);
    }
    ctx.fill();
  }
  ctx.strokeStyle = style.highlight;
  ctx.lineWidth = 3 / Math.max(k, 0.3);
  ctx.beginPath();
  state.highlighted.forEach((i) => {
    ctx.moveTo(x[i] + radius[i] + 6, y[i]);
    ctx.arc(x[i], y[i], radius[i] + 6, 0, Math.PI * 2);
  });
  ctx.stroke();
  return visible;
}

export interface HoverState {
  width: number;
  height: number;
  dpr: number;
  node: number;
  edge: number;
}

/**
 * The hovered node's ring or the hovered edge's highlight, on a transparent canvas laid over the scene: moving the
 * pointer then costs one path, not a redraw of the scene (55–75 ms at 5,000 nodes, the bench's crisp redraw).
 */
export function renderHover(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  viewport: Viewport,
  style: SceneStyle,
  state: HoverState
): void {
  const { dpr } = state;
  const k = viewport.k;
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, state.width, state.height);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * viewport.x, dpr * viewport.y);
  ctx.strokeStyle = style.highlight;
  if (state.edge >= 0 && state.edge < scene.edges.length) {
    ctx.lineWidth = 4 / Math.max(k, 0.5);
    ctx.beginPath();
    pathEdge(ctx, scene, state.edge);
    ctx.stroke();
  }
  if (state.node >= 0 && state.node < scene.nodes.length) {
    const { x, y, radius } = scene;
    const i = state.node;
    ctx.lineWidth = 3 / Math.max(k, 0.3);
    ctx.beginPath();
    ctx.moveTo(x[i] + radius[i] + 3, y[i]);
    ctx.arc(x[i], y[i], radius[i] + 3, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.restore();
}

/** Labels above this count per frame are skipped: text is the most expensive thing a canvas draws. */
const MAX_LABELS = 1500;

function drawNodeLabels({ ctx, scene, style, k }: DrawContext, visible: number[]) {
  const font = `${textSize(12, k)}px ${style.fontFamily}`;
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillStyle = style.text;
  for (const i of visible.slice(0, MAX_LABELS)) {
    const node = scene.nodes[i];
    ctx.fillText(truncate(node.label), scene.x[i], scene.y[i] + scene.radius[i] + 4);
    if (node.special) {
      ctx.font = `bold 9px ${style.fontFamily}`;
      ctx.textBaseline = 'middle';
      ctx.fillText(SPECIAL_MARK[node.special], scene.x[i], scene.y[i]);
      ctx.font = font;
      ctx.textBaseline = 'top';
    }
  }
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
}

function drawEdgeLabels({ ctx, scene, style, k }: DrawContext, visible: number[]) {
  ctx.font = `${textSize(10, k)}px ${style.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.fillStyle = style.textMuted;
  let drawn = 0;
  const mid = { x: 0, y: 0 };
  for (const e of visible) {
    const text = scene.edgeLabel[e];
    if (text === '' || drawn++ > MAX_LABELS) {
      continue;
    }
    edgeMidpoint(scene, e, mid);
    ctx.fillText(text, mid.x, mid.y - 3);
  }
  ctx.textAlign = 'start';
}

/** Canvas text is never markup; the cut only keeps very long names from covering their neighbours. */
export function truncate(label: string, max = 32): string {
  const chars = Array.from(label);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : label;
}
