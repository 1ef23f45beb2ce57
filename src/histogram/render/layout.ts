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
  /** The heatmap's colour legend, under its time labels, when the canvas has room for it. */
  legend?: LegendLayout;
}

export interface LegendLayout {
  /** The whole strip across the canvas: the caption on the left, the bar and its tick labels on the right. */
  strip: Rect;
  /** The colour bar, right-aligned with the heatmap; tick labels go under it. */
  bar: Rect;
}

/** Room for tick labels under the distribution and left of the heatmap. */
export const TICK_SPACE = 16;
export const LEFT_SPACE = 48;
/** Pixels given to the +Inf bucket past the axis end. */
export const OVERFLOW_SLOT = 28;
const MIN_HEATMAP_HEIGHT = 60;
/** A colour bar 8 px high with a line of tick labels under it. */
const LEGEND_SPACE = 26;
const LEGEND_BAR_HEIGHT = 8;
/** Narrower than this the bar's end labels would touch; the legend is left out rather than squeezed. */
const MIN_LEGEND_BAR = 96;
const MAX_LEGEND_BAR = 240;

export function chartLayout(
  bounds: Float64Array,
  scale: HistogramScale,
  width: number,
  height: number,
  showHeatmap: boolean
): ChartLayout {
  const plotWidth = Math.max(1, width - LEFT_SPACE);
  const heatmapRoom = (room: number) => showHeatmap && room >= 2 * MIN_HEATMAP_HEIGHT + 2 * TICK_SPACE;
  // The legend only ever takes room the heatmap can spare: a heatmap without one beats none at all.
  const withLegend = plotWidth >= MIN_LEGEND_BAR && heatmapRoom(height - LEGEND_SPACE);
  const drawable = withLegend ? height - LEGEND_SPACE : height;
  const wantsHeatmap = heatmapRoom(drawable);
  const distributionHeight = wantsHeatmap ? Math.round(drawable * 0.45) : height;
  const distribution = { x: LEFT_SPACE, y: 0, width: plotWidth, height: Math.max(1, distributionHeight - TICK_SPACE) };
  const axisEnd = distribution.x + distribution.width - OVERFLOW_SLOT;
  const valueAxis = bucketAxis(bounds, scale, distribution.x, axisEnd, distribution.x + distribution.width);
  if (!wantsHeatmap) {
    return { distribution, valueAxis };
  }
  const top = distributionHeight + TICK_SPACE / 2;
  const heatmap = { x: LEFT_SPACE, y: top, width: plotWidth, height: Math.max(1, drawable - top - TICK_SPACE) };
  const bottom = heatmap.y + heatmap.height;
  const heatmapAxis = bucketAxis(bounds, scale, bottom, heatmap.y + OVERFLOW_SLOT, heatmap.y);
  return {
    distribution,
    valueAxis,
    heatmap,
    heatmapAxis,
    legend: withLegend ? legendLayout(heatmap, drawable, width) : undefined,
  };
}

function legendLayout(heatmap: Rect, top: number, width: number): LegendLayout {
  const barWidth = Math.round(Math.min(MAX_LEGEND_BAR, Math.max(MIN_LEGEND_BAR, heatmap.width * 0.4)));
  const strip = { x: 0, y: top, width, height: LEGEND_SPACE };
  const bar = { x: heatmap.x + heatmap.width - barWidth, y: top + 4, width: barWidth, height: LEGEND_BAR_HEIGHT };
  return { strip, bar };
}

export function contains(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
}
