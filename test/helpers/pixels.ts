import { PNG } from 'pngjs';

export interface Screenshot {
  width: number;
  height: number;
  data: Buffer;
}

export const readPng = (png: Buffer): Screenshot => PNG.sync.read(png);

/** Pixels within a small distance of an RGB colour: is that colour drawn, and how much of it? */
export function pixelsNear(shot: Screenshot, [r, g, b]: number[]): number {
  let count = 0;
  for (let i = 0; i < shot.data.length; i += 4) {
    count += Math.abs(shot.data[i] - r) + Math.abs(shot.data[i + 1] - g) + Math.abs(shot.data[i + 2] - b) < 30 ? 1 : 0;
  }
  return count;
}

export function colourAt(shot: Screenshot, x: number, y: number): number[] {
  const i = (y * shot.width + x) * 4;
  return [...shot.data.subarray(i, i + 3)];
}

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
