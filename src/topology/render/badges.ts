import { SpecialKind } from '../model/types';

/**
 * Badges drawn at the start of a node's or edge's label, inside its placed rectangle, so they can never collide with
 * other labels: a padlock for mTLS (closed and filled: all requests; closed, half filled: some; open and empty: none),
 * a warning sign for requests that never reached the workload (response_flags), and an arrow through a bar for the
 * mesh's ingress (into the bar) and egress (out of it). Told apart by outline, not colour.
 */
export type Badge = 'ingress' | 'egress' | 'mtls' | 'mtlsPartial' | 'plaintext' | 'unreached';

export const BADGE_LEGEND: Array<[Badge, string]> = [
  ['ingress', 'ingress'],
  ['egress', 'egress'],
  ['mtls', 'mTLS'],
  ['mtlsPartial', 'partly mTLS'],
  ['plaintext', 'plaintext'],
  ['unreached', 'not delivered (response flags)'],
];

/** Shares this close to 0 or 1 are rounding, not a plaintext minority. */
const EPSILON = 1e-3;

export function badgesOf(item: { mtlsShare?: number; unreachedShare?: number; special?: SpecialKind }): Badge[] {
  const badges: Badge[] = [];
  if (item.special === 'ingress' || item.special === 'egress') {
    badges.push(item.special);
  }
  if ((item.unreachedShare ?? 0) > 0) {
    badges.push('unreached');
  }
  const share = item.mtlsShare;
  if (share !== undefined) {
    badges.push(share >= 1 - EPSILON ? 'mtls' : share <= EPSILON ? 'plaintext' : 'mtlsPartial');
  }
  return badges;
}

/** Width a badge takes in a label of font size `px`, gap included. */
export const badgeWidth = (px: number) => Math.round(px * 1.1);

/** Line width of badges of side s. */
export const badgeLine = (s: number) => Math.max(1, s * 0.12);

/**
 * Adds the outline parts of `badge`, in the square of side s at (x, y), to the current path; `fillBadge` adds the
 * solid parts. Split so that a frame's badges cost one stroke and one fill, not a few canvas calls each.
 */
export function strokeBadge(ctx: CanvasRenderingContext2D, badge: Badge, x: number, y: number, s: number): void {
  if (badge === 'ingress' || badge === 'egress') {
    // The bar is the mesh's edge: ingress points at it from outside, egress away from it.
    const bar = badge === 'ingress' ? x + s * 0.85 : x + s * 0.15;
    const tip = badge === 'ingress' ? x + s * 0.7 : x + s * 0.95;
    const tail = badge === 'ingress' ? x + s * 0.05 : x + s * 0.3;
    const back = tip - s * 0.3;
    ctx.moveTo(bar, y + s * 0.1);
    ctx.lineTo(bar, y + s * 0.9);
    ctx.moveTo(tail, y + s / 2);
    ctx.lineTo(tip, y + s / 2);
    ctx.moveTo(back, y + s * 0.2);
    ctx.lineTo(tip, y + s / 2);
    ctx.lineTo(back, y + s * 0.8);
    return;
  }
  if (badge === 'unreached') {
    ctx.moveTo(x + s / 2, y + s * 0.05);
    ctx.lineTo(x + s * 0.97, y + s * 0.92);
    ctx.lineTo(x + s * 0.03, y + s * 0.92);
    ctx.closePath();
    return;
  }
  // Open padlock: the shackle is lifted and swung off the body.
  const lift = badge === 'plaintext' ? s * 0.15 : 0;
  const cx = x + s * 0.5 + lift;
  const cy = y + s * 0.42 - lift;
  ctx.moveTo(cx - s * 0.22, cy);
  ctx.arc(cx, cy, s * 0.22, Math.PI, 0);
  ctx.rect(x + s * 0.15, y + s * 0.45, s * 0.7, s * 0.5);
}

export function fillBadge(ctx: CanvasRenderingContext2D, badge: Badge, x: number, y: number, s: number): void {
  if (badge === 'unreached') {
    ctx.rect(x + s * 0.45, y + s * 0.35, s * 0.1, s * 0.3);
    ctx.rect(x + s * 0.45, y + s * 0.72, s * 0.1, s * 0.1);
  } else if (badge === 'mtls') {
    ctx.rect(x + s * 0.15, y + s * 0.45, s * 0.7, s * 0.5);
  } else if (badge === 'mtlsPartial') {
    ctx.rect(x + s * 0.15, y + s * 0.45, s * 0.35, s * 0.5);
  }
}

/** One badge on its own, in the current fill and stroke style (the legend). */
export function drawBadge(ctx: CanvasRenderingContext2D, badge: Badge, x: number, y: number, s: number): void {
  ctx.lineWidth = badgeLine(s);
  ctx.beginPath();
  strokeBadge(ctx, badge, x, y, s);
  ctx.stroke();
  ctx.beginPath();
  fillBadge(ctx, badge, x, y, s);
  ctx.fill();
}
