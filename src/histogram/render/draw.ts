/**
 * Canvas drawing of one histogram: the range distribution with percentile markers and the heatmap with
 * percentile lines. All geometry comes from the pure helpers beside this file; this file only paints.
 */

import { HistogramScale } from '../../options';
import { Histogram } from '../model';
import { BucketAxis } from './axis';
import { distributionBars } from './distribution';
import { columnLevels, paintHeatmap, rampLevels, rowBuckets, StepColumns, stepColumns } from './heatmap';
import { chartLayout, ChartLayout, Rect, TICK_SPACE } from './layout';
import { timeTicks } from './timeAxis';

export interface Palette {
  text: string;
  grid: string;
  bar: string;
  /** The +Inf bucket, drawn apart: its observations are only known to be above the top bound. */
  overflow: string;
  /** Heatmap colours by level, from colorRamp. */
  heat: Uint32Array;
  /** One per configured percentile, in order. */
  percentiles: string[];
  /** Drawn wider under the percentile lines over the heatmap, to part them from cells of any colour; none by default. */
  lineCasing?: string;
  font: string;
}

export interface RenderOptions {
  width: number;
  height: number;
  scale: HistogramScale;
  showHeatmap: boolean;
  /** Device pixels per CSS pixel: the heatmap image is written in device pixels, which no transform scales. */
  pixelRatio: number;
  /** Tick label text for a bound, in the field's unit. */
  formatBound(value: number): string;
  /** Tick label text for a time (epoch ms) under the heatmap, in the dashboard's time zone. */
  formatTime(time: number): string;
}

export interface Drawing {
  /** For hit-testing and for placing the legend's text. */
  layout: ChartLayout;
  /** The value the top of the heatmap's colour ramp stands for (its busiest cell); undefined without a heatmap. */
  heatMax?: number;
}

/**
 * Draws a histogram into a canvas of options.width × options.height CSS pixels (the canvas itself being
 * pixelRatio times larger); the colour legend's bar is drawn here, its text is left to the view.
 */
export function renderHistogram(
  ctx: CanvasRenderingContext2D,
  h: Histogram,
  options: RenderOptions,
  palette: Palette
): Drawing {
  const layout = chartLayout(h.bounds, options.scale, options.width, options.height, options.showHeatmap);
  ctx.setTransform(options.pixelRatio, 0, 0, options.pixelRatio, 0, 0);
  ctx.clearRect(0, 0, options.width, options.height);
  ctx.font = palette.font;
  drawDistribution(ctx, h, layout, palette);
  drawValueTicks(ctx, h.bounds, layout.valueAxis, layout.distribution, options.formatBound, palette);
  if (!layout.heatmap || !layout.heatmapAxis) {
    return { layout };
  }
  const heatMax = drawHeatmap(ctx, h, layout.heatmap, layout.heatmapAxis, options, palette);
  if (layout.legend) {
    drawLegendBar(ctx, layout.legend.bar, options.pixelRatio, palette);
  }
  return { layout, heatMax };
}

function drawDistribution(ctx: CanvasRenderingContext2D, h: Histogram, layout: ChartLayout, palette: Palette) {
  const { distribution: area, valueAxis } = layout;
  const bottom = area.y + area.height;
  const last = h.bounds.length - 1;
  for (const bar of distributionBars(h.range.counts, valueAxis.edges, area.height - 12)) {
    ctx.fillStyle = bar.bucket === last && h.bounds[last] === Infinity ? palette.overflow : palette.bar;
    ctx.fillRect(bar.x, bottom - bar.height, Math.max(1, bar.width - 1), bar.height);
  }
  h.range.percentiles.forEach((p, i) => {
    if (!Number.isFinite(p.value)) {
      return;
    }
    const x = valueAxis.toPixel(p.value);
    ctx.strokeStyle = palette.percentiles[i];
    ctx.setLineDash(p.clamped ? [3, 3] : []);
    ctx.beginPath();
    ctx.moveTo(x, area.y);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.fillStyle = palette.percentiles[i];
    ctx.fillText(`${p.clamped ? '≥ ' : ''}p${percentileName(p.q)}`, x + 2, area.y + 10 + 11 * i);
  });
  ctx.setLineDash([]);
}

function drawValueTicks(
  ctx: CanvasRenderingContext2D,
  bounds: Float64Array,
  axis: BucketAxis,
  area: Rect,
  format: (v: number) => string,
  palette: Palette
) {
  ctx.fillStyle = palette.text;
  ctx.textAlign = 'center';
  let lastRight = -Infinity;
  const right = area.x + area.width;
  bounds.forEach((bound, b) => {
    const text = Number.isFinite(bound) ? format(bound) : '+Inf';
    const half = ctx.measureText(text).width / 2;
    // +Inf sits in the middle of its slot; every label stays inside the canvas.
    const at = Number.isFinite(bound) ? axis.edges[b + 1] : (axis.edges[b] + axis.edges[b + 1]) / 2;
    const x = Math.min(at, right - half);
    if (x - half > lastRight + 4) {
      ctx.fillText(text, x, area.y + area.height + TICK_SPACE - 4);
      lastRight = x + half;
    }
  });
  ctx.textAlign = 'start';
}

