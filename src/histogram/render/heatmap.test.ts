import { colorRamp, columnLevels, paintHeatmap, rowBuckets, stepColumns } from './heatmap';

describe('heatmap pixels', () => {
  it('spreads steps over columns and gives each pixel row its bucket', () => {
    expect([...stepColumns(Float64Array.from([0, 10, 20, 30]), 8)]).toEqual([0, 2, 4, 6]);
    expect([...rowBuckets(Float64Array.from([4, 2, 0]), 5)]).toEqual([1, 1, 0, 0, -1]);
  });

  it('averages the steps of a column and scales levels to the busiest cell', () => {
    const cells = Float64Array.from([4, 0, 0, 1, 1, 0]);
    const levels = columnLevels(cells, 2, Int32Array.from([0, 0, 1]), 2);
    expect([...levels]).toEqual([255, Math.round(Math.sqrt(0.5 / 2) * 255), Math.round(Math.sqrt(1 / 2) * 255), 0]);
  });

  it('writes ramp colours row by row and leaves rows outside the buckets untouched', () => {
    const pixels = new Uint8ClampedArray(2 * 3 * 4);
    const ramp = colorRamp([10, 20, 30]);
    paintHeatmap(pixels, 2, 3, Uint8Array.from([255, 0, 0, 255]), 2, Int16Array.from([1, 0, -1]), ramp);
    expect([...pixels.slice(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...pixels.slice(4, 8)]).toEqual([10, 20, 30, 255]);
    expect([...pixels.slice(8, 12)]).toEqual([10, 20, 30, 255]);
    expect([...pixels.slice(16)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
