/**
 * The time × bucket heatmap as pixels: steps are binned into pixel columns and every pixel row belongs to the
 * bucket whose true-scale span covers it, so the image is written in one pass with one 32-bit store per pixel
 * (10,000 steps × 20 buckets must draw in well under 100 ms).
 */

export type Rgb = [number, number, number];

/** 256 colours from transparent to `rgb`, brightening with the square root so rare buckets stay visible. */
export function colorRamp(rgb: Rgb): Uint32Array {
  const ramp = new Uint32Array(256);
  for (let i = 1; i < 256; i++) {
    const alpha = Math.round(48 + (207 * i) / 255);
    // ImageData is RGBA in memory; every browser that runs Grafana is little-endian, so ABGR as a 32-bit word.
    ramp[i] = ((alpha << 24) | (rgb[2] << 16) | (rgb[1] << 8) | rgb[0]) >>> 0;
  }
  return ramp;
}

/** The pixel column of every step: times spread over the width, the last step ending one step past its start. */
export function stepColumns(times: Float64Array, width: number): Int32Array {
  const columns = new Int32Array(times.length);
  const n = times.length;
  if (n < 2) {
    return columns;
  }
  const start = times[0];
  const span = times[n - 1] - start + (times[n - 1] - start) / (n - 1);
  for (let t = 0; t < n; t++) {
    columns[t] = Math.min(width - 1, Math.floor(((times[t] - start) / span) * width));
  }
  return columns;
}

/** Which bucket each pixel row shows, from the buckets' pixel edges; -1 for rows outside every bucket. */
export function rowBuckets(edges: Float64Array, height: number): Int16Array {
  const rows = new Int16Array(height).fill(-1);
  for (let b = 0; b < edges.length - 1; b++) {
    const top = Math.max(0, Math.round(Math.min(edges[b], edges[b + 1])));
    const bottom = Math.min(height, Math.round(Math.max(edges[b], edges[b + 1])));
    rows.fill(b, top, bottom);
  }
  return rows;
}

/**
 * Mean count per bucket and column (a column may hold many steps), normalised to the busiest cell.
 * Returns columns × buckets levels 0..255.
 */
export function columnLevels(cells: Float64Array, buckets: number, columns: Int32Array, width: number): Uint8Array {
  const sums = new Float64Array(width * buckets);
  const steps = new Uint32Array(width);
  for (let t = 0; t < columns.length; t++) {
    const c = columns[t];
    steps[c]++;
    for (let b = 0; b < buckets; b++) {
      const v = cells[t * buckets + b];
      if (v > 0) {
        sums[c * buckets + b] += v;
      }
    }
  }
  let max = 0;
  for (let i = 0; i < sums.length; i++) {
    sums[i] /= steps[(i / buckets) | 0] || 1;
    max = Math.max(max, sums[i]);
  }
  const levels = new Uint8Array(sums.length);
  for (let i = 0; i < sums.length; i++) {
    levels[i] = sums[i] > 0 ? Math.max(1, Math.round(Math.sqrt(sums[i] / max) * 255)) : 0;
  }
  return levels;
}

/** Writes the heatmap into RGBA pixels (an ImageData's data), rows top to bottom. */
export function paintHeatmap(
  pixels: Uint8ClampedArray,
  width: number,
  height: number,
  levels: Uint8Array,
  buckets: number,
  rows: Int16Array,
  ramp: Uint32Array
) {
  const words = new Uint32Array(pixels.buffer, pixels.byteOffset, width * height);
  for (let y = 0; y < height; y++) {
    const b = rows[y];
    if (b < 0) {
      continue;
    }
    const line = y * width;
    for (let x = 0; x < width; x++) {
      words[line + x] = ramp[levels[x * buckets + b]];
    }
  }
}
