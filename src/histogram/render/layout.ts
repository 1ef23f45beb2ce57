/**
 * Where things go on a histogram's canvas: the distribution on top, the heatmap under it when asked for and when
 * there is room. Shared by drawing and by pointer hit-testing so both agree on every pixel.
 */

import { HistogramScale } from '../../options';
import { bucketAxis, BucketAxis } from './axis';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  distribution: Rect;
  /** Horizontal value axis of the distribution. */
  valueAxis: BucketAxis;
  heatmap?: Rect;
  /** Vertical value axis of the heatmap, growing upwards. */
  heatmapAxis?: BucketAxis;
}

/** Room for tick labels under the distribution and left of the heatmap. */
export const TICK_SPACE = 16;
export const LEFT_SPACE = 48;
/** Pixels given to the +Inf bucket past the axis end. */
export const OVERFLOW_SLOT = 28;
const MIN_HEATMAP_HEIGHT = 60;

export function chartLayout(
  bounds: Float64Array,
  scale: HistogramScale,
  width: number,
  height: number,
  showHeatmap: boolean
): ChartLayout {
  const plotWidth = Math.max(1, width - LEFT_SPACE);
  const wantsHeatmap = showHeatmap && height >= 2 * MIN_HEATMAP_HEIGHT + 2 * TICK_SPACE;
  const distributionHeight = wantsHeatmap ? Math.round(height * 0.45) : height;
  const distribution = { x: LEFT_SPACE, y: 0, width: plotWidth, height: Math.max(1, distributionHeight - TICK_SPACE) };
  const axisEnd = distribution.x + distribution.width - OVERFLOW_SLOT;
  const valueAxis = bucketAxis(bounds, scale, distribution.x, axisEnd, distribution.x + distribution.width);
  if (!wantsHeatmap) {
    return { distribution, valueAxis };
  }
  const top = distributionHeight + TICK_SPACE / 2;
  const heatmap = { x: LEFT_SPACE, y: top, width: plotWidth, height: Math.max(1, height - top - TICK_SPACE) };
  const bottom = heatmap.y + heatmap.height;
  const heatmapAxis = bucketAxis(bounds, scale, bottom, heatmap.y + OVERFLOW_SLOT, heatmap.y);
  return { distribution, valueAxis, heatmap, heatmapAxis };
}

export function contains(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
}
