import { SpecialKind } from '../model/types';
import { NODE_GAP, NODE_RADIUS } from '../layout/types';
import { edgeMidpoint, edgeReach, pathArrow, pathEdge } from './edgeGeometry';
import { Badge, badgeLine, badgeWidth, fillBadge, strokeBadge } from './badges';
import { LabelCandidate, Placement, PlacedLabel, placeLabels } from './labels';
import { SceneStyle } from './palette';
import { Scene } from './scene';
import { pathShape } from './shapes';
import { Rect } from './frameCache';
import { textWidth } from './textWidth';
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

/** Text is never drawn smaller than this on screen, in CSS pixels: smaller cannot be read. */
export const MIN_TEXT_PX = 9;

/** World units the layout leaves for a node's label: a row (NODE_GAP) less a node's disc and gaps. */
const NODE_TEXT_ROOM = NODE_GAP - 40;

/**
 * Zoom levels of detail. Text is placed by labels.ts at every zoom, dropped where it does not fit; `nodeLabels` is
 * the zoom from which every node's 9 px label fits the room the layout gives it, which the overview rule
 * (canvas/overviewRule.ts) compares the fitted zoom with.
 */
export const LOD = {
  nodeLabels: MIN_TEXT_PX / NODE_TEXT_ROOM,
  arrows: 0.35,
};

/** Screen size of label text: its full size from zoom 1, shrinking with the zoom below it, never under MIN_TEXT_PX. */
const textPx = (size: number, k: number) => Math.max(MIN_TEXT_PX, Math.min(size, size * k));
/** A label's box is a little taller than its font: room for descenders and a hair of space. */
const boxHeight = (px: number) => Math.ceil(px * 1.25);

/** Below this screen radius a node's outline cannot be seen, and a square is several times cheaper to fill. */
const SHAPE_MIN_PX = 2.5;
/** From this screen radius a gateway's or special node's mark fits inside it. */
const MARK_MIN_PX = 12;

const SPECIAL_MARK: Record<SpecialKind, string> = {
  unknown: '?',
  ingress: 'IN',
  egress: 'EG',
  waypoint: 'WP',
  passthrough: 'PT',
  blackhole: 'BH',
  external: 'EXT',
};

/** A label as drawn: its placed box in CSS pixels of the canvas and the size of its text. */
export interface DrawnLabel extends PlacedLabel {
  fontPx: number;
}

/**
 * Draws the scene for one frame: pure with respect to its inputs (no React, no DOM besides the context), so the
 * benchmark can call it directly. Culls what lies outside the viewport and batches strokes by colour. Returns the
 * labels a full frame drew (none for a region).
 */
export function renderScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  viewport: Viewport,
  style: SceneStyle,
  state: RenderState
): DrawnLabel[] {
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

  const draw: DrawContext = { ctx, scene, style, k, viewport, cull, state };
  drawGroups(draw);
  drawEdges(draw);
  const visibleNodes = drawNodes(draw);
  // Labels are placed against each other over the whole canvas, so a band of a moving frame draws none: the kept
  // frame brings the labels it was drawn with, and the crisp frame after the gesture places them again.
  let labels: PlacedLabel[] = [];
  if (!state.region) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    labels = placeLabels(labelCandidates(draw, visibleNodes), nodeBoxes(draw, visibleNodes), state.width, state.height);
    drawLabels(draw, labels);
    drawMarks(draw, visibleNodes);
  }
  ctx.restore();
  return labels.map((l) => ({ ...l, fontPx: labelPx(l.placement, k) }));
}

/** What every part of one frame is drawn with: the context, the scene and its style, the zoom, the culling box. */
interface DrawContext {
  ctx: CanvasRenderingContext2D;
  scene: Scene;
  style: SceneStyle;
  k: number;
  viewport: Viewport;
  /** World coordinates outside which nothing is drawn. */
  cull: Bounds;
  state: RenderState;
}

function drawGroups({ ctx, scene, style, k, cull }: DrawContext) {
  const { x0, y0, x1, y1 } = cull;
  ctx.lineWidth = 1 / k;
  ctx.fillStyle = style.groupFill;
  ctx.strokeStyle = style.groupStroke;
  for (const g of scene.groups) {
    if (g.x > x1 || g.y > y1 || g.x + g.width < x0 || g.y + g.height < y0) {
      continue;
    }
    ctx.fillRect(g.x, g.y, g.width, g.height);
    ctx.strokeRect(g.x, g.y, g.width, g.height);
  }
}

