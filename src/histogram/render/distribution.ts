/**
 * Bar geometry of the distribution over the time range: each bucket spans its true-scale pixel width and its bar
 * height is count per pixel, so areas (not heights) compare counts across buckets of different widths.
 */

export interface Bar {
  bucket: number;
  x: number;
  width: number;
  height: number;
}

/** Bars for per-bucket counts between pixel edges, scaled so the densest reaches maxHeight. */
export function distributionBars(counts: Float64Array, edges: Float64Array, maxHeight: number): Bar[] {
  const widths = Array.from(counts, (_, b) => Math.abs(edges[b + 1] - edges[b]));
  const densities = Array.from(counts, (count, b) => (count > 0 && widths[b] > 0 ? count / widths[b] : 0));
  const densest = Math.max(0, ...densities);
  return densities.map((density, bucket) => ({
    bucket,
    x: Math.min(edges[bucket], edges[bucket + 1]),
    width: widths[bucket],
    height: densest > 0 ? (density / densest) * maxHeight : 0,
  }));
}
