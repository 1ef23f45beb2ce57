import { distributionBars } from './distribution';

describe('distributionBars', () => {
  it('makes areas, not heights, proportional to counts', () => {
    const bars = distributionBars(Float64Array.from([10, 10, 0]), Float64Array.from([0, 10, 30, 40]), 100);
    expect(bars.map((b) => [b.x, b.width, b.height])).toEqual([
      [0, 10, 100],
      [10, 20, 50],
      [30, 10, 0],
    ]);
  });
});
