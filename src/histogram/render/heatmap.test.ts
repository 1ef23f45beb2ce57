import { colorRamp, columnLevels, heatScale, paintHeatmap, rampLevels, rowBuckets, stepColumns } from './heatmap';

describe('heatmap pixels', () => {
  it('spreads steps over columns, each reaching one step wide, and gives each pixel row its bucket', () => {
    expect(stepColumns(Float64Array.from([0, 10, 20, 30]), 8)).toEqual({
      columns: Int32Array.from([0, 2, 4, 6]),
      reach: 2,
      from: 0,
      to: 40,
    });
    expect([...rowBuckets(Float64Array.from([4, 2, 0]), 5)]).toEqual([1, 1, 0, 0, -1]);
  });

  it('averages the steps of a column and scales levels to the busiest cell', () => {
    const cells = Float64Array.from([4, 0, 0, 1, 1, 0]);
    const { levels, max } = columnLevels(
      cells,
      2,
      { columns: Int32Array.from([0, 0, 1]), reach: 1, from: 0, to: 3 },
      2
    );
    expect([...levels]).toEqual([255, Math.round(Math.sqrt(0.5 / 2) * 255), Math.round(Math.sqrt(1 / 2) * 255), 0]);
    // The busiest cell is column 0's mean of 4 and 0 in bucket 0, not the single largest step value.
    expect(max).toBe(2);
  });

  it('fills the columns a step reaches, as a cell, and leaves a gap in the data empty', () => {
    // Steps at 0, 10 and 40 over 10 columns of 5 time units: a missing step at 20 and 30.
    const steps = stepColumns(Float64Array.from([0, 10, 40]), 10);
    expect(steps).toEqual({ columns: Int32Array.from([0, 2, 8]), reach: 2, from: 0, to: 50 });
    const { levels } = columnLevels(Float64Array.from([1, 1, 1]), 1, steps, 10);
    expect([...levels]).toEqual([255, 255, 255, 255, 0, 0, 0, 0, 255, 255]);
  });

  it('ramps from the first stop to the last, with level 0 transparent', () => {
    const ramp = colorRamp([
      [0, 0, 100],
      [200, 100, 0],
    ]);
    const rgba = (word: number) => [word & 255, (word >>> 8) & 255, (word >>> 16) & 255, word >>> 24];
    expect(rgba(ramp[0])).toEqual([0, 0, 0, 0]);
    expect(rgba(ramp[1])).toEqual([0, 0, 100, 255]);
    expect(rgba(ramp[255])).toEqual([200, 100, 0, 255]);
    expect(rgba(ramp[128])).toEqual([100, 50, 50, 255]);
  });

  it('writes ramp colours row by row and leaves rows outside the buckets untouched', () => {
    const pixels = new Uint8ClampedArray(2 * 3 * 4);
    const ramp = colorRamp([[10, 20, 30]]);
    paintHeatmap(pixels, 2, 3, Uint8Array.from([255, 0, 0, 255]), 2, Int16Array.from([1, 0, -1]), ramp);
    expect([...pixels.slice(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...pixels.slice(4, 8)]).toEqual([10, 20, 30, 255]);
    expect([...pixels.slice(8, 12)]).toEqual([10, 20, 30, 255]);
    expect([...pixels.slice(16)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('levels a value by the square root of its share of the busiest, and valueAt inverts it', () => {
    expect(heatScale.level(0, 8)).toBe(0);
    expect(heatScale.level(1e-9, 8)).toBe(1);
    expect(heatScale.level(2, 8)).toBe(128);
    expect(heatScale.level(8, 8)).toBe(255);
    for (let level = 1; level <= 255; level++) {
      expect(heatScale.level(heatScale.valueAt(level / 255, 8), 8)).toBe(level);
    }
  });

  it('lays the whole ramp along the legend bar, level 1 to 255, its middle at valueAt(0.5)', () => {
    const bar = rampLevels(101);
    expect(bar[0]).toBe(1);
    expect(bar[100]).toBe(255);
    // Half way along a square-root ramp: a quarter of the busiest cell, level 128.
    expect(bar[50]).toBe(128);
    expect([...bar].every((level, x) => x === 0 || level >= bar[x - 1])).toBe(true);
    expect([...rampLevels(1)]).toEqual([255]);
  });
});
