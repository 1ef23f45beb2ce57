/** Plane geometry of straight segments, shared by layout (clearance, crossings) and routing. */

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
export function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length)) : 0;
  const ex = px - ax - t * dx;
  const ey = py - ay - t * dy;
  return Math.sqrt(ex * ex + ey * ey);
}

const side = (ox: number, oy: number, ax: number, ay: number, bx: number, by: number) =>
  (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);

/**
 * Whether segments p–q and r–s cross at one point inside both: touching ends and collinear overlaps are not
 * crossings, as the readability figures count them (test/support/readability.ts).
 */
export function segmentsCross(
  px: number,
  py: number,
  qx: number,
  qy: number,
  rx: number,
  ry: number,
  sx: number,
  sy: number
): boolean {
  return (
    side(px, py, qx, qy, rx, ry) * side(px, py, qx, qy, sx, sy) < 0 &&
    side(rx, ry, sx, sy, px, py) * side(rx, ry, sx, sy, qx, qy) < 0
  );
}
