/**
 * A value axis true to the buckets' scale. Classic buckets are drawn at their real bounds, never one slot per `le`,
 * and the +Inf bucket gets a slot of its own past the axis end because it has no width to draw.
 */

import { HistogramScale } from '../../options';

export interface BucketAxis {
  scale: HistogramScale;
  /** Where the first bucket starts: 0 on a linear axis, one bucket ratio below the first bound on a log axis. */
  min: number;
  /** The highest finite bound. */
  max: number;
  /** Pixel of a value within [min, max]; values outside are clamped to the axis ends. */
  toPixel(value: number): number;
  /** Pixel edges of every bucket, bounds.length + 1 of them; the last bucket (+Inf) ends at the slot's end. */
  edges: Float64Array;
}

/**
 * @param from pixel of the axis start, @param to pixel of the axis end (before the +Inf slot),
 * @param overflowEnd pixel where the +Inf slot ends. Works downwards too (from > to) for vertical axes.
 */
export function bucketAxis(
  bounds: Float64Array,
  requested: HistogramScale,
  from: number,
  to: number,
  overflowEnd: number
): BucketAxis {
  const finite = bounds.filter((b) => Number.isFinite(b));
  const max = finite.length > 0 ? finite[finite.length - 1] : 1;
  // A log axis needs positive bounds and a first bucket that starts above 0.
  const scale: HistogramScale = requested === 'log' && finite.length > 0 && finite[0] > 0 ? 'log' : 'linear';
  const min = scale === 'log' ? logStart(finite) : Math.min(0, finite[0] ?? 0);
  const project = scale === 'log' ? Math.log10 : (v: number) => v;
  const p0 = project(min);
  const span = project(max) - p0 || 1;
  const toPixel = (value: number) => {
    const clamped = Math.min(Math.max(value, min), max);
    return from + ((project(clamped) - p0) / span) * (to - from);
  };
  const edges = new Float64Array(bounds.length + 1);
  edges[0] = toPixel(min);
  bounds.forEach((bound, i) => {
    edges[i + 1] = Number.isFinite(bound) ? toPixel(bound) : overflowEnd;
  });
  return { scale, min, max, toPixel, edges };
}

/** One step of the first two bounds' ratio below the first bound (a decade when there is a single bound). */
function logStart(finite: Float64Array): number {
  const ratio = finite.length > 1 ? finite[1] / finite[0] : 10;
  return finite[0] / ratio;
}

/** The bucket whose pixel span holds `pixel`, or -1 outside every bucket. */
export function bucketAtPixel(edges: Float64Array, pixel: number): number {
  for (let b = 0; b < edges.length - 1; b++) {
    const lo = Math.min(edges[b], edges[b + 1]);
    const hi = Math.max(edges[b], edges[b + 1]);
    if (pixel >= lo && pixel < hi) {
      return b;
    }
  }
  return -1;
}
