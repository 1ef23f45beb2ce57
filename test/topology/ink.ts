import type { Screenshot } from '../helpers/pixels';

/**
 * Share of pixels in the box [x0, x1) × [y0, y1) (screenshot pixels) that differ clearly from `background`:
 * whether anything was drawn there.
 */
export function inkIn(
  shot: Screenshot,
  box: { x0: number; y0: number; x1: number; y1: number },
  background: number[]
): number {
  let inked = 0;
  let total = 0;
  for (let y = Math.max(0, Math.round(box.y0)); y < Math.min(shot.height, Math.round(box.y1)); y++) {
    for (let x = Math.max(0, Math.round(box.x0)); x < Math.min(shot.width, Math.round(box.x1)); x++) {
      const i = (y * shot.width + x) * 4;
      const distance =
        Math.abs(shot.data[i] - background[0]) +
        Math.abs(shot.data[i + 1] - background[1]) +
        Math.abs(shot.data[i + 2] - background[2]);
      inked += distance > 60 ? 1 : 0;
      total++;
    }
  }
  return total === 0 ? 0 : inked / total;
}

/** The colour of the top-left pixel, where the view draws only its background. */
export const cornerColour = (shot: Screenshot): number[] => [shot.data[0], shot.data[1], shot.data[2]];
