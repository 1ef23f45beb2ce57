/**
 * The time × bucket heatmap as pixels: steps are binned into pixel columns and every pixel row belongs to the
 * bucket whose true-scale span covers it, so the image is written in one pass with one 32-bit store per pixel
 * (10,000 steps × 20 buckets must draw in well under 100 ms).
 */

export type Rgb = [number, number, number];

/**
 * 256 colours for levels 1..255 (0 stays transparent: no observations), interpolated through `stops` from the
 * fewest observations to the most, so a cell's colour reads as its count rather than as a faint tint.
 */
export function colorRamp(stops: Rgb[]): Uint32Array {
  const ramp = new Uint32Array(256);
  const last = stops.length - 1;
  for (let i = 1; i < 256; i++) {
    const at = ((i - 1) / 254) * last;
    const k = Math.max(0, Math.min(last - 1, Math.floor(at)));
    const f = last === 0 ? 0 : at - k;
    const [r, g, b] = [0, 1, 2].map((c) =>
      Math.round(stops[k][c] + (stops[Math.min(last, k + 1)][c] - stops[k][c]) * f)
    );
    // ImageData is RGBA in memory; every browser that runs Grafana is little-endian, so ABGR as a 32-bit word.
    ramp[i] = ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
  }
  return ramp;
}

export interface StepColumns {
  /** The pixel column where each step starts. */
  columns: Int32Array;
  /** Columns one step covers (at least 1): a step is drawn as a cell this wide, not as a one-pixel line. */
  reach: number;
  /** The times (epoch ms) at the left and right edges of the image. */
  from: number;
  to: number;
}

/** Steps spread over the width by time, the last step ending one (smallest) step past its start. */
export function stepColumns(times: Float64Array, width: number): StepColumns {
  const n = times.length;
  const columns = new Int32Array(n);
  if (n < 2) {
    return { columns, reach: width, from: times[0] ?? 0, to: times[0] ?? 0 };
  }
  let step = Infinity;
  for (let t = 1; t < n; t++) {
    step = Math.min(step, times[t] - times[t - 1]);
  }
  const start = times[0];
  const span = times[n - 1] - start + step;
  for (let t = 0; t < n; t++) {
    columns[t] = Math.min(width - 1, Math.floor(((times[t] - start) / span) * width));
  }
  return { columns, reach: Math.max(1, Math.round((step / span) * width)), from: start, to: start + span };
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
 * How a cell's value becomes its colour level (1..255, 0 for none) against the busiest cell's value: by square root,
 * so a bucket with a hundredth of the busiest one's observations still shows, a tenth of the way up the ramp. The
 * legend takes its name and its tick values from here, so it states the very mapping the cells are painted with.
 */
export const heatScale = {
  name: '√ scale',
  description: 'square-root scale',
  level(value: number, max: number): number {
    return value > 0 ? Math.max(1, Math.round(Math.sqrt(value / max) * 255)) : 0;
  },
  /** The value a fraction 0..1 of the way up the ramp stands for: level's inverse. */
  valueAt(fraction: number, max: number): number {
    return max * fraction * fraction;
  },
};

export interface HeatLevels {
  /** columns × buckets levels 0..255. */
  levels: Uint8Array;
  /** The busiest cell's value, which the top of the ramp stands for; 0 when every cell is empty. */
  max: number;
}

/**
 * Mean count per bucket and column (a column may hold many steps), levelled against the busiest cell; a column no
 * step starts in shows the step before it when that step reaches it (gaps in the data stay empty).
 */
export function columnLevels(cells: Float64Array, buckets: number, steps: StepColumns, width: number): HeatLevels {
  const { columns, reach } = steps;
  const sums = new Float64Array(width * buckets);
  const counts = new Uint32Array(width);
  for (let t = 0; t < columns.length; t++) {
    const c = columns[t];
    counts[c]++;
    for (let b = 0; b < buckets; b++) {
      const v = cells[t * buckets + b];
      if (v > 0) {
        sums[c * buckets + b] += v;
      }
    }
  }
  let max = 0;
  for (let i = 0; i < sums.length; i++) {
    sums[i] /= counts[(i / buckets) | 0] || 1;
    max = Math.max(max, sums[i]);
  }
  const levels = new Uint8Array(sums.length);
  let source = -1;
  for (let c = 0; c < width; c++) {
    if (counts[c] > 0) {
      source = c;
    } else if (source < 0 || c - source >= reach) {
      continue;
    }
    for (let b = 0; b < buckets; b++) {
      levels[c * buckets + b] = heatScale.level(sums[source * buckets + b], max);
    }
  }
  return { levels, max };
}

/**
 * The legend's bar as levels, one per pixel column: the whole ramp from level 1 (the faintest non-empty cell) at the
 * left edge to 255 at the right, so its middle shows the level of heatScale.valueAt(0.5).
 */
export function rampLevels(width: number): Uint8Array {
  const levels = new Uint8Array(width).fill(255);
  for (let x = 0; x < width - 1; x++) {
    levels[x] = 1 + Math.round((x / (width - 1)) * 254);
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