const STROKE_CHUNK = 256;

/** Edges in health order, batched by colour: a colour's batch is stroked when its first edge comes, problems last. */
function drawEdges({ ctx, scene, k, cull, state }: DrawContext): void {
  const { x0, y0, x1, y1 } = cull;
  const { x, y, from, to } = scene;
  const byColor = new Map<string, number[]>();
  for (const e of scene.edgeOrder) {
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
}

/** Nodes in health order, problems on top, each in its kind's shape (shapes.ts); returns those in view. */
function drawNodes({ ctx, scene, style, k, cull, state }: DrawContext): number[] {
  const { x0, y0, x1, y1 } = cull;
  const { x, y, radius, nodeShape } = scene;
  const visible: number[] = [];
  const byColor = new Map<string, number[]>();
  for (const i of scene.nodeOrder) {
    if (x[i] < x0 || x[i] > x1 || y[i] < y0 || y[i] > y1) {
      continue;
    }
    visible.push(i);
    const list = byColor.get(scene.nodeColor[i]) ?? [];
    list.push(i);
    byColor.set(scene.nodeColor[i], list);
  }
  const detailed = RADIUS_PX(k) >= SHAPE_MIN_PX;
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
      pathShape(ctx, nodeShape[i], x[i], y[i], radius[i]);
    }
    ctx.fill();
  });
  if (k >= LOD.arrows) {
    // Hollow shapes from the zoom where a ring can be seen, which leaves room for a gateway's mark inside.
    ctx.fillStyle = style.background;
    ctx.beginPath();
    for (const i of visible) {
      pathShape(ctx, nodeShape[i], x[i], y[i], radius[i] * (scene.nodes[i].kind === 'service' ? 0.35 : 0.55));
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

/** The screen radius of an ordinary node at zoom k. */
const RADIUS_PX = (k: number) => NODE_RADIUS * k;

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

/** Label font sizes at zoom 1 and closer, CSS pixels: a group's, a node's, an edge's. */
const LABEL_TEXT: Record<Placement, number> = { corner: 12, around: 12, along: 10 };
const labelPx = (placement: Placement, k: number) => textPx(LABEL_TEXT[placement], k);

/** Label widths per text and font family, measured once per scene. */
const widthCache = new WeakMap<Scene, { family: string; node: Float32Array; edge: Float32Array }>();

function widths(scene: Scene, family: string) {
  let w = widthCache.get(scene);
  if (!w || w.family !== family) {
    w = {
      family,
      node: Float32Array.from(scene.nodes, (n) => textWidth(family, truncate(n.label))),
      edge: Float32Array.from(scene.edgeLabel, (text) => textWidth(family, text)),
    };
    widthCache.set(scene, w);
  }
  return w;
}

/** Whether a label's text or badges say anything. */
const worthLabel = (text: string, badges: Badge[]) => text !== '' || badges.length > 0;

/**
 * What may be labelled in this frame, in priority order (scene.labelOrder, with the namespace boxes first): only
 * what is in view, each with its measured box at the frame's text size.
 */
function labelCandidates({ scene, style, k, viewport, state }: DrawContext, visibleNodes: number[]): LabelCandidate[] {
  const family = style.fontFamily;
  const w = widths(scene, family);
  const nodePx = labelPx('around', k);
  const edgePx = labelPx('along', k);
  const groupPx = labelPx('corner', k);
  const sx = (wx: number) => wx * k + viewport.x;
  const sy = (wy: number) => wy * k + viewport.y;
  const inView = (px: number, py: number) => px >= 0 && py >= 0 && px <= state.width && py <= state.height;
  const out: LabelCandidate[] = [];
  scene.groups.forEach((g, index) => {
    const text = g.group.replace(/^\//, '');
    out.push({
      index,
      text,
      x: sx(g.x),
      y: sy(g.y),
      gap: 0,
      width: textWidth(family, text) * groupPx,
      height: boxHeight(groupPx),
      placement: 'corner',
    });
  });
  const shown = new Uint8Array(scene.nodes.length);
  visibleNodes.forEach((i) => (shown[i] = 1));
  const mid = { x: 0, y: 0 };
  for (const entry of scene.labelOrder) {
    if (entry >= 0) {
      const badges = scene.nodeBadges[entry];
      const text = truncate(scene.nodes[entry].label);
      if (!shown[entry] || !worthLabel(text, badges)) {
        continue;
      }
      out.push({
        index: entry,
        text,
        x: sx(scene.x[entry]),
        y: sy(scene.y[entry]),
        gap: scene.radius[entry] * k * 1.25,
        width: w.node[entry] * nodePx + badges.length * badgeWidth(nodePx),
        height: boxHeight(nodePx),
        placement: 'around',
      });
      continue;
    }
    const e = -entry - 1;
    const badges = scene.edgeBadges[e];
    const text = scene.edgeLabel[e];
    if (!worthLabel(text, badges)) {
      continue;
    }
    edgeMidpoint(scene, e, mid);
    const x = sx(mid.x);
    const y = sy(mid.y);
    if (!inView(x, y)) {
      continue;
    }
    out.push({
      index: entry,
      text,
      x,
      y,
      gap: 0,
      width: w.edge[e] * edgePx + badges.length * badgeWidth(edgePx),
      height: boxHeight(edgePx),
      placement: 'along',
    });
  }
  return out;
}

/** Drawn nodes' boxes on screen, which labels keep clear of. */
function nodeBoxes({ scene, k, viewport }: DrawContext, visible: number[]): Rect[] {
  return visible.map((i) => {
    const r = scene.radius[i] * k * 1.25;
    return { x: scene.x[i] * k + viewport.x - r, y: scene.y[i] * k + viewport.y - r, width: 2 * r, height: 2 * r };
  });
}

/** Placed labels in screen space: a veil of the background under each, then badges and text by kind. */
function drawLabels({ ctx, scene, style, k }: DrawContext, labels: PlacedLabel[]): void {
  if (labels.length === 0) {
    return;
  }
  ctx.globalAlpha = 0.75;
  ctx.fillStyle = style.background;
  ctx.beginPath();
  for (const l of labels) {
    ctx.rect(l.x, l.y, l.width, l.height);
  }
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.textAlign = 'start';
  ctx.textBaseline = 'middle';
  const kinds = [
    { placement: 'corner', px: labelPx('corner', k), color: style.textMuted, badges: () => [] as Badge[] },
    { placement: 'around', px: labelPx('around', k), color: style.text, badges: (i: number) => scene.nodeBadges[i] },
    {
      placement: 'along',
      px: labelPx('along', k),
      color: style.textMuted,
      badges: (i: number) => scene.edgeBadges[-i - 1],
    },
  ] as const;
  for (const kind of kinds) {
    ctx.font = `${kind.px}px ${style.fontFamily}`;
    ctx.fillStyle = kind.color;
    ctx.strokeStyle = kind.color;
    const step = badgeWidth(kind.px);
    const size = kind.px * 0.9;
    const mine = labels.filter((l) => l.placement === kind.placement);
    for (const l of mine) {
      ctx.fillText(l.text, l.x + kind.badges(l.index).length * step, l.y + l.height / 2);
    }
    const badged = mine.filter((l) => kind.badges(l.index).length > 0);
    if (badged.length === 0) {
      continue;
    }
    for (const part of [strokeBadge, fillBadge]) {
      ctx.beginPath();
      for (const l of badged) {
        kind.badges(l.index).forEach((b, j) => part(ctx, b, l.x + j * step, l.y + (l.height - size) / 2, size));
      }
      if (part === strokeBadge) {
        ctx.lineWidth = badgeLine(size);
        ctx.stroke();
      } else {
        ctx.fill();
      }
    }
  }
  ctx.textBaseline = 'alphabetic';
}

/** Gateways' and special nodes' marks inside their shapes, once the shape is big enough to hold them. */
function drawMarks({ ctx, scene, style, k, viewport }: DrawContext, visible: number[]): void {
  if (RADIUS_PX(k) < MARK_MIN_PX) {
    return;
  }
  ctx.font = `bold ${Math.max(MIN_TEXT_PX, Math.min(11, RADIUS_PX(k) * 0.6))}px ${style.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = style.text;
  for (const i of visible) {
    const special = scene.nodes[i].special;
    if (special) {
      ctx.fillText(SPECIAL_MARK[special], scene.x[i] * k + viewport.x, scene.y[i] * k + viewport.y);
    }
  }
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
}

/** Canvas text is never markup; the cut only keeps very long names from covering their neighbours. */
export function truncate(label: string, max = 32): string {
  const chars = Array.from(label);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : label;
}
