import { PNG } from 'pngjs';

export interface PixelStats {
  width: number;
  height: number;
  /** Distinct colours, quantised to 5 bits a channel so antialiasing noise does not inflate the count. */
  colours: number;
  /** Share of pixels that differ from the most common colour (the background). */
  inked: number;
}

/** Reads a PNG screenshot: does it show a drawing, or a blank rectangle? */
export function pixelStats(png: Buffer): PixelStats {
  const { width, height, data } = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = ((data[i] >> 3) << 10) | ((data[i + 1] >> 3) << 5) | (data[i + 2] >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const background = Math.max(...counts.values());
  return { width, height, colours: counts.size, inked: 1 - background / (width * height) };
}
