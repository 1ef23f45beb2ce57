import { TopologyNode } from '../model/types';

/**
 * One shape per node kind, after Kiali's vocabulary (workload ellipse, app rectangle, service rhombus, service entry
 * trapezoid) and extended to the kinds it marks by badge only. Chosen to stay apart at 5 px: round, square, a point
 * up, a point down, flat-topped and six-sided are told apart by outline alone, so a kind never depends on colour.
 */
export type Shape =
  'circle' | 'square' | 'diamond' | 'hexagon' | 'triangle' | 'invertedTriangle' | 'trapezoid' | 'octagon';

export function shapeOf(node: Pick<TopologyNode, 'kind' | 'special'>): Shape {
  switch (node.special) {
    case 'ingress':
    case 'egress':
      return 'hexagon';
    case 'waypoint':
      return 'triangle';
    case 'unknown':
      return 'invertedTriangle';
    case 'external':
    case 'passthrough':
    case 'blackhole':
      return 'trapezoid';
  }
  switch (node.kind) {
    case 'app':
    case 'versionedApp':
      return 'square';
    case 'service':
      return 'diamond';
    case 'namespace':
      return 'octagon';
    default:
      return 'circle';
  }
}

/** What the legend calls each shape. */
export const SHAPE_LEGEND: Array<[Shape, string]> = [
  ['circle', 'workload'],
  ['square', 'app'],
  ['diamond', 'service'],
  ['hexagon', 'gateway'],
  ['triangle', 'waypoint'],
  ['trapezoid', 'external'],
  ['invertedTriangle', 'unknown'],
  ['octagon', 'namespace'],
];

const regular = (sides: number, turn: number): Array<[number, number]> =>
  Array.from({ length: sides }, (_, i) => {
    const a = turn + (i * 2 * Math.PI) / sides;
    return [Math.cos(a), Math.sin(a)];
  });

/**
 * Outlines around (0, 0) of about unit radius, y down. Each is scaled so its area is near the unit circle's, so no
 * kind looks more important by its size alone.
 */
export const OUTLINES: Record<Exclude<Shape, 'circle'>, Array<[number, number]>> = {
  square: [
    [-0.89, -0.89],
    [0.89, -0.89],
    [0.89, 0.89],
    [-0.89, 0.89],
  ],
  diamond: [
    [0, -1.25],
    [1.25, 0],
    [0, 1.25],
    [-1.25, 0],
  ],
  hexagon: regular(6, 0).map(([x, y]) => [x * 1.1, y * 1.1]),
  triangle: [
    [0, -1.45],
    [1.35, 0.9],
    [-1.35, 0.9],
  ],
  invertedTriangle: [
    [0, 1.45],
    [1.35, -0.9],
    [-1.35, -0.9],
  ],
  trapezoid: [
    [-0.65, -0.85],
    [0.65, -0.85],
    [1.2, 0.85],
    [-1.2, 0.85],
  ],
  octagon: regular(8, Math.PI / 8).map(([x, y]) => [x * 1.05, y * 1.05]),
};

/** Adds the shape of radius r at (x, y) to the current path. */
export function pathShape(ctx: CanvasRenderingContext2D, shape: Shape, x: number, y: number, r: number): void {
  if (shape === 'circle') {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
    return;
  }
  const outline = OUTLINES[shape];
  ctx.moveTo(x + outline[0][0] * r, y + outline[0][1] * r);
  for (let i = 1; i < outline.length; i++) {
    ctx.lineTo(x + outline[i][0] * r, y + outline[i][1] * r);
  }
  ctx.closePath();
}

/** The same outline as SVG points, for the legend. */
export function svgPoints(shape: Exclude<Shape, 'circle'>, cx: number, cy: number, r: number): string {
  return OUTLINES[shape].map(([x, y]) => `${cx + x * r},${cy + y * r}`).join(' ');
}