function drawHeatmap(
  ctx: CanvasRenderingContext2D,
  h: Histogram,
  area: Rect,
  axis: BucketAxis,
  options: RenderOptions,
  palette: Palette
): number {
  const ratio = options.pixelRatio;
  const width = Math.max(1, Math.floor(area.width * ratio));
  const steps = stepColumns(h.times, width);
  const { levels, max } = columnLevels(h.cells, h.bounds.length, steps, width);
  const edges = axis.edges.map((y) => (y - area.y) * ratio);
  paintLevels(ctx, area, ratio, levels, h.bounds.length, (height) => rowBuckets(edges, height), palette);
  // Every casing goes under every line, so no casing hides a line it crosses.
  if (palette.lineCasing) {
    ctx.strokeStyle = palette.lineCasing;
    ctx.lineWidth = PERCENTILE_LINE_WIDTH + 2 * CASING_WIDTH;
    for (const step of h.steps) {
      tracePercentile(ctx, step.values, steps, area.x, axis, ratio);
      ctx.stroke();
    }
  }
  ctx.lineWidth = PERCENTILE_LINE_WIDTH;
  h.steps.forEach((step, i) => {
    ctx.strokeStyle = palette.percentiles[i];
    tracePercentile(ctx, step.values, steps, area.x, axis, ratio);
    ctx.stroke();
  });
  ctx.lineWidth = 1;
  drawHeatmapTicks(ctx, h, area, axis, steps, options, palette);
  return max;
}

/** A percentile's path over time across the heatmap, broken where it has no value. */
function tracePercentile(
  ctx: CanvasRenderingContext2D,
  values: Float64Array,
  steps: StepColumns,
  left: number,
  axis: BucketAxis,
  ratio: number
) {
  ctx.beginPath();
  let drawing = false;
  for (let t = 0; t < values.length; t++) {
    const value = values[t];
    if (!Number.isFinite(value)) {
      drawing = false;
      continue;
    }
    // A clamped value is the top finite bound, so its line runs along the +Inf slot's lower edge.
    const x = left + (steps.columns[t] + steps.reach / 2) / ratio;
    const y = axis.toPixel(value);
    if (drawing) {
      ctx.lineTo(x, y);
    } else {
      ctx.moveTo(x, y);
      drawing = true;
    }
  }
}

/** The whole ramp, painted by the same pixel path as the heatmap's cells so the two cannot differ in colour. */
function drawLegendBar(ctx: CanvasRenderingContext2D, bar: Rect, ratio: number, palette: Palette) {
  const width = Math.max(1, Math.floor(bar.width * ratio));
  paintLevels(ctx, bar, ratio, rampLevels(width), 1, (height) => new Int16Array(height), palette);
}

/**
 * Levels (columns × buckets) into the device pixels of an area, framed by a grid-coloured line just outside it, so
 * no edge pixel is blended with the frame and the legend's end colours are exactly the cells' ones.
 */
function paintLevels(
  ctx: CanvasRenderingContext2D,
  area: Rect,
  ratio: number,
  levels: Uint8Array,
  buckets: number,
  rows: (height: number) => Int16Array,
  palette: Palette
) {
  const width = Math.max(1, Math.floor(area.width * ratio));
  const height = Math.max(1, Math.floor(area.height * ratio));
  const image = ctx.createImageData(width, height);
  paintHeatmap(image.data, width, height, levels, buckets, rows(height), palette.heat);
  ctx.putImageData(image, Math.round(area.x * ratio), Math.round(area.y * ratio));
  ctx.strokeStyle = palette.grid;
  ctx.strokeRect(area.x - 0.5, area.y - 0.5, area.width + 1, area.height + 1);
}

/** Bound labels up the left side (true to scale, like the cells) and clock times along the bottom. */
function drawHeatmapTicks(
  ctx: CanvasRenderingContext2D,
  h: Histogram,
  area: Rect,
  axis: BucketAxis,
  steps: StepColumns,
  options: RenderOptions,
  palette: Palette
) {
  ctx.fillStyle = palette.text;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  let lastTop = Infinity;
  h.bounds.forEach((bound, b) => {
    const y = Number.isFinite(bound) ? axis.edges[b + 1] : (axis.edges[b] + axis.edges[b + 1]) / 2;
    // Labels go bottom-up; one is skipped when it would overlap the one below it.
    if (y < lastTop - LABEL_HEIGHT) {
      ctx.fillText(Number.isFinite(bound) ? options.formatBound(bound) : '+Inf', area.x - 4, y);
      lastTop = y;
    }
  });
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  const bottom = area.y + area.height + TICK_SPACE - 4;
  for (const tick of timeTicks(steps.from, steps.to, area.width, TIME_LABEL_SPACING)) {
    ctx.fillText(options.formatTime(tick.time), area.x + tick.x, bottom);
  }
  ctx.textAlign = 'start';
}

const LABEL_HEIGHT = 12;
const PERCENTILE_LINE_WIDTH = 1.5;
/** The casing's width on either side of a percentile line. */
const CASING_WIDTH = 1;
const TIME_LABEL_SPACING = 72;

/** "50", "99", "99.9" for 0.5, 0.99, 0.999. */
export function percentileName(q: number): string {
  return String(Math.round(q * 1e6) / 1e4);
}
