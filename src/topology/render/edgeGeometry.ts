import { segmentDistance } from '../layout/segments';

/**
 * Where an edge is drawn, for the renderer, the hit test and the test hook alike: edges between the same two nodes
 * (per protocol, and both directions) would otherwise lie on top of each other and only the last could be hovered.
 * A lone edge is a straight line; parallel ones are quadratic curves fanned out by a sideways `bend`.
 */

/** The positions and edge ends an edge's shape depends on (a Scene provides them). */
export interface EdgeEnds {
  x: Float64Array;
  y: Float64Array;
  radius: Float32Array;
  from: Int32Array;
  to: Int32Array;
  /** Signed sideways offset of each edge's midpoint from the straight line, in world units; 0 when alone. */
  bend: Float32Array;
  /**
   * Shift of each bent edge's control point along its chord, source to target, as a share of the chord: a routed
   * curve (edgeRoutes) can lean towards one end to pass between others. Absent, every curve is symmetric.
   */
  skew?: Float32Array;
}

export interface Point {
  x: number;
  y: number;
}

/** Segments a curve is measured by: off by under 1 % of the bend, which is a few world units at most. */
const CURVE_STEPS = 12;
const scratch: Point = { x: 0, y: 0 };
const sampled = new Float64Array((CURVE_STEPS + 1) * 2);

/** World units between the midpoints of neighbouring parallel edges: room for a label each, and for hovering. */
export const FAN = 24;

/** Self-loops are circles beside their node; parallel ones grow by this share of the node radius each. */
const LOOP = 0.7;
const LOOP_STEP = 0.45;

/**
 * The bend of each edge: the edges of one unordered node pair are spread evenly around the straight line, measured
 * along the normal of the pair's lower-index → higher-index direction so that opposite directions agree on sides.
 */
export function edgeBends(from: Int32Array, to: Int32Array): Float32Array {
  const n = from.length;
  const pairOf = (e: number) => {
    const lo = Math.min(from[e], to[e]);
    return lo * 2 ** 26 + Math.max(from[e], to[e]);
  };
  const count = new Map<number, number>();
  for (let e = 0; e < n; e++) {
    const pair = pairOf(e);
    count.set(pair, (count.get(pair) ?? 0) + 1);
  }
  const seen = new Map<number, number>();
  const bend = new Float32Array(n);
  for (let e = 0; e < n; e++) {
    const pair = pairOf(e);
    const size = count.get(pair)!;
    if (size === 1) {
      continue;
    }
    const index = seen.get(pair) ?? 0;
    seen.set(pair, index + 1);
    if (from[e] === to[e]) {
      bend[e] = index;
    } else {
      bend[e] = (index - (size - 1) / 2) * FAN * (from[e] < to[e] ? 1 : -1);
    }
  }
  return bend;
}

/** Self-loop e as a circle: centre and radius. */
function loopCircle(s: EdgeEnds, e: number, out: Point): number {
  const a = s.from[e];
  const r = s.radius[a];
  out.x = s.x[a] + r;
  out.y = s.y[a] - r;
  return r * (LOOP + LOOP_STEP * s.bend[e]);
}

/**
 * The control point of bent edge e: twice the bend off the chord, which puts the curve's midpoint at the bend, and
 * its skew along it.
 */
export function controlPoint(s: EdgeEnds, e: number, out: Point): Point {
  const a = s.from[e];
  const b = s.to[e];
  const dx = s.x[b] - s.x[a];
  const dy = s.y[b] - s.y[a];
  const len = Math.hypot(dx, dy) || 1;
  const push = (2 * s.bend[e]) / len;
  const along = s.skew ? s.skew[e] : 0;
  out.x = (s.x[a] + s.x[b]) / 2 - dy * push + dx * along;
  out.y = (s.y[a] + s.y[b]) / 2 + dx * push + dy * along;
  return out;
}

/** The quadratic Bézier from a through control c to b, one coordinate, at t. */
const quadratic = (a: number, c: number, b: number, t: number) =>
  (1 - t) * (1 - t) * a + 2 * (1 - t) * t * c + t * t * b;

/**
 * Edge e as drawn, its ends for a straight line or its curve at `steps` + 1 points, as x, y pairs into `out` from
 * `at`; returns the segments written. One sampler for drawing, hit testing and routing, so they agree on the shape.
 */
export function sampleEdge(s: EdgeEnds, e: number, steps: number, out: Float64Array, at = 0): number {
  const ax = s.x[s.from[e]];
  const ay = s.y[s.from[e]];
  const bx = s.x[s.to[e]];
  const by = s.y[s.to[e]];
  // A straight edge is one segment: cut into pieces, a crossing exactly at a cut would count for neither piece.
  const n = s.bend[e] === 0 ? 1 : steps;
  const { x: cx, y: cy } = controlPoint(s, e, scratch);
  for (let i = 0; i <= n; i++) {
    out[at + 2 * i] = quadratic(ax, cx, bx, i / n);
    out[at + 2 * i + 1] = quadratic(ay, cy, by, i / n);
  }
  return n;
}

/** The point halfway along the drawn edge: where its label sits and where hovering finds it. */
export function edgeMidpoint(s: EdgeEnds, e: number, out: Point = { x: 0, y: 0 }): Point {
  const a = s.from[e];
  const b = s.to[e];
  if (a === b) {
    const radius = loopCircle(s, e, out);
    out.x += radius * Math.SQRT1_2;
    out.y -= radius * Math.SQRT1_2;
    return out;
  }
  const ax = s.x[a];
  const ay = s.y[a];
  const bx = s.x[b];
  const by = s.y[b];
  if (s.bend[e] === 0) {
    out.x = (ax + bx) / 2;
    out.y = (ay + by) / 2;
    return out;
  }
  controlPoint(s, e, out);
  out.x = (ax + bx) / 4 + out.x / 2;
  out.y = (ay + by) / 4 + out.y / 2;
  return out;
}

/**
 * How far edge e's drawing strays outside the box of its end points, in world units, so culling by that box keeps
 * a curve that bulges into view, or a self-loop beside a node just out of it. A quadratic curve is the chord's point
 * at t plus 2t(1 - t) ≤ ½ times the control point's offset from the chord's midpoint, so it strays at most half that
 * offset; a self-loop's circle lies within its radius of a centre one node radius off in x and y.
 */
export function edgeReach(s: EdgeEnds, e: number): number {
  const a = s.from[e];
  const b = s.to[e];
  if (a === b) {
    return s.radius[a] + loopCircle(s, e, scratch);
  }
  const along = s.skew ? s.skew[e] * Math.hypot(s.x[b] - s.x[a], s.y[b] - s.y[a]) : 0;
  return Math.hypot(s.bend[e], along / 2);
}

/** Distance from a world point to the drawn edge. */
export function edgeDistance(s: EdgeEnds, e: number, px: number, py: number): number {
  const a = s.from[e];
  const b = s.to[e];
  if (a === b) {
    const radius = loopCircle(s, e, scratch);
    return Math.abs(Math.hypot(px - scratch.x, py - scratch.y) - radius);
  }
  const n = sampleEdge(s, e, CURVE_STEPS, sampled);
  let best = Infinity;
  for (let i = 0; i < 2 * n; i += 2) {
    best = Math.min(best, segmentDistance(px, py, sampled[i], sampled[i + 1], sampled[i + 2], sampled[i + 3]));
  }
  return best;
}

/** Edge e as drawn, in world units: its ends for a straight line, else its curve at `steps` + 1 points; none for a loop. */
export function curvePoints(s: EdgeEnds, e: number, steps = CURVE_STEPS): Point[] {
  if (s.from[e] === s.to[e]) {
    return [];
  }
  const out = new Float64Array((steps + 1) * 2);
  const n = sampleEdge(s, e, steps, out);
  return Array.from({ length: n + 1 }, (_, i) => ({ x: out[2 * i], y: out[2 * i + 1] }));
}

/** The point at t (0 at the source, 1 at the target) of bent edge e, whose control point (controlPoint) is `c`. */
export function pointOnCurve(s: EdgeEnds, e: number, c: Point, t: number): Point {
  const [a, b] = [s.from[e], s.to[e]];
  return { x: quadratic(s.x[a], c.x, s.x[b], t), y: quadratic(s.y[a], c.y, s.y[b], t) };
}

/** Adds edge e to the current path. */
export function pathEdge(ctx: CanvasRenderingContext2D, s: EdgeEnds, e: number): void {
  const a = s.from[e];
  const b = s.to[e];
  if (a === b) {
    const radius = loopCircle(s, e, scratch);
    ctx.moveTo(scratch.x + radius, scratch.y);
    ctx.arc(scratch.x, scratch.y, radius, 0, Math.PI * 2);
    return;
  }
  ctx.moveTo(s.x[a], s.y[a]);
  if (s.bend[e] === 0) {
    ctx.lineTo(s.x[b], s.y[b]);
    return;
  }
  controlPoint(s, e, scratch);
  ctx.quadraticCurveTo(scratch.x, scratch.y, s.x[b], s.y[b]);
}

/** Adds the arrowhead of edge e, at the target's rim along the direction the edge arrives in. */
export function pathArrow(ctx: CanvasRenderingContext2D, s: EdgeEnds, e: number): void {
  const a = s.from[e];
  const b = s.to[e];
  if (a === b) {
    return;
  }
  // A curve arrives from its control point's direction.
  const bent = s.bend[e] !== 0;
  if (bent) {
    controlPoint(s, e, scratch);
  }
  const dx = s.x[b] - (bent ? scratch.x : s.x[a]);
  const dy = s.y[b] - (bent ? scratch.y : s.y[a]);
  const len = Math.hypot(dx, dy);
  if (len === 0) {
    return;
  }
  const ux = dx / len;
  const uy = dy / len;
  const tipX = s.x[b] - ux * s.radius[b];
  const tipY = s.y[b] - uy * s.radius[b];
  const size = 9;
  ctx.moveTo(tipX, tipY);
  ctx.lineTo(tipX - ux * size - uy * size * 0.5, tipY - uy * size + ux * size * 0.5);
  ctx.lineTo(tipX - ux * size + uy * size * 0.5, tipY - uy * size - ux * size * 0.5);
  ctx.closePath();
}
